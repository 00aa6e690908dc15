import { describe, expect, it } from 'vitest';

import { isValidCountryCode, normalizePhone } from './phone.js';
import type { CountryCode } from './phone.js';

describe('normalizePhone', () => {
  it.each<[string, CountryCode, string]>([
    ['(212) 555-0100', 'US', '+12125550100'],
    ['212.555.0100', 'US', '+12125550100'],
    ['212-555-0100', 'US', '+12125550100'],
    ['2125550100', 'US', '+12125550100'],
    ['1 (212) 555-0100', 'US', '+12125550100'],
    ['+1 212-555-0100', 'US', '+12125550100'],
    ['  +1 (212) 555 0100  ', 'US', '+12125550100'],
    ['+1\u00a0212\u00a0555\u20110100', 'US', '+12125550100'],
    ['212-555-0100 ext. 12', 'US', '+12125550100'],
    // Excel artefacts
    ['1.2125550100E+10', 'US', '+12125550100'],
    ['1,2125550100E+10', 'US', '+12125550100'],
    ['12125550100.0', 'US', '+12125550100'],
    ['2125550100.00', 'US', '+12125550100'],
    ["'+12125550100", 'US', '+12125550100'],
    ['="+12125550100"', 'US', '+12125550100'],
    // lost leading +
    ['442079460958', 'US', '+442079460958'],
    ['12125550100', 'GB', '+12125550100'],
    // international prefixes
    ['0044 20 7946 0958', 'US', '+442079460958'],
    ['00 1 212 555 0100', 'DE', '+12125550100'],
    ['011 44 20 7946 0958', 'US', '+442079460958'],
    ['4.42079460958E+11', 'US', '+442079460958'],
    // other countries
    ['020 7946 0958', 'GB', '+442079460958'],
    ['+44 (0)20 7946 0958', 'US', '+442079460958'],
    ['07911 123456', 'GB', '+447911123456'],
    ['(416) 555-0100', 'CA', '+14165550100'],
    ['030 12345678', 'DE', '+493012345678'],
  ])('%j in %s is %s', (raw, country, e164) => {
    expect(normalizePhone(raw, country)).toEqual({ ok: true, e164 });
  });

  it.each<[string, CountryCode, string]>([
    ['', 'US', 'is empty'],
    ['   ', 'US', 'is empty'],
    ['555-1234', 'US', 'is too short'],
    ['+1 212 555 010', 'US', 'is too short'],
    ['+1 212 555 01000', 'US', 'is too long'],
    ['abc', 'US', 'is not a phone number'],
    ['+', 'US', 'is not a phone number'],
    ['call 212 555 0100', 'US', 'is not a phone number'],
    ['1-800-FLOWERS', 'US', 'is not a phone number'],
    ['111-555-0100', 'US', 'is not a valid phone number for US'],
    ['2125550100', 'GB', 'is not a valid phone number for GB'],
    ['+1 111 555 0100', 'US', 'is not a valid phone number for country code +1'],
    ['+999 1234567', 'US', 'has an unknown country calling code'],
    ['12125550100.5', 'US', 'is too long'],
  ])('%j in %s %s', (raw, country, reason) => {
    expect(normalizePhone(raw, country)).toEqual({ ok: false, reason });
  });

  it.each(['1.21256E+10', '4.42079E+11', '1.212555E+10', '1E+10'])(
    'refuses %s: scientific notation that dropped digits would dial someone else',
    (raw) => {
      const result = normalizePhone(raw, 'US');
      expect(result.ok).toBe(false);
      expect(result.ok === false && result.reason).toMatch(/lost digits.*format the column as text/);
    },
  );

  it('reads a national number by the default country, not by what a cached call used', () => {
    expect(normalizePhone('020 7946 0958', 'GB')).toEqual({ ok: true, e164: '+442079460958' });
    expect(normalizePhone('020 7946 0958', 'US').ok).toBe(false);
    expect(normalizePhone('020 7946 0958', 'GB')).toEqual({ ok: true, e164: '+442079460958' });
  });

  // DESIGN §6: the simulator's test numbers `+1 NPA 555-01XY` must import for any valid area code.
  it.each(['212', '202', '305', '312', '415', '646', '713', '917', '416', '604', '787'])(
    'accepts every simulator test number +1 %s 555-01XY',
    (npa) => {
      for (let xy = 0; xy < 100; xy++) {
        const suffix = String(xy).padStart(2, '0');
        expect(normalizePhone(`+1 ${npa} 555-01${suffix}`, 'US')).toEqual({
          ok: true,
          e164: `+1${npa}55501${suffix}`,
        });
        expect(normalizePhone(`(${npa}) 555-01${suffix}`, 'US')).toEqual({
          ok: true,
          e164: `+1${npa}55501${suffix}`,
        });
      }
    },
  );
});

describe('isValidCountryCode', () => {
  it.each([
    ['US', true],
    ['GB', true],
    ['DE', true],
    ['us', false],
    ['XX', false],
    ['USA', false],
    ['', false],
  ])('%j is %s', (code, valid) => {
    expect(isValidCountryCode(code)).toBe(valid);
  });
});
