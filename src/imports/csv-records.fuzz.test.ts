/**
 * Whatever it is given, the CSV reader ends, either with records or with a `LeadImportError`, and gives the
 * same answer however the bytes are chunked. Each property is bounded in runs and input size so the file
 * takes a few seconds; a hang fails it on the test timeout.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { MAX_RECORD_CHARS, readCsvRecords } from './csv-records.js';
import type { CsvFormat } from './csv-records.js';
import { LEAD_IMPORT_ERROR_CODES, LeadImportError } from './import-error.js';

type Outcome =
  | { readonly rows: [number, readonly string[]][]; readonly format: CsvFormat | undefined }
  | { readonly code: string };

/** The records and format, or the code of the `LeadImportError`; any other error fails the property. */
async function outcome(chunks: AsyncIterable<Uint8Array>): Promise<Outcome> {
  const rows: [number, readonly string[]][] = [];
  let format: CsvFormat | undefined;
  try {
    for await (const batch of readCsvRecords(chunks, { onFormat: (found) => (format = found) })) {
      for (const record of batch.records) rows.push([record.rowNumber, record.values]);
    }
    return { rows, format };
  } catch (error) {
    if (!(error instanceof LeadImportError)) throw error;
    expect(LEAD_IMPORT_ERROR_CODES).toContain(error.code);
    expect(error.message).not.toBe('');
    return { code: error.code };
  }
}

async function* inChunks(bytes: Uint8Array, sizes: readonly number[]): AsyncGenerator<Uint8Array> {
  for (let offset = 0, index = 0; offset < bytes.length; index++) {
    const size = sizes[index % sizes.length]!;
    yield await Promise.resolve(bytes.subarray(offset, offset + size));
    offset += size;
  }
}

const chunkSizes = (max: number, min = 1) =>
  fc.array(fc.integer({ min, max }), { minLength: 1, maxLength: 6 });

/** The same outcome for the bytes whole and cut into chunks of the given sizes, in turn. */
async function expectChunkingNotToMatter(bytes: Uint8Array, sizes: readonly number[]): Promise<void> {
  const whole = await outcome(inChunks(bytes, [bytes.length || 1]));
  expect(await outcome(inChunks(bytes, sizes))).toEqual(whole);
}

const csvCharacter = fc.constantFrom(
  ...['a', 'Z', '1', ' ', ',', ';', '\t', '|', '"', '"', '\n', '\r', '\r\n', 'é', '€', '名', '\uFEFF', '\0'],
);

function encode(text: string, encoding: 'utf-8' | 'utf-16le' | 'utf-16be'): Buffer {
  if (encoding === 'utf-8') return Buffer.from(text);
  const utf16 = Buffer.from('\uFEFF' + text, 'utf16le');
  return encoding === 'utf-16le' ? utf16 : utf16.swap16();
}

/** A CSV file as a spreadsheet would write it: values quoted when they hold anything special. */
function writeCsv(
  rows: readonly (readonly string[])[],
  delimiter: string,
  newline: string,
  finalNewline: boolean,
) {
  const quote = (value: string) => (/[,;\t|"\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
  return rows.map((row) => row.map(quote).join(delimiter)).join(newline) + (finalNewline ? newline : '');
}

const valueCharacter = fc.constantFrom(
  ...['a', 'B', '7', ' ', ',', ';', '\t', '|', '"', '\n', '\r', 'é', '€', '😀'],
);
// A trailing CR on a last value cannot be told from a CRLF line ending and is dropped (parse-records.ts).
const value = fc
  .string({ unit: valueCharacter, maxLength: 8, size: 'max' })
  .map((text) => text.replace(/\r$/, 'x'));
const headerName = fc.string({ unit: fc.constantFrom('a', 'b', 'c', '_'), minLength: 1, maxLength: 5 });
const csvFile = fc.record({
  header: fc.array(headerName, { minLength: 2, maxLength: 6, size: 'max' }),
  rows: fc.array(fc.array(value, { minLength: 1, maxLength: 7, size: 'max' }), {
    maxLength: 25,
    size: 'max',
  }),
  delimiter: fc.constantFrom(',', ';', '\t', '|'),
  newline: fc.constantFrom('\n', '\r\n', '\r'),
  finalNewline: fc.boolean(),
  encoding: fc.constantFrom('utf-8', 'utf-16le', 'utf-16be'),
});

describe('readCsvRecords under fuzzing', () => {
  it('reads random bytes, however chunked, to records or a LeadImportError', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 3000, size: 'max' }),
        chunkSizes(400),
        expectChunkingNotToMatter,
      ),
      { numRuns: 1000 },
    );
  });

  it('reads random CSV-like text in each encoding the same however chunked', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: csvCharacter, maxLength: 400, size: 'max' }),
        fc.constantFrom('utf-8', 'utf-16le', 'utf-16be'),
        chunkSizes(50),
        (text, encoding, sizes) => expectChunkingNotToMatter(encode(text, encoding), sizes),
      ),
      { numRuns: 1000 },
    );
  });

  it('reads files past the first parse and a late encoding decision the same however chunked', async () => {
    // Valid and invalid UTF-8 alike (C3 A9 is é; E9 and 80 alone are not UTF-8), quotes and line breaks.
    const byte = fc.constantFrom(
      0x61,
      0x2c,
      0x3b,
      0x09,
      0x22,
      0x22,
      0x0a,
      0x0d,
      0x20,
      0xe9,
      0xc3,
      0xa9,
      0x80,
    );
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 40_000 }),
        fc.array(byte, { minLength: 1, maxLength: 300, size: 'max' }),
        chunkSizes(30_000, 64),
        async (asciiRows, segment, sizes) => {
          const start = Buffer.from('phone,name\n' + 'a,b\n'.repeat(asciiRows));
          const rest = Buffer.from(segment);
          const bytes = Buffer.concat([start, ...Array<Buffer>(Math.ceil(100_000 / rest.length)).fill(rest)]);
          await expectChunkingNotToMatter(bytes, sizes);
        },
      ),
      { numRuns: 20 },
    );
  });

  it('gives back the values and format of any file written the way spreadsheets write them', async () => {
    await fc.assert(
      fc.asyncProperty(csvFile, chunkSizes(64), async (file, sizes) => {
        const rows = [file.header, ...file.rows];
        const bytes = encode(writeCsv(rows, file.delimiter, file.newline, file.finalNewline), file.encoding);
        const expectedRows = rows
          .map((values, index): [number, readonly string[]] => [index + 1, values])
          .filter(([, values]) => values.some((text) => text.trim() !== ''));
        expect(await outcome(inChunks(bytes, sizes))).toEqual({
          rows: expectedRows,
          // A file of one line has no line ending to find; `\n` stands for it.
          format: {
            encoding: file.encoding,
            delimiter: file.delimiter,
            newline: rows.length > 1 || file.finalNewline ? file.newline : '\n',
          },
        });
      }),
      { numRuns: 500 },
    );
  });

  it('ends on a valid file cut short anywhere, such as inside a quote, however chunked', async () => {
    await fc.assert(
      fc.asyncProperty(
        csvFile,
        fc.double({ min: 0, max: 1, noNaN: true }),
        chunkSizes(64),
        async (file, cut, sizes) => {
          const bytes = encode(
            writeCsv([file.header, ...file.rows], file.delimiter, file.newline, true),
            file.encoding,
          );
          await expectChunkingNotToMatter(bytes.subarray(0, Math.floor(bytes.length * cut)), sizes);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('reads a 1 MB line, and refuses one over 1 MiB, quoted or not, however chunked', async () => {
    const values = 'a,'.repeat(500_000) + 'a';
    await fc.assert(
      fc.asyncProperty(chunkSizes(200_000, 1000), fc.boolean(), async (sizes, quoted) => {
        const line = quoted ? `"${values}"` : values;
        const read = await outcome(inChunks(Buffer.from(`${line}\n`), sizes));
        expect('rows' in read && read.rows[0]![1].length).toBe(quoted ? 1 : 500_001);
        const tooLong = await outcome(
          inChunks(Buffer.from(`h\n${line}${'b'.repeat(MAX_RECORD_CHARS)}\n`), sizes),
        );
        expect(tooLong).toEqual({ code: 'csv_record_too_long' });
        const unclosed = await outcome(inChunks(Buffer.from(`h\n"${values}\n`), sizes));
        expect(unclosed).toEqual({ code: 'csv_unclosed_quote' });
      }),
      { numRuns: 4 },
    );
  });

  it('reads 10,000 columns however chunked', async () => {
    const header = Array.from({ length: 10_000 }, (_, index) => `column_${index}`);
    const row = Array.from({ length: 10_000 }, (_, index) =>
      index % 3 === 0 ? `"v,${index}"` : `v${index}`,
    );
    const bytes = Buffer.from([header.join(';'), ...Array<string>(20).fill(row.join(';'))].join('\r\n'));
    await fc.assert(
      fc.asyncProperty(chunkSizes(100_000, 100), async (sizes) => {
        const read = await outcome(inChunks(bytes, sizes));
        expect('rows' in read && read.rows.map(([, values]) => values.length)).toEqual(
          Array(21).fill(10_000),
        );
        expect('rows' in read && read.rows[20]![1][9_999]).toBe('v,9999');
      }),
      { numRuns: 5 },
    );
  });
});
