import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  callCost,
  currencyMinorDigits,
  formatAmount,
  formatRate,
  isKnownCurrency,
  oneMinuteCost,
  parseAmount,
  parseRate,
} from './money.js';
import type { Rate } from './money.js';
import { err, ok } from './result.js';

const usd = (microPerMinute: number): Rate => ({ microPerMinute, currency: 'USD' });

describe('currencies', () => {
  it.each([
    ['USD', 2],
    ['EUR', 2],
    ['JPY', 0],
    ['KWD', 3],
  ])('%s has %i minor digits', (currency, digits) => {
    expect(currencyMinorDigits(currency)).toBe(digits);
    expect(currencyMinorDigits(currency)).toBe(digits); // cached path
  });

  it.each([
    ['USD', true],
    ['JPY', true],
    ['usd', false],
    ['XYZ', false],
    ['', false],
  ])('isKnownCurrency(%j) is %s', (code, known) => {
    expect(isKnownCurrency(code)).toBe(known);
  });

  it('refuses to guess the digits of an unknown currency', () => {
    expect(() => currencyMinorDigits('XYZ')).toThrow(/unknown currency "XYZ"/);
  });
});

describe('parseAmount', () => {
  it.each([
    ['500.00', 'USD', 50000],
    ['500', 'USD', 50000],
    ['0.5', 'USD', 50],
    ['-3.25', 'USD', -325],
    ['0', 'USD', 0],
    ['-0.00', 'USD', 0],
    ['007.10', 'USD', 710],
    ['500', 'JPY', 500],
    ['1.234', 'KWD', 1234],
    ['90071992547409.91', 'USD', Number.MAX_SAFE_INTEGER],
  ])('%j %s → %i minor units', (text, currency, minor) => {
    const parsed = parseAmount(text, currency);
    expect(parsed).toEqual(ok(minor));
    expect(Object.is(parsed.ok && parsed.value, -0)).toBe(false);
  });

  it.each([
    ['0.001', 'USD', 'must be a decimal amount with at most 2 decimal places, got "0.001"'],
    ['500.5', 'JPY', 'must be a whole amount with no decimal places, got "500.5"'],
    ['1.2345', 'KWD', 'must be a decimal amount with at most 3 decimal places, got "1.2345"'],
    ['1e3', 'USD', 'must be a decimal amount with at most 2 decimal places, got "1e3"'],
    ['1,000.00', 'USD', 'must be a decimal amount with at most 2 decimal places, got "1,000.00"'],
    ['', 'USD', 'must be a decimal amount with at most 2 decimal places, got ""'],
    [' 5', 'USD', 'must be a decimal amount with at most 2 decimal places, got " 5"'],
    ['5.', 'USD', 'must be a decimal amount with at most 2 decimal places, got "5."'],
    ['.5', 'USD', 'must be a decimal amount with at most 2 decimal places, got ".5"'],
    ['+5', 'USD', 'must be a decimal amount with at most 2 decimal places, got "+5"'],
    ['$5', 'USD', 'must be a decimal amount with at most 2 decimal places, got "$5"'],
    ['NaN', 'USD', 'must be a decimal amount with at most 2 decimal places, got "NaN"'],
    ['90071992547409.92', 'USD', 'is too large to hold exactly, got "90071992547409.92"'],
    ['5', 'XYZ', 'unknown currency "XYZ"'],
  ])('refuses %j %s', (text, currency, message) => {
    expect(parseAmount(text, currency)).toEqual(err(message));
  });

  it.each([
    [500, 'must be a string holding a decimal amount with at most 2 decimal places, got 500'],
    [null, 'must be a string holding a decimal amount with at most 2 decimal places, got null'],
    [undefined, 'must be a string holding a decimal amount with at most 2 decimal places, got undefined'],
  ])('refuses the non-string %j', (value, message) => {
    expect(parseAmount(value, 'USD')).toEqual(err(message));
  });
});

describe('formatAmount', () => {
  it.each([
    [49970, 'USD', '499.70'],
    [-5, 'USD', '-0.05'],
    [0, 'USD', '0.00'],
    [100, 'USD', '1.00'],
    [500, 'JPY', '500'],
    [-500, 'JPY', '-500'],
    [1, 'KWD', '0.001'],
    [Number.MAX_SAFE_INTEGER, 'USD', '90071992547409.91'],
  ])('%i %s → %j', (minor, currency, text) => {
    expect(formatAmount(minor, currency)).toBe(text);
  });

  it.each([0.5, Number.MAX_SAFE_INTEGER + 1, Number.NaN])('refuses the non-integer amount %d', (minor) => {
    expect(() => formatAmount(minor, 'USD')).toThrow(RangeError);
  });

  it('round-trips through parseAmount', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), fc.constantFrom('USD', 'JPY', 'KWD'), (minor, currency) => {
        expect(parseAmount(formatAmount(minor, currency), currency)).toEqual(ok(minor));
      }),
    );
  });
});

describe('rates', () => {
  it.each([
    ['0.10', 'USD', 100000, '0.10'],
    ['0.015', 'USD', 15000, '0.015'],
    ['0.000001', 'USD', 1, '0.000001'],
    ['0', 'USD', 0, '0.00'],
    ['2', 'USD', 2000000, '2.00'],
    ['1000000', 'USD', 1e12, '1000000.00'],
    ['0.5', 'JPY', 500000, '0.5'],
    ['3', 'JPY', 3000000, '3'],
    ['0.1', 'KWD', 100000, '0.100'],
  ])('%j %s → %i micro, written %j', (text, currency, micro, written) => {
    const parsed = parseRate(text, currency);
    expect(parsed).toEqual(ok({ microPerMinute: micro, currency }));
    expect(formatRate({ microPerMinute: micro, currency })).toBe(written);
  });

  it.each(['-0.10', '0.0000001', '1e-3', '', 'free', '0,10'])('refuses the rate %j', (text) => {
    expect(parseRate(text, 'USD')).toEqual(
      err(
        `must be a price per minute of 0 or more with at most 6 decimal places, such as "0.10", got ${JSON.stringify(text)}`,
      ),
    );
  });

  it('refuses a non-string rate and an unknown currency', () => {
    expect(parseRate(0.1, 'USD')).toEqual(
      err('must be a price per minute of 0 or more with at most 6 decimal places, such as "0.10", got 0.1'),
    );
    expect(parseRate('0.10', 'XYZ')).toEqual(err('unknown currency "XYZ"'));
  });
});

describe('callCost (DESIGN §2.8: rate × billed seconds / 60, rounded up to the smallest unit)', () => {
  it.each([
    // [rate, currency, seconds, minor units, why]
    ['0.10', 'USD', 90, 15, '1.5 minutes at 10 cents'],
    ['0.10', 'USD', 1, 1, '0.167 cents rounds up'],
    ['0.10', 'USD', 0, 0, 'nobody answered'],
    ['0.10', 'USD', 60, 10, 'exactly one minute'],
    ['0.10', 'USD', 61, 11, '10.167 cents rounds up'],
    ['0.12', 'USD', 30, 6, 'exact half minute, no rounding'],
    ['0.015', 'USD', 60, 2, '1.5 cents rounds up'],
    ['0.015', 'USD', 40, 1, 'exactly 1 cent'],
    ['0.015', 'USD', 41, 2, 'just over 1 cent'],
    ['0.000001', 'USD', 1, 1, 'the smallest rate still costs a cent'],
    ['0', 'USD', 3600, 0, 'a free rate costs nothing'],
    ['10', 'JPY', 7, 2, '1.167 yen rounds up'],
    ['0.1', 'KWD', 90, 150, '0.150 dinar'],
    ['1000000', 'USD', 86400, 144000000000, 'the largest rate for 24 hours'],
    ['1000000', 'KWD', 86400, 1440000000000, 'past 2^53 inside, exact outside'],
  ])('%s %s/min × %i s = %i (%s)', (text, currency, seconds, minor) => {
    const rate = parseRate(text, currency);
    if (!rate.ok) throw new Error(rate.error);
    expect(callCost(rate.value, seconds)).toBe(minor);
  });

  it('oneMinuteCost is the cost of 60 seconds, rounded up', () => {
    expect(oneMinuteCost(usd(100000))).toBe(10);
    expect(oneMinuteCost(usd(15000))).toBe(2);
    expect(oneMinuteCost(usd(0))).toBe(0);
  });

  it.each([
    [usd(100000), -1],
    [usd(100000), 1.5],
    [usd(-1), 60],
    [usd(0.5), 60],
  ])('refuses %j for %d seconds', (rate, seconds) => {
    expect(() => callCost(rate, seconds)).toThrow(RangeError);
  });

  const rates = fc.record({
    microPerMinute: fc.integer({ min: 0, max: 1_000_000_000_000 }),
    currency: fc.constantFrom('USD', 'JPY', 'KWD'),
  });
  const seconds = fc.integer({ min: 0, max: 86_400 });

  it('is never below the exact cost and less than one minor unit above it', () => {
    fc.assert(
      fc.property(rates, seconds, (rate, s) => {
        const cost = BigInt(callCost(rate, s));
        // Compare cost against micro × s × 10^digits / (60 × 10^6) without dividing.
        const exactTimesDenominator =
          BigInt(rate.microPerMinute) * BigInt(s) * 10n ** BigInt(currencyMinorDigits(rate.currency));
        const denominator = 60n * 1_000_000n;
        expect(cost * denominator >= exactTimesDenominator).toBe(true);
        expect((cost - 1n) * denominator < exactTimesDenominator).toBe(true);
      }),
    );
  });

  it('is monotonic in billed seconds', () => {
    fc.assert(
      fc.property(rates, seconds, seconds, (rate, a, b) => {
        const [shorter, longer] = a <= b ? [a, b] : [b, a];
        expect(callCost(rate, shorter)).toBeLessThanOrEqual(callCost(rate, longer));
      }),
    );
  });
});
