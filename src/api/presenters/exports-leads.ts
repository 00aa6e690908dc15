import type { Contact, Lead } from '../../domain/entities.js';
import type { CsvValue } from '../../domain/spreadsheet-cell.js';
import { formatInstantInZone } from '../../domain/time-format.js';

/** A lead with what its row shows beside it: its numbers, and the result of its latest call that ended. */
export interface LeadExportRow {
  readonly lead: Lead;
  /** Primary first. */
  readonly contacts: readonly Contact[];
  readonly lastResult: string | null;
}

const LEAD_CSV_COLUMNS = [
  'lead_id',
  'external_id',
  'name',
  'status',
  'completion_reason',
  'phone',
  'secondary_phones',
  'attempts',
  'last_result',
  'created_at',
  'updated_at',
] as const;

/** Lead fields whose keys have no column of their own, as one JSON object. */
const OTHER_FIELDS_COLUMN = 'other_fields';

export interface LeadCsvLayout {
  readonly header: readonly string[];
  cells(row: LeadExportRow): CsvValue[];
}

/**
 * The columns of `leads.csv`: the fixed ones, then one `fields.<key>` column per lead field key of the first
 * page (in the order first seen, which is the order of the imported file's columns), then `other_fields`.
 *
 * A spreadsheet wants one column per field, but the header must be written before the rest of the campaign is
 * read, and reading the campaign twice to collect every key would double the cost of an export. Leads of a
 * campaign almost always share their keys (they come from the same files), so the first page names the
 * columns; a key seen only later goes into `other_fields` (JSON), so nothing is lost. The `fields.` prefix
 * keeps a field called `status` or `name` apart from the lead's own columns.
 */
export function createLeadCsvLayout(firstPage: readonly Lead[], timezone: string): LeadCsvLayout {
  const keys = [...new Set(firstPage.flatMap((lead) => Object.keys(lead.fields)))];
  const hasColumn = new Set(keys);
  return {
    header: [...LEAD_CSV_COLUMNS, ...keys.map((key) => `fields.${key}`), OTHER_FIELDS_COLUMN],
    cells: ({ lead, contacts, lastResult }) => {
      const others = Object.entries(lead.fields).filter(([key]) => !hasColumn.has(key));
      return [
        lead.id,
        lead.externalId,
        lead.name,
        lead.status,
        lead.completionReason,
        contacts[0]?.phone ?? null,
        contacts
          .slice(1)
          .map((contact) => contact.phone)
          .join(' '),
        contacts.reduce((total, contact) => total + contact.attempts, 0),
        lastResult,
        formatInstantInZone(lead.createdAt, timezone),
        formatInstantInZone(lead.updatedAt, timezone),
        ...keys.map((key) => lead.fields[key] ?? null),
        others.length === 0 ? null : JSON.stringify(Object.fromEntries(others)),
      ];
    },
  };
}
