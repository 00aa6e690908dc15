import { describe, expect, it } from 'vitest';
import type { MappedRow } from './column-mapping.js';
import { prepareBatch, settleBatch, type NumberedRow, type PhoneValidator } from './lead-batch.js';
import { normalizePhone } from './phone.js';

const inThread: PhoneValidator = {
  normalize: (raws, country) => Promise.resolve(raws.map((raw) => normalizePhone(raw, country))),
};

const row = (rowNumber: number, phone: string, more: Partial<MappedRow> = {}): NumberedRow => ({
  rowNumber,
  row: {
    phone: { column: 'Phone', value: phone },
    secondaries: [],
    name: null,
    externalId: null,
    fields: {},
    ...more,
  },
});

describe('prepareBatch', () => {
  it('refuses a row whose primary number is invalid, and a bad secondary number alone', async () => {
    const batch = await prepareBatch(
      [
        row(2, '555-12', { secondaries: [{ column: 'Mobile', value: '(212) 555-0100' }] }),
        row(3, '(212) 555-0101', { secondaries: [{ column: 'Mobile', value: 'call me' }] }),
      ],
      'US',
      inThread,
    );
    expect(batch.leads.map((lead) => lead.phones)).toEqual([['+12125550101']]);
    expect(batch.invalid).toEqual([
      { rowNumber: 2, column: 'Phone', value: '555-12', reason: 'is too short' },
      { rowNumber: 3, column: 'Mobile', value: 'call me', reason: 'is not a phone number' },
    ]);
  });

  it('merges rows that share an external id into one lead, numbers in file order', async () => {
    const batch = await prepareBatch(
      [
        row(2, '212-555-0100', { externalId: 'c1', name: 'Ada', fields: { plan: 'gold' } }),
        row(3, '212-555-0102', { externalId: 'c2' }),
        row(4, '212-555-0101', { externalId: 'c1', name: 'Ada L.' }),
        row(5, '+1 212 555 0100', { externalId: 'c1' }),
      ],
      'US',
      inThread,
    );
    expect(batch.leads).toEqual([
      { name: 'Ada', externalId: 'c1', fields: { plan: 'gold' }, phones: ['+12125550100', '+12125550101'] },
      { name: null, externalId: 'c2', fields: {}, phones: ['+12125550102'] },
    ]);
    expect(batch.repeated).toEqual([
      {
        rowNumber: 5,
        column: 'Phone',
        value: '+1 212 555 0100',
        reason: 'repeats another number of the same lead',
      },
    ]);
  });
});

describe('settleBatch', () => {
  it('names the cell of every number the store refused, and counts what went in', async () => {
    const batch = await prepareBatch(
      [
        row(2, '212-555-0100', { secondaries: [{ column: 'Mobile', value: '212-555-0101' }] }),
        row(3, '212-555-0102'),
        row(4, 'nope'),
      ],
      'US',
      inThread,
    );
    const settled = settleBatch(batch, {
      created: 1,
      duplicates: [{ index: 1, phone: '+12125550102' }],
      suppressed: [{ index: 0, phone: '+12125550101' }],
    });
    expect(settled.counts).toEqual({
      rows: 3,
      leads: 1,
      contacts: 1,
      duplicates: 1,
      invalid: 1,
      suppressed: 1,
    });
    expect(settled.rejected.map((r) => [r.rowNumber, r.column, r.reason])).toEqual([
      [2, 'Mobile', "is on the account's do-not-call list"],
      [3, 'Phone', 'is already in the campaign (or earlier in this file)'],
      [4, 'Phone', 'is not a phone number'],
    ]);
  });
});
