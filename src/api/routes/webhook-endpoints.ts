import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { WebhookDelivery, WebhookEndpoint } from '../../engine/ports/webhook-store.js';
import type { ApiDeps } from '../api-deps.js';
import type { Api } from '../http/api-instance.js';
import { accountOf, ownedBy } from '../http/access-control.js';
import { PageQuery, pageOf, paginate } from '../http/pagination.js';
import { invalidRequest } from '../http/problem.js';
import { iso, isoOrNull } from '../presenters/format.js';
import { IdParams, problems } from '../schemas/common.js';
import {
  WebhookDelivery as DeliverySchema,
  WebhookEndpoint as EndpointSchema,
  WebhookEndpointCreate,
  WebhookEndpointCreated,
} from '../schemas/webhooks.js';
import { newWebhookSecret } from '../webhooks/signature.js';
import { checkWebhookUrl } from '../webhooks/url-guard.js';

const presentEndpoint = (e: WebhookEndpoint) => ({
  id: e.id,
  url: e.url,
  events: [...e.events],
  createdAt: iso(e.createdAt),
  disabledAt: isoOrNull(e.disabledAt),
  disabledReason: e.disabledReason,
});

const presentDelivery = (d: WebhookDelivery) => ({
  id: d.id,
  eventSeq: d.eventSeq,
  eventType: d.eventType,
  status: d.status,
  createdAt: iso(d.createdAt),
  nextAttemptAt: isoOrNull(d.nextAttemptAt),
  attempts: d.attempts.map((a) => ({ ...a, at: iso(a.at) })),
});

/** Webhook subscriptions and their delivery log. */
export function registerWebhookEndpointRoutes(api: Api, deps: ApiDeps): void {
  const { webhooks, ids, clock } = deps;
  const ownEndpoint = async (request: FastifyRequest, id: string) =>
    ownedBy(request, 'webhook endpoint', id, await webhooks.getEndpoint(id));

  api.post(
    '/v1/webhook-endpoints',
    {
      config: { idempotent: true },
      schema: {
        tags: ['webhooks'],
        summary:
          'Subscribe a URL to events. Deliveries are signed per Standard Webhooks with the returned secret.',
        body: WebhookEndpointCreate,
        response: { 201: WebhookEndpointCreated, ...problems(422) },
      },
    },
    async (request, reply) => {
      const checked = checkWebhookUrl(request.body.url, {
        allowPrivateTargets: deps.options.allowPrivateWebhooks,
      });
      if (!checked.ok) throw invalidRequest([{ path: 'url', message: `is refused: ${checked.message}` }]);
      const endpoint: WebhookEndpoint = {
        id: ids.next('whe'),
        accountId: accountOf(request),
        url: checked.url.toString(),
        events: [...new Set(request.body.events)],
        secret: newWebhookSecret(),
        createdAt: clock.now(),
        disabledAt: null,
        disabledReason: null,
      };
      await webhooks.createEndpoint(endpoint);
      return reply
        .status(201)
        .header('cache-control', 'no-store')
        .send({ ...presentEndpoint(endpoint), secret: endpoint.secret });
    },
  );

  api.get(
    '/v1/webhook-endpoints',
    {
      schema: {
        tags: ['webhooks'],
        summary: "The account's webhook subscriptions (never their secrets).",
        querystring: Type.Object(PageQuery),
        response: { 200: pageOf(EndpointSchema) },
      },
    },
    async (request) =>
      paginate(request.query, (page) => webhooks.listEndpoints(accountOf(request), page), presentEndpoint),
  );

  api.delete(
    '/v1/webhook-endpoints/:id',
    {
      schema: {
        tags: ['webhooks'],
        summary: 'Unsubscribe; pending deliveries are dropped.',
        params: IdParams('whe'),
        response: { 204: Type.Null(), ...problems(404) },
      },
    },
    async (request, reply) => {
      const endpoint = await ownEndpoint(request, request.params.id);
      await webhooks.deleteEndpoint(endpoint.id);
      return reply.status(204).send(null);
    },
  );

  api.get(
    '/v1/webhook-endpoints/:id/deliveries',
    {
      schema: {
        tags: ['webhooks'],
        summary: 'Deliveries to this endpoint with every attempt: status, response code, error, duration.',
        params: IdParams('whe'),
        querystring: Type.Object(PageQuery),
        response: { 200: pageOf(DeliverySchema), ...problems(404) },
      },
    },
    async (request) => {
      const endpoint = await ownEndpoint(request, request.params.id);
      return paginate(request.query, (page) => webhooks.listDeliveries(endpoint.id, page), presentDelivery);
    },
  );
}
