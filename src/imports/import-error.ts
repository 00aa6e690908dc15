/**
 * The one error a lead import throws: the file as a whole cannot be imported (problems with single rows
 * are returned as values, not thrown). Each code is stable for the CLI and the API to branch on; the
 * message tells the user what to fix in the file or the mapping.
 */
export const LEAD_IMPORT_ERROR_CODES = [
  /** No row with any value: nothing at all, or only blank lines. */
  'csv_empty',
  /** Binary data (a NUL character), or a known non-CSV format such as an Excel workbook or a PDF. */
  'csv_not_text',
  /** A quote is opened and never closed before the end of the file. */
  'csv_unclosed_quote',
  /** One record is longer than the reader holds (1 MiB): usually a stray quote swallowing the file. */
  'csv_record_too_long',
  /** No column holds the numbers to call. */
  'csv_no_phone_column',
  /** Two columns of the header resolve to the same name. */
  'csv_duplicate_column',
  /** An explicit mapping names a column the header does not have. */
  'mapping_unknown_column',
  /** An explicit mapping gives one column two roles, or one role twice. */
  'mapping_conflict',
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
