/**
 * CSV that is safe to open in a spreadsheet: every CSV file Callwright writes (exports, simulation reports,
 * import error files) goes through `csvLine`.
 *
 * Quoting follows RFC 4180: a cell holding a comma, a double quote, CR or LF is wrapped in double quotes, its
 * quotes doubled. Lines end with LF alone, which every spreadsheet and CSV parser reads (RFC 4180's CRLF is
 * not needed by any of them, and LF keeps the files diff- and grep-friendly).
 *
 * Formula injection (OWASP "CSV Injection"): spreadsheets evaluate a cell that starts with `=`, `+`, `-` or
 * `@`, and some drop a leading tab or CR before doing so, so a lead named `=HYPERLINK("https://evil…")` would
 * run when someone opens the export. Such a text cell gets a leading `'`, which spreadsheets read as "this is
 * text". Two exceptions, because they cannot carry a formula:
 * - `+` then digits only (an E.164 phone number): at worst a spreadsheet reads it as a number, it can call
 *   nothing, and the `+` is what tells a reader the number is international (several numbers in one cell
 *   do get the `'`: a spreadsheet would add them up);
 * - values typed as numbers or booleans: they are written as they are (`-3` stays a number).
 */

/** What a cell may hold: `null` is an empty cell. */
export type CsvValue = string | number | boolean | null;

/** The first characters that make a spreadsheet evaluate a cell (OWASP). */
const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);
/** `+` followed by digits only: an international phone number, never a formula that does anything. */
const PLUS_DIGITS = /^\+\d+$/;
/** Characters that make RFC 4180 quote a cell. */
const NEEDS_QUOTES = /[",\r\n]/;

/** `text` with a leading `'` when a spreadsheet would evaluate it, otherwise as it is. */
function inert(text: string): string {
  const first = text.charAt(0);
  return FORMULA_TRIGGERS.has(first) && !PLUS_DIGITS.test(text) ? `'${text}` : text;
}

/** One CSV cell: made inert if it looks like a formula, then quoted per RFC 4180 when needed. */
export function csvCell(value: CsvValue): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  const text = inert(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV line, its LF included, so lines concatenate into a file or a stream as they are. */
export function csvLine(values: readonly CsvValue[]): string {
  return `${values.map(csvCell).join(',')}\n`;
}
