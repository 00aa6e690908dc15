# Callwright as a container image: `callwright serve` by default; the same image runs `worker` and `migrate`.
#   docker build -t callwright .
#   docker run --rm -p 3000:3000 -e CALLWRIGHT_ADMIN_KEY=… callwright serve --host 0.0.0.0 --db postgres://…
# See docs/deploy.md. Written for users: it is reviewed, not built, in this repository's CI (no Docker engine there).

# ---- build: compile TypeScript and the native SQLite driver ----
FROM node:20-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 compiles from source when no prebuilt binary fits.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY bench ./bench
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

# ---- run: only what the service needs ----
FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY examples ./examples
# SQLite data (when --db is a file) lives in a volume; PostgreSQL deployments keep nothing here.
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
USER node
EXPOSE 3000
# SIGTERM stops gracefully: no new claims, calls in flight stay recorded (docs/deploy.md, "Stopping").
STOPSIGNAL SIGTERM
ENTRYPOINT ["node", "dist/src/cli/main.js"]
CMD ["serve", "--host", "0.0.0.0", "--port", "3000", "--db", "/data/callwright.db"]
