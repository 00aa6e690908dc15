import type { ApiDeps } from '../api-deps.js';
import type { Api } from '../http/api-instance.js';

/** What operators and their tools read without a key: liveness, readiness, metrics, the OpenAPI document. */
export function registerOperationsRoutes(api: Api, deps: ApiDeps): void {
  api.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));

  api.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    const checks = await deps.readiness();
    const ready = Object.values(checks).every(Boolean);
    return reply.status(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not_ready', checks });
  });

  api.get('/metrics', { schema: { hide: true } }, async (_request, reply) =>
    reply.type(deps.metrics.contentType).send(await deps.metrics.render()),
  );

  api.get('/openapi.json', { schema: { hide: true } }, async () => api.swagger());
}
