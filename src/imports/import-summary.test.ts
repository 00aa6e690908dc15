import { describe, expect, it } from 'vitest';

import { EMPTY_LEAD_IMPORT_COUNTS, describeInvalidRow, tallyLeadRow } from './import-summary.js';
import { readLeadRows } from './lead-rows.js';

describe('import summary', () => {
  it('counts rows, leads and refused rows; duplicates are left to the caller', async () => {
    let counts = EMPTY_LEAD_IMPORT_COUNTS;
    const csv = 'phone,secondary_phone\n2125550100,abc\n\n555-1234,\n2125550101,\n';
    for await (const result of readLeadRows(csv, { defaultCountry: 'US' }))
      counts = tallyLeadRow(counts, result);
    expect(counts).toEqual({ rows: 3, leads: 2, duplicates: 0, invalid: 1 });
  });

  it('describes a refused value in one line', () => {
    expect(
      describeInvalidRow({ rowNumber: 7, column: 'phone', value: '555-1234', reason: 'is too short' }),
    ).toBe('row 7: phone "555-1234" is too short');
    expect(describeInvalidRow({ rowNumber: 3, column: 'Phone', value: '', reason: 'is empty' })).toBe(
      'row 3: Phone is empty',
    );
  });
});
