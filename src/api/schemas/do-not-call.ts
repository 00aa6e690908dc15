import { Type } from 'typebox';
import { DO_NOT_CALL_SOURCES } from '../../domain/do-not-call.js';
import { E164, Instant, Nullable } from './common.js';

/** The account's do-not-call list (DESIGN §2.4): numbers none of its campaigns ever dials. */

export const MAX_DO_NOT_CALL_PER_REQUEST = 1000;

/** A number as a user writes it: normalised like a lead's (E.164, or national in the default country). */
const Phone = Type.String({
  minLength: 1,
  maxLength: 64,
  description: 'E.164 preferred; national numbers use the default country.',
});

export const DoNotCallAdd = Type.Object(
  {
    phones: Type.Array(Phone, { minItems: 1, maxItems: MAX_DO_NOT_CALL_PER_REQUEST }),
    note: Type.Optional(
      Type.String({ maxLength: 500, description: 'Why, for whoever reads the list later.' }),
    ),
  },
  { additionalProperties: false },
);

export const DoNotCallAdded = Type.Object({
  added: Type.Integer({ description: 'Numbers put on the list.' }),
  alreadyListed: Type.Integer({
    description: 'Numbers that were on it already (or given twice): unchanged.',
  }),
  invalid: Type.Array(Type.Object({ index: Type.Integer(), field: Type.String(), message: Type.String() })),
});

export const DoNotCallQuery = Type.Object({
  phone: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 64,
      description: 'Look up this one number: the page holds its entry, or nothing when it is not listed.',
    }),
  ),
});

export const DoNotCallParams = Type.Object({ phone: E164 });

export const DoNotCallEntry = Type.Object({
  phone: Type.String(),
  source: Type.Enum(DO_NOT_CALL_SOURCES, {
    description: '`api`: added here; `import`: from a file; `opt_out`: the callee asked during a call.',
  }),
  note: Nullable(Type.String()),
  createdAt: Instant,
});
