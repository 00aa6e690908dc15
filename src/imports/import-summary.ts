/**
 * Counting and wording what a lead import did, for the CLI's summary and the API's import report.
 */
import type { InvalidRow, LeadRowResult } from './lead-rows.js';

/**
 * `rows`: data rows read (blank lines not counted); `leads`: rows that became leads; `duplicates`: leads
 * the campaign already had (decided by the store, so the caller adds them); `invalid`: rows refused
 * because their `phone` was missing or invalid.
 */
export interface LeadImportCounts {
  readonly rows: number;
  readonly leads: number;
  readonly duplicates: number;
  readonly invalid: number;
}

export const EMPTY_LEAD_IMPORT_COUNTS: LeadImportCounts = Object.freeze({
  rows: 0,
  leads: 0,
  duplicates: 0,
  invalid: 0,
});

/** The counts after one more row from `readLeadRows`. */
export function tallyLeadRow(counts: LeadImportCounts, result: LeadRowResult): LeadImportCounts {
  return result.kind === 'lead'
    ? { ...counts, rows: counts.rows + 1, leads: counts.leads + 1 }
    : { ...counts, rows: counts.rows + 1, invalid: counts.invalid + 1 };
}

/** One line for a report: `row 7: phone "555-1234" is too short`. */
export function describeInvalidRow(problem: InvalidRow): string {
  const value = problem.value === '' ? '' : ` ${JSON.stringify(problem.value)}`;
  return `row ${problem.rowNumber}: ${problem.column}${value} ${problem.reason}`;
}
