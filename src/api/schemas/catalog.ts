import { Type } from 'typebox';
import { DEFAULT_OPT_OUT_VARIABLE } from '../../domain/do-not-call.js';
import { ASSISTANT_VARIABLE_TYPES } from '../../domain/settings.js';
import { DecimalText, E164, Id, Instant, Nullable } from './common.js';

/** Phone numbers (caller ids) and assistants: what a campaign calls from and with. */

export const PROVIDER_NAMES = ['simulator', 'twilio', 'vapi', 'retell'] as const;
const Provider = Type.Enum(PROVIDER_NAMES, { description: 'Who places the calls.' });

export const PhoneNumberCreate = Type.Object(
  {
    number: E164,
    provider: Provider,
    providerRef: Type.Optional(
      Type.String({
        maxLength: 200,
        description: "The provider's id of the number (Vapi phoneNumberId, …).",
      }),
    ),
    label: Type.Optional(Type.String({ maxLength: 200 })),
    callsPerSecond: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 1000,
        default: 1,
        description: 'Pacing of this caller id (DESIGN §2.9).',
      }),
    ),
  },
  { additionalProperties: false },
);

export const PhoneNumber = Type.Object({
  id: Type.String(),
  number: Type.String(),
  provider: Type.String(),
  providerRef: Nullable(Type.String()),
  label: Nullable(Type.String()),
  callsPerSecond: Type.Number(),
  createdAt: Instant,
});

const variableName = (description?: string) =>
  Type.String({
    pattern: '^[A-Za-z_][A-Za-z0-9_]{0,63}$',
    'x-allowed': 'a name of letters, digits and _ that does not start with a digit, at most 64 characters',
    ...(description === undefined ? {} : { description }),
  });

const Variable = Type.Object(
  { name: variableName(), type: Type.Enum(ASSISTANT_VARIABLE_TYPES) },
  { additionalProperties: false },
);

const assistantFields = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  provider: Provider,
  providerAssistantId: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  phoneNumberId: Type.Optional(Nullable(Id('pn'))),
  timezone: Type.String({ description: 'IANA zone; the calling window is read in it.', maxLength: 64 }),
  ratePerMinute: DecimalText(
    "Price per call minute in the account's currency, up to 6 decimals.",
    // A rate is finer than the currency's unit (DESIGN §2.8): the message must say how fine, not "100.00".
    'a price per minute as text with at most 6 decimal places, such as "0.10"',
  ),
  maxCallMinutes: Type.Optional(Type.Integer({ minimum: 1, maximum: 240, default: 30 })),
  variables: Type.Array(Variable, {
    maxItems: 50,
    description: 'Post-call variables the assistant reports.',
  }),
  optOutVariable: Type.Optional(
    Nullable(
      variableName(
        'The boolean post-call variable by which a callee asks not to be called again: reported true, the ' +
          'number goes on the do-not-call list and the lead is completed. ' +
          `Default "${DEFAULT_OPT_OUT_VARIABLE}"; null: opt-outs are not read.`,
      ),
    ),
  ),
};

export const AssistantCreate = Type.Object(
  { ...assistantFields, variables: Type.Optional(assistantFields.variables) },
  { additionalProperties: false },
);

export const AssistantPatch = Type.Partial(Type.Object(assistantFields), { additionalProperties: false });

export const Assistant = Type.Object({
  id: Type.String(),
  name: Type.String(),
  provider: Type.String(),
  providerAssistantId: Nullable(Type.String()),
  phoneNumberId: Nullable(Type.String()),
  timezone: Type.String(),
  ratePerMinute: Type.Object({ amount: Type.String(), currency: Type.String() }),
  maxCallMinutes: Type.Integer(),
  variables: Type.Array(Type.Object({ name: Type.String(), type: Type.String() })),
  optOutVariable: Nullable(Type.String()),
  createdAt: Instant,
});
