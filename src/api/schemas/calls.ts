import { Type } from 'typebox';
import { Instant, Nullable, NullableInstant } from './common.js';

export const Call = Type.Object({
  id: Type.String(),
  campaignId: Type.String(),
  leadId: Type.String(),
  leadName: Nullable(Type.String()),
  contactId: Type.String(),
  phone: Type.String(),
  attempt: Type.Integer({ description: 'Attempt number of this contact, from 1.' }),
  provider: Type.String(),
  providerCallId: Nullable(Type.String()),
  status: Type.String(),
  answeredBy: Nullable(Type.String({ description: 'human, machine (voicemail) or unknown.' })),
  failureReason: Nullable(Type.String()),
  placedAt: Instant,
  answeredAt: NullableInstant,
  endedAt: NullableInstant,
  billedSeconds: Type.Integer(),
  cost: Type.Object({ amount: Type.String(), currency: Type.String() }),
  goal: Nullable(Type.Boolean()),
  variables: Nullable(Type.Record(Type.String(), Type.Unknown())),
});

const CALL_LOG_ORDERS = ['oldest', 'newest'] as const;

/** How a campaign's calls are listed: as placed (a full export reads them so), or the latest first (a log). */
export const CallLogOrder = Type.Enum(CALL_LOG_ORDERS, {
  default: 'oldest',
  description: 'oldest: in the order placed. newest: the latest call first.',
});

export const CallDetail = Type.Object({
  ...Call.properties,
  timeline: Type.Array(Type.Object({ status: Type.String(), at: Instant })),
});

export const VariablesReport = Type.Object(
  {
    variables: Type.Record(
      Type.String({ maxLength: 64 }),
      Type.Union([Type.Boolean(), Type.String(), Type.Number(), Type.Null()]),
      {
        maxProperties: 50,
      },
    ),
  },
  { additionalProperties: false },
);
