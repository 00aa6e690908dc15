/**
 * Reads `leads.csv` (DESIGN §2.4) as a stream of validated rows.
 *
 * Columns: `phone` (required), `secondary_phone`, `secondary_phone_2`, `secondary_phone_3`, … (optional),
 * `name` (optional); every other column is a lead field passed to the assistant, keyed by its header.
 * Header names are trimmed; `phone`, `secondary_phone*` and `name` match case-insensitively; a column
 * with an empty header is ignored. Values are trimmed and empty ones are left out.
 *
 * Row numbers are the ones a spreadsheet shows for the file: the header is row 1, the first data row is 2.
 * A quoted value spanning several lines is still one row; blank lines are skipped but counted.
 *
 * Memory stays flat whatever the file size: input is pulled chunk by chunk, each chunk is parsed by
 * PapaParse's chunk parser (the one its own streamers use) and only the unfinished record at its end is
 * carried over. Papa's own stream entry points are not used because, on Node, they decode each Buffer
 * chunk separately (corrupting a UTF-8 character split between chunks), guess the line ending from the
 * first chunk alone (a CRLF file read in small chunks keeps a `\r` on every last value) and buffer
 * without limit while paused.
 */
import { StringDecoder } from 'node:string_decoder';

import Papa from 'papaparse';

import { normalizePhone } from './phone.js';
import type { CountryCode } from './phone.js';

export interface LeadRow {
  /** The row number a spreadsheet shows: header = 1, first data row = 2. */
  readonly rowNumber: number;
  /** The `name` column, trimmed; `null` when absent or empty. */
  readonly name: string | null;
  /** E.164 numbers: `phone` first, then `secondary_phone`, `secondary_phone_2`, …; no repeats. */
  readonly phones: readonly string[];
  /** Every other non-empty value, keyed by its (trimmed) header. */
  readonly fields: Readonly<Record<string, string>>;
}

/** A value that was not imported: `column` is the header as written in the file. */
export interface InvalidRow {
  readonly rowNumber: number;
  readonly column: string;
  readonly value: string;
  readonly reason: string;
}

/**
 * One data row. A row whose `phone` is missing or invalid is `invalid` (the primary number is required,
 * even when a secondary one is valid); an invalid secondary number is dropped and reported with the lead.
 */
export type LeadRowResult =
  | { readonly kind: 'lead'; readonly lead: LeadRow; readonly invalidSecondary: readonly InvalidRow[] }
  | { readonly kind: 'invalid'; readonly problem: InvalidRow };

export interface ReadLeadRowsOptions {
  /** The country of numbers written without a country code. */
  readonly defaultCountry: CountryCode;
}

export const LEAD_IMPORT_ERROR_CODES = [
  'csv_empty',
  'csv_no_phone_column',
  'csv_duplicate_column',
  'csv_unclosed_quote',
  'csv_record_too_long',
] as const;
export type LeadImportErrorCode = (typeof LEAD_IMPORT_ERROR_CODES)[number];

/** The file as a whole cannot be imported; the message says what to fix. */
export class LeadImportError extends Error {
  override readonly name = 'LeadImportError';
  constructor(
    readonly code: LeadImportErrorCode,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** Chunks are joined up to this many characters before parsing, so a trickling source is not parsed per byte. */
const MIN_PARSE_CHARS = 64 * 1024;
/** Strings given whole are parsed in slices of this size, so the rows of one slice are all that is held. */
const STRING_SLICE_CHARS = 256 * 1024;
/** A record this long is a stray opening quote swallowing the rest of the file, not a lead. */
const MAX_RECORD_CHARS = 1024 * 1024;

const PHONE_HEADER = /^phone$/i;
const SECONDARY_PHONE_HEADER = /^secondary_phone(?:_(\d+))?$/i;
const NAME_HEADER = /^name$/i;

interface Columns {
  readonly phone: { readonly index: number; readonly header: string };
  /** In dialing order: `secondary_phone`, then `secondary_phone_2`, `_3`, … by number. */
  readonly secondaries: readonly { readonly index: number; readonly header: string }[];
  readonly name: number | undefined;
  readonly fields: readonly { readonly index: number; readonly key: string }[];
}

/**
 * Streams the lead rows of a `leads.csv`. `source` is the whole file as a string, or its chunks (Buffers
 * are read as UTF-8; a character split between chunks is fine). Throws a {@link LeadImportError} for a
 * file that cannot be read as a whole (no `phone` column, a quote never closed); problems with single
 * rows come back as `invalid` results.
 */
export async function* readLeadRows(
  source: AsyncIterable<string | Buffer> | string,
  options: ReadLeadRowsOptions,
): AsyncGenerator<LeadRowResult> {
  let columns: Columns | undefined;
  let rowNumber = 0;
  for await (const records of readCsvRecords(source, () => rowNumber)) {
    for (const record of records) {
      rowNumber += 1;
      if (isBlank(record)) continue;
      if (columns === undefined) {
        columns = resolveColumns(record);
        continue;
      }
      yield toLeadRowResult(record, rowNumber, columns, options.defaultCountry);
    }
  }
  if (columns === undefined) {
    throw new LeadImportError(
      'csv_empty',
      'The CSV file is empty: it needs a header row with a `phone` column.',
    );
  }
}

function isBlank(record: readonly string[]): boolean {
  return record.every((value) => value.trim() === '');
}

function resolveColumns(record: readonly string[]): Columns {
  const headers = record.map((header) => header.trim());
  const seen = new Map<string, string>();
  let phone: Columns['phone'] | undefined;
  const secondaries: { index: number; header: string; order: number }[] = [];
  let name: number | undefined;
  const fields: { index: number; key: string }[] = [];

  headers.forEach((header, index) => {
    if (header === '') return;
    const secondary = SECONDARY_PHONE_HEADER.exec(header);
    const special = PHONE_HEADER.test(header) || secondary !== null || NAME_HEADER.test(header);
    // Reserved columns match case-insensitively, so `Phone` and `phone` would be the same column.
    const identity = special ? header.toLowerCase() : header;
    const earlier = seen.get(identity);
    if (earlier !== undefined) {
      throw new LeadImportError(
        'csv_duplicate_column',
        `The CSV header has the column "${header}" twice (also "${earlier}"): rename or remove one of them.`,
      );
    }
    seen.set(identity, header);

    if (PHONE_HEADER.test(header)) phone = { index, header };
    else if (secondary !== null) secondaries.push({ index, header, order: Number(secondary[1] ?? 1) });
    else if (NAME_HEADER.test(header)) name = index;
    else fields.push({ index, key: header });
  });

  if (phone === undefined) {
    const found = headers.filter((header) => header !== '').map((header) => `"${header}"`);
    throw new LeadImportError(
      'csv_no_phone_column',
      `The CSV header has no \`phone\` column; found ${found.length === 0 ? 'no column names' : found.join(', ')}. ` +
        'Name the column holding the numbers to call `phone` (and any others `secondary_phone`, `secondary_phone_2`, …).',
    );
  }
  secondaries.sort((a, b) => a.order - b.order);
  return {
    phone,
    secondaries: secondaries.map(({ index, header }) => ({ index, header })),
    name,
    fields,
  };
}

function toLeadRowResult(
  record: readonly string[],
  rowNumber: number,
  columns: Columns,
  defaultCountry: CountryCode,
): LeadRowResult {
  const value = (index: number): string => record[index]?.trim() ?? '';

  const primaryValue = value(columns.phone.index);
  const primary = normalizePhone(primaryValue, defaultCountry);
  if (!primary.ok) {
    return {
      kind: 'invalid',
      problem: { rowNumber, column: columns.phone.header, value: primaryValue, reason: primary.reason },
    };
  }

  const phones = [primary.e164];
  const invalidSecondary: InvalidRow[] = [];
  for (const { index, header } of columns.secondaries) {
    const raw = value(index);
    if (raw === '') continue;
    const secondary = normalizePhone(raw, defaultCountry);
    if (!secondary.ok)
      invalidSecondary.push({ rowNumber, column: header, value: raw, reason: secondary.reason });
    else if (!phones.includes(secondary.e164)) phones.push(secondary.e164);
  }

  const entries: [string, string][] = [];
  for (const { index, key } of columns.fields) {
    const fieldValue = value(index);
    if (fieldValue !== '') entries.push([key, fieldValue]);
  }
  // `fromEntries` defines own properties, so a column named `__proto__` is kept as a field like any other.
  const fields: Record<string, string> = Object.fromEntries(entries);

  const name = columns.name === undefined ? '' : value(columns.name);
  return {
    kind: 'lead',
    lead: { rowNumber, name: name === '' ? null : name, phones, fields },
    invalidSecondary,
  };
}

/**
 * Parses CSV text into batches of records (one batch per parsed chunk), in order, blank records
 * included so that row numbers stay true. `rowsSoFar` is used to name the row in errors.
 */
async function* readCsvRecords(
  source: AsyncIterable<string | Buffer> | string,
  rowsSoFar: () => number,
): AsyncGenerator<string[][]> {
  let newline: '\n' | '\r' | undefined;
  let pending = '';
  // Characters added since the last parse: parsing waits for MIN_PARSE_CHARS of them, so a long record
  // still unfinished in `pending` is not re-parsed for every small chunk.
  let unparsed = 0;
  for await (const text of readText(source)) {
    pending += text;
    unparsed += text.length;
    if (newline === undefined) {
      newline = detectNewline(pending, false);
      if (newline === undefined) continue;
    }
    if (unparsed < MIN_PARSE_CHARS) continue;
    const { records, rest } = parseCompleteRecords(pending, newline);
    pending = rest;
    unparsed = 0;
    if (pending.length > MAX_RECORD_CHARS) {
      throw new LeadImportError(
        'csv_record_too_long',
        `Row ${rowsSoFar() + records.length + 1} of the CSV file is over ${MAX_RECORD_CHARS} characters long: ` +
          'a quote opened in it is probably never closed. Fix the quoting and import again.',
      );
    }
    yield records;
  }
  const last = parseFinalRecords(pending, newline ?? detectNewline(pending, true) ?? '\n', rowsSoFar);
  yield last;
}

/**
 * The line ending of the file, from its first line break: `\r` alone (classic Mac, Excel's "CSV (Mac)")
 * or `\n` (which covers `\r\n`: the `\r` left on last values is removed). `undefined` while undecided.
 */
function detectNewline(text: string, atEnd: boolean): '\n' | '\r' | undefined {
  const cr = text.indexOf('\r');
  const lf = text.indexOf('\n');
  if (cr === -1) return lf !== -1 || atEnd ? '\n' : undefined;
  if (lf !== -1 && lf < cr) return '\n';
  if (cr + 1 < text.length) return text[cr + 1] === '\n' ? '\n' : '\r';
  return atEnd ? '\r' : undefined;
}

interface PapaChunkResult {
  readonly data: string[][];
  readonly errors: readonly Papa.ParseError[];
  readonly meta: { readonly cursor: number };
}

function runPapa(text: string, newline: '\n' | '\r', ignoreLastRow: boolean): PapaChunkResult {
  // `Papa.Parser` is the chunk parser behind `Papa.parse`'s streamers: it stops at the start of the last
  // (possibly unfinished) record when `ignoreLastRow` is set and reports where in `meta.cursor`.
  const parser = new Papa.Parser({ delimiter: ',', newline, quoteChar: '"' });
  return parser.parse(text, 0, ignoreLastRow) as PapaChunkResult;
}

function parseCompleteRecords(text: string, newline: '\n' | '\r'): { records: string[][]; rest: string } {
  const result = runPapa(text, newline, true);
  return { records: result.data.map(withoutCarriageReturn), rest: text.slice(result.meta.cursor) };
}

function parseFinalRecords(text: string, newline: '\n' | '\r', rowsSoFar: () => number): string[][] {
  if (text === '') return [];
  const result = runPapa(text, newline, false);
  const unclosed = result.errors.find((error) => error.code === 'MissingQuotes');
  if (unclosed !== undefined) {
    throw new LeadImportError(
      'csv_unclosed_quote',
      `Row ${rowsSoFar() + (unclosed.row ?? 0) + 1} of the CSV file opens a quote that is never closed, ` +
        'so the rest of the file would be read as one value. Fix the quoting and import again.',
    );
  }
  return result.data.map(withoutCarriageReturn);
}

/** With `\n` as the line ending, a CRLF file leaves `\r` on each record's last value. */
function withoutCarriageReturn(record: string[]): string[] {
  const lastIndex = record.length - 1;
  const last = record[lastIndex];
  if (last?.endsWith('\r') === true) record[lastIndex] = last.slice(0, -1);
  return record;
}

/** The source as text: UTF-8 decoded across chunk boundaries, without a byte order mark. */
async function* readText(source: AsyncIterable<string | Buffer> | string): AsyncGenerator<string> {
  let started = false;
  const withoutBom = (text: string): string => {
    if (started || text === '') return text;
    started = true;
    return text.startsWith('\uFEFF') ? text.slice(1) : text;
  };

  if (typeof source === 'string') {
    for (let offset = 0; offset < source.length; offset += STRING_SLICE_CHARS) {
      yield withoutBom(source.slice(offset, offset + STRING_SLICE_CHARS));
    }
    return;
  }
  const decoder = new StringDecoder('utf8');
  for await (const chunk of source) {
    // A string after a Buffer that ended mid-character: the broken character becomes U+FFFD.
    const text = withoutBom(typeof chunk === 'string' ? decoder.end() + chunk : decoder.write(chunk));
    if (text !== '') yield text;
  }
  const tail = withoutBom(decoder.end());
  if (tail !== '') yield tail;
}
