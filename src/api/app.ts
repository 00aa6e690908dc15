import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import type { ApiDeps } from './api-deps.js';
import type { Api } from './http/api-instance.js';
import { registerDashboard } from './dashboard.js';
import { createRequestAuthenticator, installAccessControl } from './http/access-control.js';
import { installErrorHandling } from './http/error-handler.js';
import { installIdempotency } from './http/idempotency.js';
import { ApiProblem } from './http/problem.js';
import { compileValidator } from './http/validation.js';
import { registerAccountRoutes } from './routes/accounts.js';
import { registerAssistantRoutes } from './routes/assistants.js';
import { registerCallRoutes } from './routes/calls.js';
import { registerCampaignRoutes } from './routes/campaigns.js';
import { registerClockRoutes } from './routes/clock.js';
import { registerDoNotCallRoutes } from './routes/do-not-call.js';
import { registerEventStreamRoutes } from './routes/event-stream.js';
import { registerExportRoutes } from './routes/exports.js';
import { registerImportPreviewRoute } from './routes/import-preview.js';
import { registerProviderWebhookRoutes } from './routes/provider-webhooks.js';
import { registerProviderRoutes } from './routes/providers.js';
import { registerImportRoutes } from './routes/imports.js';
import { registerLeadRoutes } from './routes/leads.js';
import { registerOperationsRoutes } from './routes/operations.js';
import { registerPhoneNumberRoutes } from './routes/phone-numbers.js';
import { registerWebhookEndpointRoutes } from './routes/webhook-endpoints.js';

const typed = (app: FastifyInstance): Api => app.withTypeProvider<TypeBoxTypeProvider>();

/**
 * The HTTP API as a value (DESIGN §3): no port is opened and nothing global is touched, so tests build as many
 * apps as they like and `serve` decides where to listen. Every route's JSON Schema both validates its requests
 * and becomes the OpenAPI 3.1 document at `/openapi.json`.
 */
export async function createApp(deps: ApiDeps): Promise<FastifyInstance> {
  const app = Fastify({
    bodyLimit: deps.options.bodyLimitBytes,
    // Ids in paths are ours; anything longer than this is not a request worth parsing.
    routerOptions: { maxParamLength: 200 },
    return503OnClosing: true,
  });
  // The API speaks JSON only: Fastify's default text/plain parser would hand routes a string (a 422 that
  // blames the fields) where the answer is 415, and text/plain is what cross-site forms send.
  app.removeContentTypeParser('text/plain');
  const authenticate = createRequestAuthenticator(deps);
  app.setValidatorCompiler(({ schema, httpPart }) => compileValidator(schema, httpPart));
  installErrorHandling(app, deps);

  await app.register(helmet, {
    global: true,
    // The API serves JSON; only /docs serves a page, and it loads its own scripts and styles.
    contentSecurityPolicy: false,
  });
  // Off unless the operator names origins: a browser on another site must not drive an account's API.
  if (deps.options.corsOrigins.length > 0) {
    // Every method the API has: the plugin's default (GET, HEAD, POST) would stop a browser's PATCH and DELETE.
    await app.register(cors, {
      origin: [...deps.options.corsOrigins],
      methods: ['GET', 'HEAD', 'POST', 'PATCH', 'DELETE'],
    });
  }
  await app.register(rateLimit, {
    max: deps.options.rateLimitPerMinute,
    timeWindow: 60_000,
    // Per API key, by its id (however its header is spelled, it is one key); a request without a valid key
    // counts against its address, so that guessing keys is limited too (a new made-up key is no new budget).
    keyGenerator: async (request) => {
      const principal = await authenticate(request);
      if (principal === null) return `ip:${request.ip}`;
      return principal.kind === 'admin' ? 'admin' : `key:${principal.keyId}`;
    },
    errorResponseBuilder: (_request, context) => {
      deps.metrics.countRateLimited();
      return new ApiProblem(
        429,
        'rate_limited',
        `at most ${context.max} requests per minute per API key; retry in ${Math.ceil(context.ttl / 1000)} s`,
        { headers: { 'retry-after': String(Math.ceil(context.ttl / 1000)) } },
      );
    },
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Callwright API',
        version: deps.options.version,
        description:
          'Outbound AI calling campaigns: accounts, assistants, campaigns, leads, calls and events. ' +
          'Authenticate with `Authorization: Bearer <API key>`.',
      },
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'An API key.' } },
      },
      security: [{ bearer: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  // After the rate limit is registered, so that each route counts a request before checking its key.
  installAccessControl(app, authenticate);
  installIdempotency(app, deps);
  const api = typed(app);
  registerOperationsRoutes(api, deps);
  registerAccountRoutes(api, deps);
  registerPhoneNumberRoutes(api, deps);
  registerProviderRoutes(api, deps);
  registerAssistantRoutes(api, deps);
  registerCampaignRoutes(api, deps);
  registerLeadRoutes(api, deps);
  registerCallRoutes(api, deps);
  registerDoNotCallRoutes(api, deps);
  registerExportRoutes(api, deps);
  await registerImportRoutes(api, deps);
  await registerImportPreviewRoute(api, deps);
  registerWebhookEndpointRoutes(api, deps);
  await registerProviderWebhookRoutes(api, deps);
  registerEventStreamRoutes(api, deps);
  registerClockRoutes(api, deps);
  if (deps.options.dashboardDir !== null) await registerDashboard(app, deps.options.dashboardDir);
  return app;
}
