/**
 * What the CSV reader finds out about a file: the text encoding, the delimiter and the line ending.
 */

/** The encodings the reader recognises (Windows-1252 is what Excel's plain "CSV" writes on Windows). */
export const CSV_ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252'] as const;
export type CsvEncoding = (typeof CSV_ENCODINGS)[number];

/** The delimiters the reader sniffs, in order of preference when two fit the file equally well. */
export const CSV_DELIMITERS = [',', ';', '\t', '|'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

export const CSV_NEWLINES = ['\r\n', '\n', '\r'] as const;
export type CsvNewline = (typeof CSV_NEWLINES)[number];

/** How the records of a file are written out. */
export interface CsvLayout {
  readonly delimiter: CsvDelimiter;
  /** The line ending of the first line (`\n` for a file of one line). */
  readonly newline: CsvNewline;
}

export interface CsvFormat extends CsvLayout {
  /** Text given as strings is already decoded and is reported as `utf-8`. */
  readonly encoding: CsvEncoding;
}
