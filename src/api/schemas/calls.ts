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
