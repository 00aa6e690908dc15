import { Type } from 'typebox';
import { Instant, Nullable, NullableInstant } from './common.js';

/** The events Callwright writes to its outbox (DESIGN §7), any of which a subscription may ask for. */
export const EVENT_TYPES = [
  'campaign.started',
  'campaign.paused',
  'campaign.resumed',
  'campaign.completed',
  'lead.status_changed',
  'call.ended',
  'balance.low',
] as const;

export const WebhookEndpointCreate = Type.Object(
  {
    url: Type.String({ maxLength: 2000, description: 'https:// URL the events are POSTed to.' }),
    events: Type.Array(Type.Union([...EVENT_TYPES, '*'].map((t) => Type.Literal(t))), {
      minItems: 1,
      maxItems: EVENT_TYPES.length + 1,
      description: 'Event types to receive; "*" for all.',
    }),
  },
  { additionalProperties: false },
);

const endpointFields = {
  id: Type.String(),
  url: Type.String(),
  events: Type.Array(Type.String()),
  createdAt: Instant,
  disabledAt: NullableInstant,
  disabledReason: Nullable(Type.String()),
};

export const WebhookEndpoint = Type.Object(endpointFields);

export const WebhookEndpointCreated = Type.Object({
  ...endpointFields,
  secret: Type.String({
    description: 'Signing secret (Standard Webhooks, whsec_…): shown once. Verify every delivery with it.',
  }),
});

export const WebhookDelivery = Type.Object({
  id: Type.String({ description: 'Also the webhook-id header: the same on every retry.' }),
  eventSeq: Type.Integer(),
  eventType: Type.String(),
  status: Type.String({ description: 'pending, delivered or failed.' }),
  createdAt: Instant,
  nextAttemptAt: NullableInstant,
  attempts: Type.Array(
    Type.Object({
      at: Instant,
      responseStatus: Nullable(Type.Integer()),
      error: Nullable(Type.String()),
      durationMs: Type.Integer(),
    }),
  ),
});
