/**
 * One batch of mapped rows on its way into a campaign: numbers validated (off the main thread), rows that
 * share an external id merged into one lead, and the store's answer turned into counts and error lines.
 */
import type { LeadImportCounts, RejectedValue } from '../engine/ports/lead-importer.js';
import type { AddLeadsResult } from '../engine/ports/store.js';
import type { LeadInput } from '../engine/use-cases/campaign-commands.js';
import type { MappedRow } from './column-mapping.js';
import type { CountryCode, NormalizedPhone } from './phone.js';

/** Validates numbers in bulk, in input order (the worker-thread pool, or anything with its shape). */
export interface PhoneValidator {
  normalize(raws: readonly string[], defaultCountry: CountryCode): Promise<readonly NormalizedPhone[]>;
}

export interface NumberedRow {
  readonly rowNumber: number;
  readonly row: MappedRow;
}

/** Where one of a lead's numbers came from, to name it in the error file if the store refuses it. */
interface NumberSource {
  readonly rowNumber: number;
  readonly column: string;
  readonly value: string;
}

export interface PreparedBatch {
  readonly rows: number;
  readonly leads: readonly LeadInput[];
  /** Per lead, per number (in `phones` order): the cell it came from. */
  readonly sources: readonly (readonly NumberSource[])[];
  /** Values refused before the store saw them: invalid numbers. */
  readonly invalid: readonly RejectedValue[];
  /** A number given twice for one lead (in one row, or in two rows with its external id). */
  readonly repeated: readonly RejectedValue[];
}

/**
 * Validates every number of `rows` in one call to the validator and builds the leads. A row whose primary
 * number is missing or invalid is refused whole (its secondary numbers are not promoted: the file says who
 * to call first); a bad secondary number is refused alone. Rows sharing an external id become one lead, the
 * first row's name and fields kept and the later rows' numbers added in file order.
 */
export async function prepareBatch(
  rows: readonly NumberedRow[],
  defaultCountry: CountryCode,
  validator: PhoneValidator,
): Promise<PreparedBatch> {
  const raws: string[] = [];
  for (const { row } of rows) {
    raws.push(row.phone.value);
    for (const secondary of row.secondaries) raws.push(secondary.value);
  }
  const normalized = await validator.normalize(raws, defaultCountry);

  const leads: { input: LeadInput & { phones: string[] }; sources: NumberSource[] }[] = [];
  const byExternalId = new Map<string, number>();
  const invalid: RejectedValue[] = [];
  const repeated: RejectedValue[] = [];
  let next = 0;
  for (const { rowNumber, row } of rows) {
    const cells = [row.phone, ...row.secondaries];
    const results = normalized.slice(next, next + cells.length);
    next += cells.length;

    const primary = results[0]!;
    if (!primary.ok) {
      invalid.push({ rowNumber, column: row.phone.column, value: row.phone.value, reason: primary.reason });
      continue;
    }
    const existing = row.externalId === null ? undefined : byExternalId.get(row.externalId);
    const lead =
      existing === undefined
        ? {
            input: { name: row.name, externalId: row.externalId, fields: row.fields, phones: [] as string[] },
            sources: [] as NumberSource[],
          }
        : leads[existing]!;
    if (existing === undefined) {
      if (row.externalId !== null) byExternalId.set(row.externalId, leads.length);
      leads.push(lead);
    }
    cells.forEach((cell, index) => {
      const result = results[index]!;
      const source = { rowNumber, column: cell.column, value: cell.value };
      if (!result.ok) invalid.push({ ...source, reason: result.reason });
      else if (lead.input.phones.includes(result.e164)) {
        repeated.push({ ...source, reason: 'repeats another number of the same lead' });
      } else {
        lead.input.phones.push(result.e164);
        lead.sources.push(source);
      }
    });
  }
  return {
    rows: rows.length,
    leads: leads.map((lead) => lead.input),
    sources: leads.map((lead) => lead.sources),
    invalid,
    repeated,
  };
}

/** What the store did with a prepared batch, as counts and error lines in file order. */
export function settleBatch(
  batch: PreparedBatch,
  result: AddLeadsResult,
): { counts: LeadImportCounts; rejected: RejectedValue[] } {
  const refusedBy = (refusals: AddLeadsResult['duplicates'], reason: string): RejectedValue[] =>
    refusals.map(({ index, phone }) => {
      const position = batch.leads[index]!.phones.indexOf(phone);
      return { ...batch.sources[index]![position]!, reason };
    });
  const duplicates = refusedBy(result.duplicates, 'is already in the campaign (or earlier in this file)');
  const suppressed = refusedBy(result.suppressed, "is on the account's do-not-call list");
  const numbers = batch.leads.reduce((sum, lead) => sum + lead.phones.length, 0);
  return {
    counts: {
      rows: batch.rows,
      leads: result.created,
      contacts: numbers - duplicates.length - suppressed.length,
      duplicates: duplicates.length + batch.repeated.length,
      invalid: batch.invalid.length,
      suppressed: suppressed.length,
    },
    // A stable sort: within a row, the cells keep the order they were checked in.
    rejected: [...batch.invalid, ...batch.repeated, ...duplicates, ...suppressed].sort(
      (a, b) => a.rowNumber - b.rowNumber,
    ),
  };
}

export const NO_IMPORT_COUNTS: LeadImportCounts = Object.freeze({
  rows: 0,
  leads: 0,
  contacts: 0,
  duplicates: 0,
  invalid: 0,
  suppressed: 0,
});

export function addCounts(a: LeadImportCounts, b: LeadImportCounts): LeadImportCounts {
  return {
    rows: a.rows + b.rows,
    leads: a.leads + b.leads,
    contacts: a.contacts + b.contacts,
    duplicates: a.duplicates + b.duplicates,
    invalid: a.invalid + b.invalid,
    suppressed: a.suppressed + b.suppressed,
  };
}
