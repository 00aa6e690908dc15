import { Readable } from 'node:stream';

import { describe, expect, it } from 'vitest';

import { MAX_RECORD_CHARS, readCsvRecords } from './csv-records.js';
import type { CsvBatch, CsvFormat, CsvSource } from './csv-records.js';
import { LeadImportError } from './import-error.js';

type Row = [rowNumber: number, values: string[]];

async function read(source: CsvSource): Promise<{ rows: Row[]; format: CsvFormat; batches: CsvBatch[] }> {
  const rows: Row[] = [];
  const batches: CsvBatch[] = [];
  const formats: CsvFormat[] = [];
  for await (const batch of readCsvRecords(source, { onFormat: (format) => formats.push(format) })) {
    batches.push(batch);
    for (const record of batch.records) rows.push([record.rowNumber, [...record.values]]);
  }
  expect(formats).toHaveLength(1);
  return { rows, format: formats[0]!, batches };
}

async function readError(source: CsvSource): Promise<LeadImportError> {
  try {
    await read(source);
  } catch (error) {
    if (error instanceof LeadImportError) return error;
    throw error;
  }
  throw new Error('expected the CSV to be refused');
}

async function* chunked(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let offset = 0; offset < bytes.length; offset += size) {
    yield await Promise.resolve(bytes.subarray(offset, offset + size));
  }
}

/** The same bytes whole and cut every 1, 2, 3 and 7 bytes: inside characters, CRLFs and BOMs alike. */
const CHUNK_SIZES = [Infinity, 1, 2, 3, 7];

/** Windows-1252 for the test texts: Latin-1 plus the characters it puts at 0x80–0x9F. */
function windows1252(text: string): Buffer {
  const extras: Record<string, number> = {
    '€': 0x80,
    '‚': 0x82,
    '’': 0x92,
    '“': 0x93,
    '”': 0x94,
    œ: 0x9c,
    Ÿ: 0x9f,
  };
  return Buffer.from(
    [...text].map((char) => {
      const code = extras[char] ?? char.charCodeAt(0);
      if (code > 0xff) throw new Error(`${char} is not in the test's Windows-1252 table`);
      return code;
    }),
  );
}

const utf16be = (text: string): Buffer => Buffer.from(text, 'utf16le').swap16();
const withBytes = (prefix: number[], bytes: Buffer): Buffer => Buffer.concat([Buffer.from(prefix), bytes]);

describe('readCsvRecords: encodings', () => {
  const text =
    'phone,name,city\r\n' +
    '+33 6 12 34 56 78,Zoë “Zozo” Müller,Évry\r\n' +
    '2125550100,"Renée’s €5 œuvre",Ÿ\r\n';
  const rows: Row[] = [
    [1, ['phone', 'name', 'city']],
    [2, ['+33 6 12 34 56 78', 'Zoë “Zozo” Müller', 'Évry']],
    [3, ['2125550100', 'Renée’s €5 œuvre', 'Ÿ']],
  ];

  it.each([
    { file: 'UTF-8', bytes: Buffer.from(text), encoding: 'utf-8' },
    { file: 'UTF-8 with BOM', bytes: withBytes([0xef, 0xbb, 0xbf], Buffer.from(text)), encoding: 'utf-8' },
    {
      file: 'UTF-16 LE with BOM',
      bytes: withBytes([0xff, 0xfe], Buffer.from(text, 'utf16le')),
      encoding: 'utf-16le',
    },
    { file: 'UTF-16 LE without BOM', bytes: Buffer.from(text, 'utf16le'), encoding: 'utf-16le' },
    { file: 'UTF-16 BE with BOM', bytes: withBytes([0xfe, 0xff], utf16be(text)), encoding: 'utf-16be' },
    { file: 'UTF-16 BE without BOM', bytes: utf16be(text), encoding: 'utf-16be' },
    { file: 'Windows-1252', bytes: windows1252(text), encoding: 'windows-1252' },
  ])('reads $file however the bytes are chunked', async ({ bytes, encoding }) => {
    for (const size of CHUNK_SIZES) {
      expect(await read(chunked(bytes, size))).toMatchObject({
        rows,
        format: { encoding, delimiter: ',', newline: '\r\n' },
      });
    }
  });

  it('reads text given as a string or as string chunks, without its BOM', async () => {
    const strings = ['\uFEFFphone,na', 'me\n2125550100,Zo', 'ë\n'];
    const expected = { rows: [[1, ['phone', 'name']] as Row, [2, ['2125550100', 'Zoë']] as Row] };
    expect(await read(strings.join(''))).toMatchObject(expected);
    expect(await read(Readable.from(strings))).toMatchObject(expected);
    expect((await read(Readable.from(strings))).format.encoding).toBe('utf-8');
  });

  it('decides Windows-1252 at the first non-ASCII byte, however far into the file', async () => {
    const ascii = 'phone,name\n' + '2125550100,Smith\n'.repeat(20_000);
    const bytes = windows1252(ascii + '2125550101,José €\n');
    const formats: string[] = [];
    let batchesBeforeFormat = 0;
    let last: readonly string[] = [];
    for await (const batch of readCsvRecords(chunked(bytes, 4096), {
      onFormat: (format) => formats.push(format.encoding),
    })) {
      if (formats.length === 0) batchesBeforeFormat += 1;
      last = batch.records.at(-1)!.values;
    }
    expect(formats).toEqual(['windows-1252']);
    expect(batchesBeforeFormat).toBeGreaterThan(0);
    expect(last).toEqual(['2125550101', 'José €']);
  });

  it('reports an all-ASCII file as UTF-8', async () => {
    expect((await read(chunked(Buffer.from('phone\n2125550100\n'), 3))).format.encoding).toBe('utf-8');
  });

  it('turns an invalid byte met after the UTF-8 decision, or a cut-off last character, into U+FFFD', async () => {
    const start = Buffer.from('phone,name\n2125550100,Zoë\n' + '2125550100,Smith\n'.repeat(10_000));
    const bytes = Buffer.concat([start, Buffer.from('2125550101,Jos'), Buffer.from([0xe9, 0x0a, 0xc3])]);
    const { rows, format } = await read(chunked(bytes, 1000));
    expect(format.encoding).toBe('utf-8');
    expect(rows.at(-2)).toEqual([10_003, ['2125550101', 'Jos\uFFFD']]);
    expect(rows.at(-1)).toEqual([10_004, ['\uFFFD']]);
  });
});

describe('readCsvRecords: delimiters and line endings', () => {
  it.each([
    { why: 'commas', csv: 'phone,name\n1,Ann\n', delimiter: ',', values: ['1', 'Ann'] },
    {
      why: 'semicolons with decimal commas',
      csv: 'phone;amount\n1;1,5\n2;2,25\n',
      delimiter: ';',
      values: ['2', '2,25'],
    },
    {
      why: 'tabs with commas in a note',
      csv: 'phone\tnote\n1\thi, there\n2\tok\n',
      delimiter: '\t',
      values: ['2', 'ok'],
    },
    { why: 'pipes, one quoted', csv: 'phone|name\n1|x\n2|"a|b"\n', delimiter: '|', values: ['2', 'a|b'] },
    { why: 'one column', csv: 'phone\n1\n2\n', delimiter: ',', values: ['2'] },
    { why: 'a tie, which goes to commas', csv: 'a,b;c\n1,2;3\n', delimiter: ',', values: ['1', '2;3'] },
    {
      why: 'delimiters inside quotes',
      csv: 'a;"b,c,d"\n1;"x,y,z"\n',
      delimiter: ';',
      values: ['1', 'x,y,z'],
    },
    { why: 'a quoted header line break', csv: '"ph\none";b\n1;2\n', delimiter: ';', values: ['1', '2'] },
  ])('sniffs $why', async ({ csv, delimiter, values }) => {
    const { rows, format } = await read(csv);
    expect(format.delimiter).toBe(delimiter);
    expect(rows.at(-1)?.[1]).toEqual(values);
  });

  it('returns ragged rows as they are', async () => {
    expect((await read('a,b,c\n1,2\n3,4,5,6\n')).rows).toEqual([
      [1, ['a', 'b', 'c']],
      [2, ['1', '2']],
      [3, ['3', '4', '5', '6']],
    ]);
  });

  it.each([
    { newline: '\n', name: 'LF' },
    { newline: '\r\n', name: 'CRLF' },
    { newline: '\r', name: 'CR' },
  ] as const)('reads $name line endings, with or without a final one, in any chunks', async ({ newline }) => {
    const lines = ['phone,name', '2125550100,"Ann"', '2125550101,Bob'];
    const expected = [
      [1, ['phone', 'name']],
      [2, ['2125550100', 'Ann']],
      [3, ['2125550101', 'Bob']],
    ];
    for (const csv of [lines.join(newline), lines.join(newline) + newline]) {
      for (const size of CHUNK_SIZES) {
        expect(await read(chunked(Buffer.from(csv), size))).toMatchObject({
          rows: expected,
          format: { newline },
        });
      }
    }
  });

  it('reads a CRLF file with a stray LF-only line', async () => {
    expect((await read('a,b\r\n1,2\n3,4\r\n')).rows).toEqual([
      [1, ['a', 'b']],
      [2, ['1', '2']],
      [3, ['3', '4']],
    ]);
  });
});

describe('readCsvRecords: quotes and row numbers', () => {
  it('reads quoted delimiters, doubled quotes and line breaks, counting such a row once', async () => {
    const csv = 'phone,notes\r\n1,"said ""call back"",\r\nthen hung up"\r\n2,"plain"\r\n';
    for (const size of CHUNK_SIZES) {
      expect((await read(chunked(Buffer.from(csv), size))).rows).toEqual([
        [1, ['phone', 'notes']],
        [2, ['1', 'said "call back",\r\nthen hung up']],
        [3, ['2', 'plain']],
      ]);
    }
  });

  it('numbers rows as a spreadsheet does: blank rows skipped but counted, multi-line values one row', async () => {
    const csv = '\n\nh\n\n1\n"a\nb\n\nc"\n\n , \t\n  \n2';
    for (const size of CHUNK_SIZES) {
      expect((await read(chunked(Buffer.from(csv), size))).rows).toEqual([
        [3, ['h']],
        [5, ['1']],
        [6, ['a\nb\n\nc']],
        [10, ['2']],
      ]);
    }
  });

  it('counts rows across many chunks of a large file', async () => {
    const csv = 'phone,note\n' + Array.from({ length: 30_000 }, (_, i) => `${i},"x\n${i}"\n\n`).join('');
    const { rows, batches } = await read(chunked(Buffer.from(csv), 10_000));
    expect(batches.length).toBeGreaterThan(3);
    expect(rows).toHaveLength(30_001);
    expect(rows.at(-1)).toEqual([60_000, ['29999', 'x\n29999']]);
  });
});

describe('readCsvRecords: progress and streaming', () => {
  it('says how many bytes it has read, up to the whole file with the last batch', async () => {
    const bytes = Buffer.from('phone,name\n' + '2125550100,Zoë\n'.repeat(50_000));
    const { batches } = await read(chunked(bytes, 1000));
    const progress = batches.map((batch) => batch.bytesRead);
    expect(progress.length).toBeGreaterThan(5);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBe(bytes.length);
    const text = 'phone\n' + 'é\n'.repeat(100);
    expect((await read(text)).batches.at(-1)?.bytesRead).toBe(Buffer.byteLength(text));
  });

  it('pulls the source only as far as the records read so far need, and closes it when stopped', async () => {
    let chunksPulled = 0;
    let closed = false;
    async function* source(): AsyncGenerator<string> {
      try {
        yield await Promise.resolve('phone,name\n');
        for (let i = 0; i < 50_000; i++) {
          chunksPulled += 1;
          yield `2125550100,Lead ${i}\n`;
        }
      } finally {
        closed = true;
      }
    }
    const batches = readCsvRecords(source());
    const first = await batches.next();
    expect(first.done === false && first.value.records[1]).toEqual({
      rowNumber: 2,
      values: ['2125550100', 'Lead 0'],
    });
    expect(chunksPulled).toBeLessThan(5_000);
    await batches.return(undefined);
    expect(closed).toBe(true);
  });

  it('refuses a source that mixes strings and bytes, as a programming error', async () => {
    const source = Readable.from(['phone\n', Buffer.from('1\n')], { objectMode: true });
    await expect(read(source)).rejects.toThrow(/chunk 1 is bytes but chunk 0 was a string/);
  });
});

describe('readCsvRecords: files it refuses', () => {
  const zip = (name: string): Buffer =>
    Buffer.concat([
      Buffer.from('PK\x03\x04', 'latin1'),
      Buffer.alloc(26),
      Buffer.from(name),
      Buffer.alloc(64),
    ]);

  it.each([
    { file: 'an empty string', source: '', code: 'csv_empty' },
    { file: 'no chunks', source: Readable.from([]), code: 'csv_empty' },
    {
      file: 'a BOM and blank lines',
      source: chunked(Buffer.from('\uFEFF\r\n , \r\n\r\n'), 1),
      code: 'csv_empty',
    },
    {
      file: 'an .xlsx',
      source: chunked(zip('[Content_Types].xml..xl/workbook.xml'), 5),
      message: /Excel workbook \(\.xlsx\)/,
    },
    {
      file: 'an .ods',
      source: chunked(zip('mimetypeapplication/vnd.oasis.opendocument.spreadsheet'), 5),
      message: /\(\.ods\)/,
    },
    { file: 'another zip', source: chunked(zip('leads.csv'), 5), message: /zip archive.*Unzip it/ },
    {
      file: 'an .xls',
      source: chunked(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]), 3),
      message: /\.xls\)/,
    },
    { file: 'a PDF', source: chunked(Buffer.from('%PDF-1.7\n%âãÏÓ\n'), 3), message: /PDF document/ },
    { file: 'a gzip file', source: chunked(Buffer.from([0x1f, 0x8b, 8, 0, 0, 0]), 3), message: /gzip/ },
    {
      file: 'a PNG image (NUL bytes)',
      source: chunked(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), 4),
      message: /^Row 3 of the file holds a NUL character/,
    },
    { file: 'a NUL byte on row 3', source: 'phone\n1\n2\0\n3\n', message: /^Row 3 .*NUL/ },
  ])('refuses $file', async ({ source, code, message }) => {
    const error = await readError(source);
    expect(error.code).toBe(code ?? 'csv_not_text');
    if (message !== undefined) expect(error.message).toMatch(message);
  });

  it('refuses a quote that is never closed, naming its row, however the file is chunked', async () => {
    const csv = 'phone,name\n\n2125550100,"Jane\n2125550101,Bob\n';
    for (const size of CHUNK_SIZES) {
      const error = await readError(chunked(Buffer.from(csv), size));
      expect(error.code).toBe('csv_unclosed_quote');
      expect(error.message).toMatch(/^Row 3 /);
    }
  });

  it('refuses a row over 1 MiB, such as an unclosed quote in a large file, but takes one just under', async () => {
    const runaway = 'phone,name\n2125550100,"Jane\n' + '2125550101,Bob\n'.repeat(100_000);
    const error = await readError(runaway);
    expect(error.code).toBe('csv_record_too_long');
    expect(error.message).toMatch(/^Row 2 .*1 MiB/);

    const longest = 'x'.repeat(MAX_RECORD_CHARS - 1);
    expect((await read(`a\n${longest}\nb\n`)).rows.map(([row, values]) => [row, values[0]?.length])).toEqual([
      [1, 1],
      [2, MAX_RECORD_CHARS - 1],
      [3, 1],
    ]);
    expect((await readError(`a\n${longest}xx\nb\n`)).code).toBe('csv_record_too_long');
  });
});
