/**
 * Exact money (DESIGN §2.8). Amounts are integers of the currency's minor unit (cents for USD, yen for JPY,
 * fils for KWD) held in a JS `number` and asserted to be safe integers; nothing here does float arithmetic on
 * money. Per-minute rates are finer than a minor unit ("0.015" USD a minute), so they are integers of
 * micro-units: 1e-6 of the currency's major unit.
 *
 * Text in and out is a plain decimal ("499.70", "-0.05"): no thousands separators, no exponent, no symbol.
 */
import { err, ok } from './result.js';
import type { Result } from './result.js';

/** An exact amount: `minor` units of `currency` (ISO 4217, upper-case). */
export interface Money {
  readonly minor: number;
  readonly currency: string;
}

/** A per-minute price, exact to 1e-6 of the currency's major unit: "0.10" → 100000 micro-units. */
export interface Rate {
  readonly microPerMinute: number;
  readonly currency: string;
}

/** Rates carry six decimals of the major unit. */
const RATE_DECIMALS = 6;
const MICRO_PER_MAJOR = 10n ** BigInt(RATE_DECIMALS);
const SECONDS_PER_MINUTE = 60n;

let knownCurrencies: ReadonlySet<string> | undefined;
const minorDigitsCache = new Map<string, number>();

/** True for an upper-case ISO 4217 code this runtime's Intl data knows (`Intl.supportedValuesOf('currency')`). */
export function isKnownCurrency(code: string): boolean {
  knownCurrencies ??= new Set(Intl.supportedValuesOf('currency'));
  return knownCurrencies.has(code);
}

/**
 * How many decimals the currency's minor unit has: USD 2, JPY 0, KWD 3 (from the runtime's CLDR data).
 * Throws a RangeError for a currency `isKnownCurrency` refuses: currencies are validated where they enter.
 */
export function currencyMinorDigits(currency: string): number {
  const cached = minorDigitsCache.get(currency);
  if (cached !== undefined) return cached;
  if (!isKnownCurrency(currency)) {
    throw new RangeError(
      `unknown currency ${JSON.stringify(currency)}: use an upper-case ISO 4217 code such as USD`,
    );
  }
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
    .maximumFractionDigits;
  // Every ISO 4217 currency has at most 4 decimals; a rate (6 decimals) must be able to express them all.
  if (digits === undefined || digits > RATE_DECIMALS) {
    throw new RangeError(
      `currency ${currency} has ${String(digits)} decimals; at most ${RATE_DECIMALS} are supported`,
    );
  }
  minorDigitsCache.set(currency, digits);
  return digits;
}

/**
 * Reads a plain decimal ("500.00", "500", "0.5", "-3.25") as an integer number of `scale`-decimal units.
 * The caller words the error; this only says whether the text was acceptable.
 */
function parseScaledDecimal(
  text: unknown,
  scale: number,
  allowNegative: boolean,
): { readonly units: number } | 'not_decimal' | 'too_large' {
  if (typeof text !== 'string') return 'not_decimal';
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (match === null) return 'not_decimal';
  const [, sign = '', whole = '', fraction = ''] = match;
  if ((sign === '-' && !allowNegative) || fraction.length > scale) return 'not_decimal';
  const magnitude = BigInt(whole + fraction.padEnd(scale, '0'));
  if (magnitude > BigInt(Number.MAX_SAFE_INTEGER)) return 'too_large';
  const units = Number(magnitude);
  // `0 - 0` would be -0; a zero amount is just 0.
  return { units: sign === '-' && units !== 0 ? -units : units };
}

/** Writes `units` of `scale` decimals as a plain decimal, keeping at least `minDecimals` decimals. */
function formatScaledDecimal(units: number, scale: number, minDecimals: number): string {
  const digits = String(Math.abs(units)).padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  let fraction = digits.slice(digits.length - scale);
  while (fraction.length > minDecimals && fraction.endsWith('0')) fraction = fraction.slice(0, -1);
  const sign = units < 0 ? '-' : '';
  return fraction === '' ? `${sign}${whole}` : `${sign}${whole}.${fraction}`;
}

function assertSafeInteger(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`${what} must be a safe integer, got ${String(value)}`);
  }
}

function describeDecimals(digits: number): string {
  return digits === 0
    ? 'a whole amount with no decimal places'
    : `a decimal amount with at most ${digits} decimal places`;
}

/**
 * Parses a user-written amount into minor units: "500.00" USD → 50000, "-3.25" → -325, "500" JPY → 500.
 * Refuses more decimals than the currency has ("0.001" USD), exponents, separators, blanks and non-strings.
 */
export function parseAmount(text: unknown, currency: string): Result<number, string> {
  if (!isKnownCurrency(currency)) return err(`unknown currency ${JSON.stringify(currency)}`);
  const digits = currencyMinorDigits(currency);
  const parsed = parseScaledDecimal(text, digits, true);
  if (parsed === 'too_large') return err(`is too large to hold exactly, got ${JSON.stringify(text)}`);
  if (parsed === 'not_decimal') {
    const shown = JSON.stringify(text) ?? String(text);
    return typeof text === 'string'
      ? err(`must be ${describeDecimals(digits)}, got ${shown}`)
      : err(`must be a string holding ${describeDecimals(digits)}, got ${shown}`);
  }
  return ok(parsed.units);
}

/** Writes minor units as a plain decimal with exactly the currency's decimals: 49970 USD → "499.70". */
export function formatAmount(minor: number, currency: string): string {
  assertSafeInteger(minor, 'an amount in minor units');
  const digits = currencyMinorDigits(currency);
  return formatScaledDecimal(minor, digits, digits);
}

/** Parses a per-minute price of at most 6 decimals, zero or more: "0.10" USD → 100000 micro-units. */
export function parseRate(text: unknown, currency: string): Result<Rate, string> {
  if (!isKnownCurrency(currency)) return err(`unknown currency ${JSON.stringify(currency)}`);
  const parsed = parseScaledDecimal(text, RATE_DECIMALS, false);
  if (parsed === 'too_large') return err(`is too large to hold exactly, got ${JSON.stringify(text)}`);
  if (parsed === 'not_decimal') {
    const shown = JSON.stringify(text) ?? String(text);
    return err(
      `must be a price per minute of 0 or more with at most ${RATE_DECIMALS} decimal places, such as "0.10", got ${shown}`,
    );
  }
  return ok({ microPerMinute: parsed.units, currency });
}

/** Writes a rate in its shortest exact form with at least the currency's decimals: 100000 USD → "0.10". */
export function formatRate(rate: Rate): string {
  assertSafeInteger(rate.microPerMinute, 'a rate in micro-units');
  return formatScaledDecimal(rate.microPerMinute, RATE_DECIMALS, currencyMinorDigits(rate.currency));
}

/**
 * What a call costs, in minor units (DESIGN §2.8): rate per minute × billed seconds / 60, rounded UP to the
 * currency's smallest unit. 0.10 USD/min × 90 s = 15 cents; × 1 s = 1 cent (0.167 rounded up); 0 s = 0.
 *
 * micro × seconds × 10^digits overflows 2^53 for large rates and long calls (1,000,000/min × 24 h × 10^3 is
 * ~8.6e19), so the product is taken in BigInt; the result itself is asserted to be a safe integer.
 */
export function callCost(rate: Rate, billedSeconds: number): number {
  assertSafeInteger(rate.microPerMinute, 'a rate in micro-units');
  assertSafeInteger(billedSeconds, 'billed seconds');
  if (rate.microPerMinute < 0 || billedSeconds < 0) {
    throw new RangeError(
      `a call cost needs a rate and billed seconds of 0 or more, got ${rate.microPerMinute} micro/min and ${billedSeconds} s`,
    );
  }
  const minorPerMajor = 10n ** BigInt(currencyMinorDigits(rate.currency));
  const numerator = BigInt(rate.microPerMinute) * BigInt(billedSeconds) * minorPerMajor;
  const denominator = SECONDS_PER_MINUTE * MICRO_PER_MAJOR;
  const cost = Number((numerator + denominator - 1n) / denominator);
  assertSafeInteger(cost, 'a call cost in minor units');
  return cost;
}

/** The cost of one minute at this rate, rounded up: what each call in flight reserves (DESIGN §2.8). */
export function oneMinuteCost(rate: Rate): number {
  return callCost(rate, 60);
}
