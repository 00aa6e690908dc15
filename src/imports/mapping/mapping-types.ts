/** A column of the file: its position in every record and its header, trimmed. */
export interface MappedColumn {
  readonly index: number;
  readonly header: string;
}

/** Which column plays which part, found once from the header row and applied to every record by `mapRecord`. */
export interface ColumnMapping {
  readonly phone: MappedColumn;
  /** In dialing order. */
  readonly secondaries: readonly MappedColumn[];
  /** The full name; when it is empty, first and last name make the name. */
  readonly name: MappedColumn | null;
  readonly firstName: MappedColumn | null;
  readonly lastName: MappedColumn | null;
  readonly email: MappedColumn | null;
  readonly timezone: MappedColumn | null;
  readonly externalId: MappedColumn | null;
  /** The columns no role took, in file order: each becomes a lead field keyed by its header. */
  readonly fields: readonly MappedColumn[];
}

/** A value read from a record, with the header of its column (for the error report). */
export interface MappedValue {
  readonly column: string;
  readonly value: string;
}

/** One record in the lead's terms; values trimmed, phone numbers not yet validated. */
export interface MappedRow {
  /** Present even when empty: a row without a primary number is reported, not skipped. */
  readonly phone: MappedValue;
  /** Non-empty secondary numbers, in dialing order. */
  readonly secondaries: readonly MappedValue[];
  readonly name: string | null;
  readonly externalId: string | null;
  readonly fields: Readonly<Record<string, string>>;
}
