import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { WebhookRequest } from '../../engine/ports/call-provider.js';
import type { ApiDeps } from '../api-deps.js';
import type { Api } from '../http/api-instance.js';
import { ApiProblem, notFound } from '../http/problem.js';
import { problems } from '../schemas/common.js';

/** Provider webhooks are small status messages; an end-of-call report with a transcript stays well under this. */
const WEBHOOK_MAX_BYTES = 5 * 1024 * 1024;

/** What providers post: Twilio forms, the others JSON. Kept as bytes: signatures are computed over them. */
const WEBHOOK_TYPES = ['application/json', 'application/x-www-form-urlencoded'];

/** The request as the provider saw it: the public URL it called, its headers, its bytes untouched. */
function webhookRequestOf(request: FastifyRequest, publicUrl: string, receivedAt: number): WebhookRequest {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  const body = request.body;
  return {
    url: publicUrl + request.url,
    headers,
    rawBody: Buffer.isBuffer(body) ? body : new Uint8Array(),
    receivedAt,
  };
}

/**
 * `POST /webhooks/{provider}` (DESIGN §6): a provider's call events in, verified by the provider's adapter
 * against the signature it sends, then applied through the dialer like the simulator's. A webhook that fails
 * verification is 401 and changes nothing; a duplicate applies once (its events keep their ids); an event for a
 * call we do not know yet (it raced our record of the provider's id) is acknowledged, and reconciliation settles
 * the call if its end is lost. Public: the provider's signature is the credential.
 */
export async function registerProviderWebhookRoutes(api: Api, deps: ApiDeps): Promise<void> {
  const { byName, publicUrl } = deps.webhookProviders;
  await api.register(async (scope: Api) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(
      WEBHOOK_TYPES,
      { parseAs: 'buffer', bodyLimit: WEBHOOK_MAX_BYTES },
      (_request, body, done) => done(null, body),
    );
    scope.post(
      '/webhooks/:provider',
      {
        schema: {
          // Not part of the API a client calls (the OpenAPI document is /v1): providers post here.
          hide: true,
          params: Type.Object({ provider: Type.String() }),
          response: { 204: Type.Null(), ...problems(400, 401, 404, 413, 415) },
        },
        config: { auth: 'public' },
      },
      async (request, reply) => {
        const { provider: name } = request.params;
        const provider = byName.get(name);
        if (provider?.receiveWebhook === undefined || publicUrl === null) {
          throw notFound('provider taking webhooks on this server', name);
        }
        // Wall-clock time, even on a test clock: providers stamp their signatures with theirs.
        const outcome = await provider.receiveWebhook(webhookRequestOf(request, publicUrl, Date.now()));
        if (!outcome.ok) {
          const status = outcome.reason === 'unauthenticated' ? 401 : 400;
          throw new ApiProblem(status, `webhook_${outcome.reason}`, outcome.message);
        }
        for (const event of outcome.events) await deps.reportCallEvent(event);
        return reply.status(204).send(null);
      },
    );
  });
}
