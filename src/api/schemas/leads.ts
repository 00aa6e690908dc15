import { Type } from 'typebox';
import { LEAD_STATUSES } from '../../domain/lead-status.js';
import { Instant, Nullable, NullableInstant } from './common.js';

export const MAX_LEADS_PER_REQUEST = 1000;

const Phone = Type.String({
  minLength: 1,
  maxLength: 64,
  description: 'E.164 preferred; national numbers use the default country.',
});

export const LeadInput = Type.Object(
  {
    phone: Phone,
    secondaryPhones: Type.Optional(
      Type.Array(Phone, { maxItems: 9, description: 'Tried after the primary.' }),
    ),
    name: Type.Optional(Type.String({ maxLength: 200 })),
    externalId: Type.Optional(Type.String({ maxLength: 200, description: 'Your id for the lead (CRM id).' })),
    fields: Type.Optional(
      Type.Record(Type.String({ maxLength: 64 }), Type.String({ maxLength: 2000 }), {
        description: 'Passed to the assistant as variables (e.g. first_name).',
        maxProperties: 50,
      }),
    ),
  },
  { additionalProperties: false },
);

export const LeadsAdd = Type.Object(
  { leads: Type.Array(LeadInput, { minItems: 1, maxItems: MAX_LEADS_PER_REQUEST }) },
  { additionalProperties: false },
);

/** A number left out of a batch, by the position of its lead in the request. */
const LeftOutNumber = Type.Object({ index: Type.Integer(), phone: Type.String({ description: 'E.164.' }) });

export const LeadsAdded = Type.Object({
  created: Type.Integer(),
  duplicates: Type.Array(LeftOutNumber, {
    description: 'Already in the campaign, or earlier in this batch: not added again.',
  }),
  suppressed: Type.Array(LeftOutNumber, { description: "On the account's do-not-call list: not added." }),
  invalid: Type.Array(Type.Object({ index: Type.Integer(), field: Type.String(), message: Type.String() })),
});

export const LeadStatus = Type.Enum(LEAD_STATUSES);

export const Lead = Type.Object({
  id: Type.String(),
  campaignId: Type.String(),
  name: Nullable(Type.String()),
  externalId: Nullable(Type.String()),
  fields: Type.Record(Type.String(), Type.String()),
  status: Type.String(),
  completionReason: Nullable(Type.String()),
  nextAttemptAt: NullableInstant,
  createdAt: Instant,
});

export const Contact = Type.Object({
  id: Type.String(),
  position: Type.Integer({ description: '0 = primary.' }),
  phone: Type.String(),
  attempts: Type.Integer(),
  dead: Type.Boolean({ description: 'Not callable any more (invalid number).' }),
  lastResult: Nullable(Type.String()),
});

export const LeadPatch = Type.Object(
  {
    status: Type.Union([Type.Literal('created'), Type.Literal('completed')], {
      description:
        'created: reset (dialed again from attempt 1 once the campaign runs); completed: stop calling.',
    }),
  },
  { additionalProperties: false },
);

/** A lead in its campaign's list: with its numbers, so a list can show them without a request per lead. */
export const ListedLead = Type.Object({
  ...Lead.properties,
  updatedAt: Type.String({
    format: 'date-time',
    description: 'When anything about the lead last changed: its status, its next attempt, an override.',
  }),
  contacts: Type.Array(Contact, { description: 'Primary first.' }),
  lastResult: Nullable(
    Type.String({
      description:
        "The last result of the number the lead's latest ended call went to (or of its only number with one); null before any.",
    }),
  ),
});

export const LeadSearchText = Type.String({
  minLength: 1,
  maxLength: 200,
  description:
    'Search: a query of digits and phone punctuation (`555 0123`, `+1 212`, `(212) 555-0123`) finds leads with a number containing those digits; any other finds leads whose name contains it, ignoring case. Combines with `status`. A search stops as soon as the page is full, so one that matches many leads answers at once; one that matches few scans the campaign: on 1,000,000 leads about 0.15 s (SQLite; 0.25 s for one or two digits) or 0.15 s for a number and 0.4 s for a name (PostgreSQL).',
});
