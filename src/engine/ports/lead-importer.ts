/**
 * Importing a lead file into a campaign (DESIGN §2.4, the import issue). The pipeline lives in `src/imports`
 * (parsing, column mapping, phone validation in worker threads, merging rows by external id); the API and the
 * CLI drive it through this port, so neither depends on how a file is read.
 */

/**
 * Which file columns play which part, by header as written in the file. Anything left out is found from the
 * headers (`phone`, `Phone Number`, `mobile`, …); every column not mapped becomes a lead field under its header.
 */
export interface ColumnMappingInput {
  readonly phone?: string;
  /** Secondary numbers, dialed in this order after the primary one. */
  readonly secondary?: readonly string[];
  readonly name?: string;
  readonly firstName?: string;
  readonly lastName?: string;
  readonly email?: string;
  readonly timezone?: string;
  readonly externalId?: string;
  /** Columns kept as lead fields under their header, whatever the header suggests (`Office`, `Email`). */
  readonly fields?: readonly string[];
  /** Columns left out: neither a role nor a lead field. */
  readonly ignore?: readonly string[];
}

/** The mapping's keys that give a column a part in the lead; `fields` and `ignore` list columns that have none. */
export type ColumnMappingRole = Exclude<keyof ColumnMappingInput, 'fields' | 'ignore'>;

export interface LeadImportRequest {
  readonly campaignId: string;
  /** The file's bytes in order (any supported encoding and delimiter), or its text. */
  readonly source: AsyncIterable<Uint8Array | string> | string;
  /** ISO 3166-1 alpha-2: the country of numbers written without a country code. */
  readonly defaultCountry: string;
  readonly mapping?: ColumnMappingInput;
  /** Called after each batch of rows reaches the store. */
  readonly onProgress?: (progress: LeadImportProgress) => void | Promise<void>;
  /** Every refused value (a row's, or a single secondary number's), in file order, batch by batch. */
  readonly onRejected?: (rows: readonly RejectedValue[]) => void | Promise<void>;
}

export interface LeadImportProgress {
  /** Bytes of the source consumed so far (characters for a string source). */
  readonly bytesRead: number;
  readonly counts: LeadImportCounts;
}

/**
 * `rows`: data rows read (blank lines not counted). `leads`: leads created. `contacts`: numbers added (a lead's
 * primary and secondaries, including numbers added to a lead an earlier row created). `duplicates`: numbers
 * already in the campaign or earlier in the file. `invalid`: values refused (a row without a valid primary
 * number, or a bad secondary number). `suppressed`: numbers on the account's do-not-call list.
 */
export interface LeadImportCounts {
  readonly rows: number;
  readonly leads: number;
  readonly contacts: number;
  readonly duplicates: number;
  readonly invalid: number;
  readonly suppressed: number;
}

/** One line of the error file: what the user fixes before importing again. */
export interface RejectedValue {
  /** As a spreadsheet numbers it: the header is row 1. */
  readonly rowNumber: number;
  /** The header as written in the file. */
  readonly column: string;
  readonly value: string;
  readonly reason: string;
}

/**
 * The file as a whole cannot be imported: not CSV, empty, no phone column, a bad mapping (found before any row,
 * so nothing was added), or a quote never closed (found where it happens: the rows before it are in, and the
 * outcome's counts say so).
 */
export interface LeadFileProblem {
  readonly code: string;
  readonly message: string;
}

export type LeadImportOutcome =
  | { readonly ok: true; readonly counts: LeadImportCounts }
  | { readonly ok: false; readonly problem: LeadFileProblem; readonly counts: LeadImportCounts };

export interface LeadImporter {
  importLeads(request: LeadImportRequest): Promise<LeadImportOutcome>;
}

/**
 * The start of a lead file read as its import would read it, and nothing written: the encoding and delimiter
 * found, each column's role, and the first rows as they would become leads (the dashboard's upload step).
 */
export interface LeadFilePreviewRequest {
  /**
   * The file's first bytes. Unless they end with a line break or are the whole file, they are taken as cut off
   * inside the last record, which is left out (the header row is always read).
   */
  readonly head: Uint8Array;
  /** `head` is the whole file: its last record is whole even without a line break after it. */
  readonly wholeFile?: boolean;
  /** ISO 3166-1 alpha-2: the country of numbers written without a country code. */
  readonly defaultCountry: string;
  readonly mapping?: ColumnMappingInput;
  /** How many data rows to show, from the first. */
  readonly rows: number;
}

/** What a column becomes: a role of the mapping, a lead field, or nothing (ignored, or without a header). */
export type ColumnRole = ColumnMappingRole | 'field' | 'ignored';

/** A data row as its import would make it a lead; numbers already in the campaign or on its do-not-call list are the store's to find. */
export interface LeadPreviewRow {
  readonly rowNumber: number;
  /** E.164, or null when the row has no valid primary number (its import refuses the row, and its other numbers). */
  readonly phone: string | null;
  readonly secondaryPhones: readonly string[];
  readonly name: string | null;
  readonly externalId: string | null;
  readonly fields: Readonly<Record<string, string>>;
  /** The values its import would refuse, as the error file names them. */
  readonly errors: readonly Omit<RejectedValue, 'rowNumber'>[];
}

export interface LeadFilePreview {
  /** `utf-8`, `utf-16le`, `utf-16be` or `windows-1252`. */
  readonly encoding: string;
  /** `,` `;` tab or `|`. */
  readonly delimiter: string;
  /** The header row's values, trimmed. */
  readonly headers: readonly string[];
  /** One per header, in file order. */
  readonly columns: readonly { readonly header: string; readonly role: ColumnRole }[];
  /** None when the mapping was refused. */
  readonly rows: readonly LeadPreviewRow[];
  /**
   * Why the import would refuse this mapping of the file (no phone column found, a column named twice), or null.
   * The columns are then as the import keeps columns without a role, for the client to map them.
   */
  readonly problem: LeadFileProblem | null;
}

export type LeadFilePreviewOutcome =
  | { readonly ok: true; readonly preview: LeadFilePreview }
  | { readonly ok: false; readonly problem: LeadFileProblem };

export interface LeadFilePreviewer {
  /** The file's problem when its import would refuse it as a whole (the same code and message). */
  previewLeadFile(request: LeadFilePreviewRequest): Promise<LeadFilePreviewOutcome>;
}
