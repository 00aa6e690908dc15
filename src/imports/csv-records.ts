/**
 * Reads a CSV file as batches of records, whatever its encoding, delimiter and line endings, in memory
 * that stays flat whatever the file size: the source is pulled chunk by chunk and only the unfinished
 * record at the end of a chunk is carried over. What each record means is the caller's business (the
 * header row, ragged rows with fewer or more values than the header).
 *
 * - Encodings: UTF-8 with or without a byte order mark, UTF-16 LE/BE (with a mark, or recognised by the
 *   NULs of its ASCII), Windows-1252 when the bytes are not UTF-8 (how: `csv/decode-bytes.ts`).
 * - Delimiters `,` `;` tab `|`, sniffed from the first records (`csv/sniff-layout.ts`); quoted values may
 *   hold delimiters, line breaks and doubled quotes (`""`).
 * - Line endings LF, CRLF or CR.
 * - Row numbers are the ones a spreadsheet shows: the header is row 1, a quoted value spanning several
 *   lines is still one row, and blank rows (every value empty or spaces) are skipped but counted.
 *
 * A file that cannot be read as a whole throws a `LeadImportError`: `csv_empty`, `csv_not_text` (a known
 * binary format such as .xlsx, or a NUL character), `csv_unclosed_quote`, `csv_record_too_long` (over
 * 1 MiB). Any other error comes from the source itself.
 */
import { sniffLayout } from './csv/sniff-layout.js';
import type { CsvEncoding, CsvFormat, CsvLayout } from './csv/csv-format.js';
import { parseRecords } from './csv/parse-records.js';
import { readSourceText } from './csv/source-text.js';
import type { CsvSource } from './csv/source-text.js';
import { LeadImportError } from './import-error.js';

export type { CsvDelimiter, CsvEncoding, CsvFormat, CsvNewline } from './csv/csv-format.js';
export { MAX_RECORD_CHARS } from './csv/parse-records.js';
export type { CsvSource } from './csv/source-text.js';

/** One non-blank row of the file. */
export interface CsvRecord {
  /** The row number a spreadsheet shows: header = 1, first data row = 2 (blank rows counted). */
  readonly rowNumber: number;
  /** The values as written (quotes removed, nothing trimmed), as many as the row has. */
  readonly values: readonly string[];
}

/** The records of one parsed chunk of the file, never empty. */
export interface CsvBatch {
  readonly records: readonly CsvRecord[];
  /**
   * Bytes taken from the source so far, for progress against the file's size (text given as strings
   * counts as UTF-8). It runs a little ahead of `records`, by the unfinished record carried over, and
   * reaches the size of the whole source with the last batch.
   */
  readonly bytesRead: number;
}

export interface ReadCsvRecordsOptions {
  /**
   * Called once, as soon as encoding, delimiter and line ending are all known: before the first batch,
   * unless the file starts with more ASCII than the first parse reads, in which case the encoding is only
   * known at its first non-ASCII byte (at the end for an all-ASCII file, reported as `utf-8`).
   */
  readonly onFormat?: (format: CsvFormat) => void;
}

/** Chunks are joined up to this many characters before parsing, so a trickling source is not parsed per byte. */
const MIN_PARSE_CHARS = 64 * 1024;
/** `\S` is what `trim()` keeps: a row of spaces is as blank as an empty one. */
const NOT_BLANK = /\S/;

/**
 * Streams the records of a CSV file. `source` is the whole file as a string, or its chunks: all bytes
 * (`Uint8Array`, `Buffer`: the encoding is detected) or all strings. The first record is the header.
 */
export async function* readCsvRecords(
  source: CsvSource,
  options: ReadCsvRecordsOptions = {},
): AsyncGenerator<CsvBatch> {
  let pending = '';
  // Characters added since the last parse: a long record still unfinished in `pending` is parsed again
  // only after MIN_PARSE_CHARS more, not for every small chunk.
  let unparsed = 0;
  let bytesRead = 0;
  let encoding: CsvEncoding | undefined;
  let layout: CsvLayout | undefined;
  let formatReported = false;
  let rowsRead = 0;
  let recordsRead = 0;

  // A quote never closed is found at the end of the file: the rows before it are handed on, then it is thrown.
  let unclosedQuote: LeadImportError | undefined;
  const takeBatch = (atEnd: boolean): CsvBatch | undefined => {
    layout ??= sniffLayout(pending, atEnd);
    if (layout === undefined) return undefined;
    const parsed = parseRecords(pending, layout, rowsRead, atEnd);
    const { rows } = parsed;
    pending = parsed.rest;
    unclosedQuote = parsed.unclosedQuote;
    const records: CsvRecord[] = [];
    for (const values of rows) {
      rowsRead += 1;
      if (values.some((value) => NOT_BLANK.test(value))) records.push({ rowNumber: rowsRead, values });
    }
    recordsRead += records.length;
    if (atEnd && recordsRead === 0 && unclosedQuote === undefined) {
      throw new LeadImportError(
        'csv_empty',
        'The CSV file is empty: it has no row with a value. It needs a header row naming its columns, then ' +
          'one row per lead.',
      );
    }
    if (!formatReported && (encoding !== undefined || atEnd)) {
      formatReported = true;
      options.onFormat?.({ encoding: encoding ?? 'utf-8', ...layout });
    }
    return records.length === 0 ? undefined : { records, bytesRead };
  };

  for await (const piece of readSourceText(source)) {
    pending += piece.text;
    unparsed += piece.text.length;
    bytesRead = piece.bytesRead;
    encoding = piece.encoding;
    if (unparsed < MIN_PARSE_CHARS) continue;
    unparsed = 0;
    const batch = takeBatch(false);
    if (batch !== undefined) yield batch;
  }
  const last = takeBatch(true);
  if (last !== undefined) yield last;
  if (unclosedQuote !== undefined) throw unclosedQuote;
}
