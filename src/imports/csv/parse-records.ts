/**
 * Splits CSV text into records with PapaParse's chunk parser (`Papa.Parser`, the one behind its own
 * streamers), which can stop before the last, possibly unfinished record and say where it stopped. Papa's
 * stream entry points are not used: on Node they decode each Buffer chunk on its own (breaking a character
 * split between chunks), guess the line ending from the first chunk alone and buffer without limit while
 * paused.
 *
 * Text is parsed in windows of at most MAX_RECORD_CHARS characters, each starting at a record boundary. A
 * record that does not end within one window is refused, so whether a record is too long depends only on
 * its own length, never on how the file happened to be chunked.
 */
import Papa from 'papaparse';

import { LeadImportError } from '../import-error.js';
import type { CsvLayout } from './csv-format.js';

/** A record this long is a stray opening quote swallowing the rest of the file, not a lead. */
export const MAX_RECORD_CHARS = 1024 * 1024;

interface PapaChunkResult {
  readonly data: string[][];
  readonly errors: readonly Papa.ParseError[];
  readonly meta: { readonly cursor: number };
}

/**
 * Parses the complete records at the start of `text`, whose first record is row `rowsBefore + 1` of the
 * file. Without `atEnd`, the unfinished record the text ends in comes back as `rest`; with it, the text
 * is all that is left of the file. Throws a `LeadImportError` for a NUL character (`csv_not_text`) or a
 * record too long (`csv_record_too_long`). A quote never closed (`csv_unclosed_quote`, found at the end)
 * comes back as `unclosedQuote` with the rows before it, so that the caller can hand those on first.
 */
export function parseRecords(
  text: string,
  layout: CsvLayout,
  rowsBefore: number,
  atEnd: boolean,
): { readonly rows: string[][]; readonly rest: string; readonly unclosedQuote?: LeadImportError } {
  const rows: string[][] = [];
  let rest = text;
  for (;;) {
    const window = rest.length > MAX_RECORD_CHARS ? rest.slice(0, MAX_RECORD_CHARS) : rest;
    const lastWindow = window.length === rest.length;
    const parseToEnd = atEnd && lastWindow;
    refuseNul(window, layout, rowsBefore + rows.length);
    const result = runPapa(window, layout, !parseToEnd);
    const unclosed = parseToEnd ? result.errors.find((error) => error.code === 'MissingQuotes') : undefined;
    if (unclosed !== undefined) {
      // Papa's last record is the one whose quote swallowed the rest of the file; those before it are sound.
      const sound = result.data.slice(0, unclosed.row ?? 0).map(withoutCarriageReturn);
      rows.push(...sound);
      return { rows, rest: '', unclosedQuote: unclosedQuoteError(rowsBefore + rows.length) };
    }
    for (const row of result.data) rows.push(withoutCarriageReturn(row));
    if (!parseToEnd && result.meta.cursor === 0 && window.length === MAX_RECORD_CHARS) {
      throw new LeadImportError(
        'csv_record_too_long',
        `Row ${rowsBefore + rows.length + 1} of the CSV file is over ${MAX_RECORD_CHARS.toLocaleString('en-US')} ` +
          'characters long (1 MiB, the most a row may have): a quote opened in it is probably never closed. ' +
          'Fix the quoting and import again.',
      );
    }
    rest = rest.slice(result.meta.cursor);
    if (lastWindow) return { rows, rest };
  }
}

function runPapa(text: string, layout: CsvLayout, ignoreLastRow: boolean): PapaChunkResult {
  // With `\n` as Papa's line ending, CRLF lines and any stray LF-only lines of a CRLF file split alike.
  const newline = layout.newline === '\r' ? '\r' : '\n';
  const parser = new Papa.Parser({ delimiter: layout.delimiter, newline, quoteChar: '"' });
  return parser.parse(text, 0, ignoreLastRow) as PapaChunkResult;
}

/** With `\n` as the line ending, a CRLF line leaves `\r` on its last (unquoted) value. */
function withoutCarriageReturn(row: string[]): string[] {
  const lastIndex = row.length - 1;
  const last = row[lastIndex];
  if (last?.endsWith('\r') === true) row[lastIndex] = last.slice(0, -1);
  return row;
}

/**
 * CSV text never holds U+0000: it comes from binary data, or from UTF-16 read as 8-bit text. Stores
 * cannot keep it either (PostgreSQL refuses it in text), so it is refused here rather than mid-import.
 */
function refuseNul(window: string, layout: CsvLayout, rowsBefore: number): void {
  const nul = window.indexOf('\u0000');
  if (nul === -1) return;
  const rowsBeforeNul = runPapa(window.slice(0, nul), layout, true).data.length;
  throw new LeadImportError(
    'csv_not_text',
    `Row ${rowsBefore + rowsBeforeNul + 1} of the file holds a NUL character, which CSV text never has: ` +
      'the file is binary, damaged, or UTF-16 text without a byte order mark. Save the list as "CSV UTF-8" ' +
      'and import that file.',
  );
}

function unclosedQuoteError(rowsBefore: number): LeadImportError {
  return new LeadImportError(
    'csv_unclosed_quote',
    `Row ${rowsBefore + 1} of the CSV file opens a quote that is never closed, so the ` +
      'rest of the file would be read as one value. Close the quote (a quote inside a quoted value is ' +
      'written twice: "") and import again.',
  );
}
