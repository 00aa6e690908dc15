/**
 * What a header says about its column on its own, for the automatic mapping (the import issue).
 *
 * Headers are compared by their letters and digits in lower case, so `Phone Number`, `phone_number`,
 * `PHONE-NUMBER` and `phoneNumber` are one name (`phonenumber`), and so are `email` and `E-mail`.
 */
import type { MappingRole, SingleColumnRole } from './roles.js';

export interface HeaderMeaning {
  readonly role: MappingRole;
  /** Among columns that could fill the same single role, the lowest rank wins: the most specific name. */
  readonly rank: number;
  /** The number in `secondary_phone_2` or `phone2`: numbered secondary columns are dialed in that order. */
  readonly sequence: number | null;
  /** For a phone column: whether it is dialed as a secondary number when another column is the primary one. */
  readonly dialedWhenNotPrimary: boolean;
}

/**
 * Most specific first: when several columns could be the primary number, the one named earliest here wins
 * (`phone` over `mobile`), and the others become secondary numbers.
 */
const PHONE_NAMES = [
  'primary_phone',
  'phone',
  'phone_number',
  'phone_1',
  'telephone',
  'telephone_number',
  'tel',
  'mobile',
  'mobile_phone',
  'mobile_number',
  'cell',
  'cell_phone',
];

/** `number` alone could count anything (a house, an order): the primary number only when no column is. */
const LAST_RESORT_PHONE_NAME = 'number';

const SECONDARY_NAMES = [
  'alt_phone',
  'alternate_phone',
  'alternative_phone',
  'other_phone',
  'office',
  'office_phone',
  'work_phone',
  'business_phone',
  'home_phone',
  'landline',
];

/** `secondary_phone` (1), `secondary_phone_2`, …, and `phone2`, `phone_3`, … (compared without separators). */
const NUMBERED_PHONE = /^(?:secondaryphone(\d*)|phone(\d+))$/;

/** Most specific first, as for the phone. */
const SINGLE_ROLE_NAMES: Readonly<Record<Exclude<SingleColumnRole, 'phone'>, readonly string[]>> = {
  name: ['full_name', 'contact_name', 'name'],
  firstName: ['first_name', 'given_name', 'first'],
  lastName: ['last_name', 'family_name', 'surname', 'last'],
  email: ['email', 'email_address'],
  timezone: ['timezone', 'tz'],
  externalId: ['external_id', 'crm_id', 'contact_id', 'record_id', 'customer_id', 'id'],
};

/** The form headers are compared in: letters and digits only, lower case. */
export function normalizeHeader(header: string): string {
  return header.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

const MEANINGS = buildMeanings();

/** The role a header suggests, or `null` for a header that is only a lead field. */
export function recognizeHeader(header: string): HeaderMeaning | null {
  const key = normalizeHeader(header);
  const named = MEANINGS.get(key);
  if (named !== undefined) return named;
  const sequence = sequenceOf(key);
  return sequence === null ? null : { role: 'secondary', rank: 0, sequence, dialedWhenNotPrimary: true };
}

function sequenceOf(key: string): number | null {
  const numbered = NUMBERED_PHONE.exec(key);
  if (numbered === null) return null;
  const digits = numbered[1] ?? numbered[2] ?? '';
  // `secondary_phone` without a number is the first secondary column, as in the original leads.csv format.
  return digits === '' ? 1 : Number(digits);
}

function buildMeanings(): Map<string, HeaderMeaning> {
  const meanings = new Map<string, HeaderMeaning>();
  const add = (name: string, meaning: Omit<HeaderMeaning, 'sequence'>) => {
    const key = normalizeHeader(name);
    meanings.set(key, { ...meaning, sequence: sequenceOf(key) });
  };
  PHONE_NAMES.forEach((name, rank) => add(name, { role: 'phone', rank, dialedWhenNotPrimary: true }));
  add(LAST_RESORT_PHONE_NAME, { role: 'phone', rank: PHONE_NAMES.length, dialedWhenNotPrimary: false });
  for (const name of SECONDARY_NAMES) add(name, { role: 'secondary', rank: 0, dialedWhenNotPrimary: true });
  for (const [role, names] of Object.entries(SINGLE_ROLE_NAMES)) {
    names.forEach((name, rank) =>
      add(name, { role: role as SingleColumnRole, rank, dialedWhenNotPrimary: false }),
    );
  }
  return meanings;
}
