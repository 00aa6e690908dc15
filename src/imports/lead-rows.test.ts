import { Readable } from 'node:stream';

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { LeadImportError, readLeadRows } from './lead-rows.js';
import type { LeadRowResult } from './lead-rows.js';
import type { CountryCode } from './phone.js';

async function readAll(
  source: AsyncIterable<string | Buffer> | string,
  defaultCountry: CountryCode = 'US',
): Promise<LeadRowResult[]> {
  const results: LeadRowResult[] = [];
  for await (const result of readLeadRows(source, { defaultCountry })) results.push(result);
  return results;
}

async function readError(source: AsyncIterable<string | Buffer> | string): Promise<LeadImportError> {
  try {
    await readAll(source);
  } catch (error) {
    if (error instanceof LeadImportError) return error;
    throw error;
  }
  throw new Error('expected the import to fail');
}

function chunksOf(text: string, size: number): Buffer[] {
  const bytes = Buffer.from(text, 'utf8');
  const chunks: Buffer[] = [];
  for (let offset = 0; offset < bytes.length; offset += size)
    chunks.push(bytes.subarray(offset, offset + size));
  return chunks;
}

async function* fromChunks<T>(chunks: readonly T[]): AsyncGenerator<T> {
  for (const chunk of chunks) yield await Promise.resolve(chunk);
}

const lead = (
  rowNumber: number,
  phones: string[],
  name: string | null,
  fields: Record<string, string> = {},
) => ({
  kind: 'lead',
  lead: { rowNumber, name, phones, fields },
  invalidSecondary: [],
});

describe('readLeadRows', () => {
  it('reads phone, name and every other column as fields, numbering rows as a spreadsheet does', async () => {
    const csv = [
      'phone,name,company,plan',
      '(212) 555-0100,Jane Doe,Acme,gold',
      '212.555.0101,,Globex,',
      '+1 212-555-0102,Sam,,',
    ].join('\n');
    expect(await readAll(csv)).toEqual([
      lead(2, ['+12125550100'], 'Jane Doe', { company: 'Acme', plan: 'gold' }),
      lead(3, ['+12125550101'], null, { company: 'Globex' }),
      lead(4, ['+12125550102'], 'Sam'),
    ]);
  });

  it('reads quoted values holding commas, quotes and line breaks, and counts such a row once', async () => {
    const csv =
      'phone,name,notes\r\n' +
      '2125550100,"Doe, Jane","said ""call back"",\r\nthen hung up"\r\n' +
      '2125550101,"Roe, Richard",plain\r\n';
    expect(await readAll(csv)).toEqual([
      lead(2, ['+12125550100'], 'Doe, Jane', { notes: 'said "call back",\r\nthen hung up' }),
      lead(3, ['+12125550101'], 'Roe, Richard', { notes: 'plain' }),
    ]);
  });

  it('strips a UTF-8 byte order mark, given as text or as bytes', async () => {
    const csv = '\uFEFFphone,name\n2125550100,José\n';
    const expected = [lead(2, ['+12125550100'], 'José')];
    expect(await readAll(csv)).toEqual(expected);
    expect(await readAll(fromChunks([Buffer.from(csv, 'utf8')]))).toEqual(expected);
    expect(await readAll(fromChunks(chunksOf(csv, 1)))).toEqual(expected);
  });

  it('skips blank lines but keeps counting them, as a spreadsheet shows them', async () => {
    const csv = 'phone\n\n2125550100\n , \n\n2125550101\n\n';
    const rows = await readAll(csv);
    expect(rows.map((row) => row.kind === 'lead' && row.lead.rowNumber)).toEqual([3, 6]);
  });

  it('reads CRLF, LF and CR-only line endings alike', async () => {
    const lines = ['phone,name', '2125550100,"Ann"', '2125550101,Bob'];
    const expected = [lead(2, ['+12125550100'], 'Ann'), lead(3, ['+12125550101'], 'Bob')];
    for (const newline of ['\r\n', '\n', '\r']) {
      expect(await readAll(lines.join(newline) + newline)).toEqual(expected);
      expect(await readAll(fromChunks(chunksOf(lines.join(newline), 3)))).toEqual(expected);
    }
  });

  it('matches the phone and name columns case-insensitively and trims header names', async () => {
    const csv = ' Phone , NAME ,Secondary_Phone, Account Id \n2125550100,Jane,2125550101, 42 \n';
    expect(await readAll(csv)).toEqual([
      lead(2, ['+12125550100', '+12125550101'], 'Jane', { 'Account Id': '42' }),
    ]);
  });

  it('orders secondary numbers by their column number and drops repeats within the row', async () => {
    const csv =
      'secondary_phone_3,phone,secondary_phone_2,secondary_phone,secondary_phone_10\n' +
      '212-555-0103,212-555-0100,(212) 555-0100,212.555.0101,+1 212 555 0110\n';
    expect(await readAll(csv)).toEqual([
      lead(2, ['+12125550100', '+12125550101', '+12125550103', '+12125550110'], null),
    ]);
  });

  it('drops an invalid secondary number and reports it with the lead', async () => {
    const csv = 'phone,secondary_phone,secondary_phone_2\n2125550100,555-1234,2125550102\n';
    expect(await readAll(csv)).toEqual([
      {
        kind: 'lead',
        lead: { rowNumber: 2, name: null, phones: ['+12125550100', '+12125550102'], fields: {} },
        invalidSecondary: [
          { rowNumber: 2, column: 'secondary_phone', value: '555-1234', reason: 'is too short' },
        ],
      },
    ]);
  });

  it('refuses a row whose phone is missing or invalid, even when a secondary number is valid', async () => {
    const csv = [
      'Phone,secondary_phone,name',
      '555-1234,2125550101,Short',
      'abc,,Letters',
      '+1 212 555 010,,Nine digits',
      ',2125550102,No primary',
      '2125550100,,Fine',
    ].join('\n');
    expect(await readAll(csv)).toEqual([
      {
        kind: 'invalid',
        problem: { rowNumber: 2, column: 'Phone', value: '555-1234', reason: 'is too short' },
      },
      {
        kind: 'invalid',
        problem: { rowNumber: 3, column: 'Phone', value: 'abc', reason: 'is not a phone number' },
      },
      {
        kind: 'invalid',
        problem: { rowNumber: 4, column: 'Phone', value: '+1 212 555 010', reason: 'is too short' },
      },
      { kind: 'invalid', problem: { rowNumber: 5, column: 'Phone', value: '', reason: 'is empty' } },
      lead(6, ['+12125550100'], 'Fine'),
    ]);
  });

  it('normalises spreadsheet artefacts and reads national numbers by the default country', async () => {
    const csv = 'phone,secondary_phone\n1.2125550100E+10,0044 20 7946 0958\n442079460958,12125550101.0\n';
    expect(await readAll(csv)).toEqual([
      lead(2, ['+12125550100', '+442079460958'], null),
      lead(3, ['+442079460958', '+12125550101'], null),
    ]);
    expect(await readAll('phone\n020 7946 0958\n', 'GB')).toEqual([lead(2, ['+442079460958'], null)]);
  });

  it('keeps any header name as a field key', async () => {
    const [row] = await readAll('phone,__proto__,constructor\n2125550100,a,b\n');
    expect(row?.kind === 'lead' && Object.entries(row.lead.fields)).toEqual([
      ['__proto__', 'a'],
      ['constructor', 'b'],
    ]);
  });

  it('ignores a column without a header and values past the last header', async () => {
    const csv = 'phone,,name\n2125550100,stray,Jane,extra\n2125550101\n';
    expect(await readAll(csv)).toEqual([lead(2, ['+12125550100'], 'Jane'), lead(3, ['+12125550101'], null)]);
  });

  it('refuses a file without a phone column, naming the columns it found', async () => {
    const error = await readError('mobile,name\n2125550100,Jane\n');
    expect(error.code).toBe('csv_no_phone_column');
    expect(error.message).toContain('"mobile", "name"');
  });

  it('refuses a header with the same column twice', async () => {
    expect((await readError('phone,Phone\n2125550100,2125550101\n')).code).toBe('csv_duplicate_column');
    expect((await readError('phone,email,email\n2125550100,a,b\n')).code).toBe('csv_duplicate_column');
  });

  it('refuses an empty file', async () => {
    expect((await readError('')).code).toBe('csv_empty');
    expect((await readError('\uFEFF\n\n')).code).toBe('csv_empty');
  });

  it('refuses a quote that is never closed instead of reading the rest of the file as one value', async () => {
    const error = await readError('phone,name\n2125550100,"Jane\n2125550101,Bob\n');
    expect(error.code).toBe('csv_unclosed_quote');
    expect(error.message).toMatch(/^Row 2 /);

    const long = 'phone,name\n2125550100,"Jane\n' + '2125550101,Bob\n'.repeat(100_000);
    expect((await readError(long)).code).toBe('csv_record_too_long');
  });

  it('gives the same rows for a file split into 7-byte chunks as for the whole string', async () => {
    const csv =
      '\uFEFFphone,name,secondary_phone,note\r\n' +
      '(212) 555-0100,Zoë Ångström,212.555.0101,"multi\r\nline, ""quoted"""\r\n' +
      '\r\n' +
      '555-1234,Bad,,\r\n' +
      '+44 20 7946 0958,Ünïcödé 名前,,€\r\n';
    const whole = await readAll(csv);
    expect(whole).toHaveLength(3);
    expect(await readAll(fromChunks(chunksOf(csv, 7)))).toEqual(whole);
    expect(await readAll(Readable.from(chunksOf(csv, 7)))).toEqual(whole);
    const stringChunks = Array.from({ length: Math.ceil(csv.length / 7) }, (_, i) =>
      csv.slice(i * 7, i * 7 + 7),
    );
    expect(await readAll(fromChunks(stringChunks))).toEqual(whole);
  });

  it('gives the same rows however a large file is chunked', async () => {
    const rows = Array.from({ length: 4000 }, (_, i) => {
      const number = `212555${String(i % 10_000).padStart(4, '0')}`;
      return i % 7 === 0
        ? `${number},"Name ${i}, Jr.","note ""${i}""\r\nsecond line ✓",\r\n`
        : `${number},Name ${i} é,plain ${i},${i % 11 === 0 ? 'bad' : ''}\r\n`;
    });
    const csv = 'phone,name,note,secondary_phone\r\n' + rows.join('');
    const whole = await readAll(csv);
    expect(whole).toHaveLength(4000);

    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 70_000 }), { minLength: 1, maxLength: 8 }),
        async (sizes) => {
          const bytes = Buffer.from(csv, 'utf8');
          const chunks: Buffer[] = [];
          for (let offset = 0, i = 0; offset < bytes.length; i++) {
            const size = sizes[i % sizes.length]!;
            chunks.push(bytes.subarray(offset, offset + size));
            offset += size;
          }
          expect(await readAll(fromChunks(chunks))).toEqual(whole);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('pulls the source only as far as the rows read so far need', async () => {
    const rowCount = 50_000;
    let chunksPulled = 0;
    async function* source(): AsyncGenerator<string> {
      yield await Promise.resolve('phone,name\n');
      for (let i = 0; i < rowCount; i++) {
        chunksPulled += 1;
        yield `2125550100,Lead ${i}\n`;
      }
    }
    const rows = readLeadRows(source(), { defaultCountry: 'US' });
    const first = await rows.next();
    expect(first.value).toEqual(lead(2, ['+12125550100'], 'Lead 0'));
    expect(chunksPulled).toBeLessThan(rowCount / 10);
    await rows.return(undefined);
  });
});
