/**
 * Phone number normalisation for imports (DESIGN §2.4): every number is stored in E.164, and a number that
 * does not validate is reported, never dialed.
 *
 * Validation uses libphonenumber's *max* metadata with `isValid()`: the *min* metadata only checks lengths
 * and accepts numbers in unallocated ranges (about 2% of random US numbers), which we would then dial.
 *
 * Accepted spellings, beyond what libphonenumber parses on its own (spaces, dots, dashes, parentheses,
 * national and `+` international formats, the default country's own international prefix such as `011`):
 * - spreadsheet artefacts: `12125550100.0`, `1.2125550100E+10`, a leading `'` or an `="…"` wrapper;
 * - a leading `00` international prefix, even where the default country uses another one (`0044 20 …` in US);
 * - a lost leading `+`: 11 or more digits that are invalid as a national number but valid with a `+`.
 * An extension (`x123`, `ext. 123`) is accepted and dropped: E.164 has no extension.
 */
import {
  isSupportedCountry,
  parsePhoneNumberFromString,
  validatePhoneNumberLength,
} from 'libphonenumber-js/max';
import type { CountryCode, PhoneNumber } from 'libphonenumber-js/max';
import type { LeadFileProblem } from '../engine/ports/lead-importer.js';

export type { CountryCode };

/** Why a value is not a usable number; `reason` completes the sentence `"<value>" …` (`is too short`). */
export interface PhoneRejection {
  readonly ok: false;
  readonly reason: string;
}

/** A normalised number, or why the raw text is not one. */
export type NormalizedPhone = { readonly ok: true; readonly e164: string } | PhoneRejection;

/** Valid for libphonenumber: an ISO 3166-1 alpha-2 code it has metadata for, upper case (`US`, `GB`). */
export function isValidCountryCode(code: string): code is CountryCode {
  return isSupportedCountry(code);
}

/** Why an import, or its preview, refuses a default country that `isValidCountryCode` does not accept. */
export const invalidCountryProblem = (code: string): LeadFileProblem => ({
  code: 'invalid_country',
  message: `defaultCountry must be an ISO 3166-1 alpha-2 code such as "US", got ${JSON.stringify(code)}`,
});

// Validation dominates import time (DESIGN §8: 1M rows in 30 s) and real lists repeat numbers (the same
// switchboard, re-imports). Clearing at the bound keeps memory flat without LRU bookkeeping.
const CACHE_LIMIT = 100_000;
const cache = new Map<string, NormalizedPhone>();

/**
 * Normalises `raw` to E.164, reading numbers written without a country code as numbers of `defaultCountry`.
 * Never throws: an unusable value comes back with a user-facing reason (`is too short`,
 * `is not a valid phone number for US`).
 */
export function normalizePhone(raw: string, defaultCountry: CountryCode): NormalizedPhone {
  // The country code is always two letters, so the key cannot collide.
  const key = defaultCountry + raw;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const result = Object.freeze(normalizeUncached(raw, defaultCountry));
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, result);
  return result;
}

const fail = (reason: string): PhoneRejection => ({ ok: false, reason });

// Characters a written phone number may contain; anything else (letters, `;`, `*`) is refused rather
// than skipped, because libphonenumber would otherwise pick digits out of free text.
const PHONE_CHARACTERS = /^\+?[\d\s().\-/]*(?:\s*(?:ext\.?|x|#)\s*\d+)?$/i;
// `12125550100.0`: a number column exported as floating point.
const FLOAT_NOTATION = /^(\d+)[.,]0+$/;
// `1.2125550100E+10` (`,` as the decimal mark in European locales).
const SCIENTIFIC_NOTATION = /^(\d)(?:[.,](\d+))?e\+?(\d{1,2})$/i;

function normalizeUncached(raw: string, defaultCountry: CountryCode): NormalizedPhone {
  const text = unwrapSpreadsheetText(raw);
  if (text === '') return fail('is empty');

  const written = expandNumberNotation(text);
  if (!written.ok) return written;
  const candidate = written.value;
  if (!PHONE_CHARACTERS.test(candidate)) return fail('is not a phone number');
  const digits = candidate.replace(/\D/g, '');
  if (digits === '') return fail('is not a phone number');

  // `00` is the international prefix in most of the world and a national number never starts with it (nor does
  // a US one), so such a number is read as international at once: where `00` is the prefix, reading it as written
  // gives the same number; elsewhere that reading would only fail first.
  if (/^[\s(]*00/.test(candidate)) {
    const international = `+${digits.slice(2)}`;
    const parsed = parseValid(international, defaultCountry);
    if (parsed !== undefined) return { ok: true, e164: parsed.number };
    return describeInvalid(international, defaultCountry);
  }

  const asWritten = parseValid(candidate, defaultCountry);
  if (asWritten !== undefined) return { ok: true, e164: asWritten.number };

  if (!candidate.startsWith('+')) {
    // A spreadsheet turned `+12125550100` into the number 12125550100. Ten digits is a whole national
    // number in many countries, so only longer strings are read as having lost their `+`.
    if (digits.length >= 11) {
      const parsed = parseValid(`+${digits}`, defaultCountry);
      if (parsed !== undefined) return { ok: true, e164: parsed.number };
    }
  }
  return describeInvalid(candidate, defaultCountry);
}

/** Removes what spreadsheets wrap around text: surrounding space, `'+1…` and `="+1…"`. */
function unwrapSpreadsheetText(raw: string): string {
  let text = raw
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .trim();
  const formula = /^="(.*)"$/.exec(text);
  if (formula?.[1] !== undefined) text = formula[1].trim();
  if (text.startsWith("'")) text = text.slice(1).trim();
  return text;
}

type Expanded = { readonly ok: true; readonly value: string } | PhoneRejection;

/** Rewrites a spreadsheet's float or scientific rendering of a number as its digits. */
function expandNumberNotation(text: string): Expanded {
  const float = FLOAT_NOTATION.exec(text);
  if (float?.[1] !== undefined) return { ok: true, value: float[1] };

  const scientific = SCIENTIFIC_NOTATION.exec(text);
  if (scientific === null) return { ok: true, value: text };
  const [, lead = '', fraction = '', exponentText = '0'] = scientific;
  const exponent = Number(exponentText);
  if (fraction.length > exponent) return fail('is not a phone number');
  // `1.21256E+10` is how Excel's General format shows 12125550100 in a narrow column (printf's `%e`
  // keeps seven digits): the missing digits are gone, and padding with zeros would dial someone else.
  // Only a rendering that carries every digit is accepted.
  if (fraction.length < exponent) {
    return fail('is in scientific notation and has lost digits (format the column as text and export again)');
  }
  return { ok: true, value: lead + fraction };
}

function parseValid(text: string, defaultCountry: CountryCode): PhoneNumber | undefined {
  const parsed = parsePhoneNumberFromString(text, { defaultCountry, extract: false });
  return parsed?.isValid() === true ? parsed : undefined;
}

function describeInvalid(text: string, defaultCountry: CountryCode): PhoneRejection {
  const lengthProblem = validatePhoneNumberLength(text, defaultCountry);
  switch (lengthProblem) {
    case 'TOO_SHORT':
      return fail('is too short');
    case 'TOO_LONG':
      return fail('is too long');
    case 'INVALID_COUNTRY':
      return fail('has an unknown country calling code');
    case 'NOT_A_NUMBER':
      return fail('is not a phone number');
    case 'INVALID_LENGTH':
    case undefined: {
      // A national number is judged by the default country's rules; an international one by its own,
      // named by its calling code when no single country owns the number (`+1 111…`).
      if (!text.startsWith('+')) return fail(`is not a valid phone number for ${defaultCountry}`);
      const parsed = parsePhoneNumberFromString(text, { extract: false });
      if (parsed?.country !== undefined) return fail(`is not a valid phone number for ${parsed.country}`);
      if (parsed !== undefined) {
        return fail(`is not a valid phone number for country code +${parsed.countryCallingCode}`);
      }
      return fail('is not a valid phone number');
    }
  }
}
