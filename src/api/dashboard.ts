import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ApiProblem } from './http/problem.js';

/**
 * The dashboard's content security policy: its own scripts only, no inline script, no frames, requests to this
 * origin only. Inline styles are allowed because the component library sets its CSS variables in a style tag.
 */
const DASHBOARD_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Paths that belong to the API and its operations, never to the dashboard. */
const API_PATHS = /^\/(v1|webhooks|docs|openapi\.json|healthz|readyz|metrics)(\/|$)/;

/**
 * Serves the built dashboard (`dist/web`, made by `npm run build`) at `/`. Its hashed assets are cached for
 * good; every other browser navigation outside the API gets `index.html`, and the app's router picks the page.
 * Requests that do not ask for HTML (scripts, curl) still get the API's 404 problem for an unknown path.
 */
export async function registerDashboard(app: FastifyInstance, dashboardDir: string): Promise<void> {
  await app.register(fastifyStatic, {
    root: `${dashboardDir}/assets`,
    prefix: '/assets/',
    immutable: true,
    maxAge: '365d',
    index: false,
  });
  const sendApp = (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0]!;
    if (API_PATHS.test(path) || !request.headers.accept?.includes('text/html')) {
      throw new ApiProblem(404, 'route_not_found', `no route ${request.method} ${path}`);
    }
    return reply
      .header('content-security-policy', DASHBOARD_CSP)
      .header('cache-control', 'no-cache')
      .sendFile('index.html', dashboardDir);
  };
  app.get('/', { schema: { hide: true } }, sendApp);
  app.get('/*', { schema: { hide: true } }, sendApp);
}
