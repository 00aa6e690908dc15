import { Type, type TSchema } from 'typebox';

/** Shapes shared by several resources: money, times, ids, lists. */

export const Id = (prefix: string) =>
  Type.String({ pattern: `^${prefix}_[0-9a-z]+$`, 'x-allowed': `an id such as "${prefix}_0ab12cd3…"` });

export const IdParams = (prefix: string) => Type.Object({ id: Id(prefix) });

export const Instant = Type.String({ format: 'date-time', description: 'ISO 8601, UTC.' });
export const NullableInstant = Type.Union([Instant, Type.Null()]);

export const Money = Type.Object(
  {
    amount: Type.String({ description: 'Exact decimal, e.g. "12.50".' }),
    currency: Type.String({ description: 'ISO 4217 code.' }),
  },
  { description: 'An exact amount of money.' },
);

/** A decimal amount as text, never a float: "100.00". `allowed` words it in error messages. */
export const DecimalText = (description: string, allowed = 'a decimal amount as text such as "100.00"') =>
  Type.String({ pattern: '^-?\\d{1,15}(\\.\\d{1,6})?$', 'x-allowed': allowed, description });

export const E164 = Type.String({
  pattern: '^\\+[1-9]\\d{6,14}$',
  'x-allowed': 'an E.164 number such as "+12125550199"',
});

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const Problem = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    code: Type.String({ description: 'Stable, snake_case: what programs test.' }),
    detail: Type.String(),
    instance: Type.String(),
    errors: Type.Optional(Type.Array(Type.Object({ path: Type.String(), message: Type.String() }))),
  },
  { additionalProperties: true, description: 'An error (RFC 9457 application/problem+json).' },
);

/** The error responses a route documents; every route may also answer 401, 429 and 500. */
export const problems = (...statuses: number[]) =>
  Object.fromEntries([401, 429, ...statuses].map((s) => [s, Problem]));
