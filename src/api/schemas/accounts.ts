import { Type } from 'typebox';
import { DecimalText, Instant, Money, Nullable } from './common.js';

export const AccountCreate = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    currency: Type.Optional(
      Type.String({ pattern: '^[A-Z]{3}$', 'x-allowed': 'an ISO 4217 code such as "USD"', default: 'USD' }),
    ),
    minimumStartBalance: Type.Optional(
      DecimalText('A campaign starts only with at least this balance (DESIGN §2.3). Default "0".'),
    ),
  },
  { additionalProperties: false },
);

export const Account = Type.Object({
  id: Type.String(),
  name: Type.String(),
  balance: Money,
  reserved: Type.Object(
    { amount: Type.String(), currency: Type.String() },
    { description: 'One minute of every call in flight, held back from new calls (DESIGN §2.8).' },
  ),
  minimumStartBalance: Money,
  createdAt: Instant,
});

export const AccountCreated = Type.Object({
  account: Account,
  apiKey: Type.String({ description: 'Shown once: store it now. Only its hash is kept.' }),
});

export const CreditCreate = Type.Object(
  {
    amount: DecimalText('Money added to the balance, e.g. "100.00". Negative amounts correct a mistake.'),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);

export const LedgerEntry = Type.Object({
  id: Type.String(),
  kind: Type.Union([Type.Literal('credit'), Type.Literal('call_charge')]),
  amount: Money,
  callId: Nullable(Type.String()),
  note: Nullable(Type.String()),
  createdAt: Instant,
});

export const ApiKeyCreate = Type.Object(
  { label: Type.Optional(Type.String({ maxLength: 200 })) },
  { additionalProperties: false },
);

export const ApiKey = Type.Object({
  id: Type.String(),
  prefix: Type.String({ description: 'The first characters of the key, to tell keys apart.' }),
  label: Nullable(Type.String()),
  createdAt: Instant,
  revokedAt: Nullable(Instant),
});
