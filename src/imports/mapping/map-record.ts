/**
 * Applies a column mapping to one CSV record. Runs once per row (a million times in a large import), so it
 * only reads the precomputed column positions.
 */
import type { ColumnMapping, MappedColumn, MappedRow, MappedValue } from './mapping-types.js';
import { ROLE_NAMES, VARIABLE_ROLES } from './roles.js';

/**
 * The record's values in the lead's terms: trimmed, empty ones left out (a ragged row's missing values are
 * empty). Email, time zone, first and last name are also lead fields under `email`, `timezone`, `first_name`
 * and `last_name`, so the assistant can use them as variables.
 */
export function mapRecord(values: readonly string[], mapping: ColumnMapping): MappedRow {
  const read = (column: MappedColumn | null): string =>
    column === null ? '' : (values[column.index]?.trim() ?? '');

  const secondaries: MappedValue[] = [];
  for (const column of mapping.secondaries) {
    const value = read(column);
    if (value !== '') secondaries.push({ column: column.header, value });
  }

  const entries: [string, string][] = [];
  for (const column of mapping.fields) {
    const value = read(column);
    if (value !== '') entries.push([column.header, value]);
  }
  for (const role of VARIABLE_ROLES) {
    const value = read(mapping[role]);
    if (value !== '') entries.push([ROLE_NAMES[role], value]);
  }

  const externalId = read(mapping.externalId);
  return {
    phone: { column: mapping.phone.header, value: read(mapping.phone) },
    secondaries,
    name: fullName(read(mapping.name), read(mapping.firstName), read(mapping.lastName)),
    externalId: externalId === '' ? null : externalId,
    // `fromEntries` defines own properties, so a column named `__proto__` stays a field like any other.
    fields: Object.fromEntries(entries),
  };
}

/** The full name column when it has a value, else first and last name joined. */
function fullName(name: string, first: string, last: string): string | null {
  if (name !== '') return name;
  if (first === '') return last === '' ? null : last;
  return last === '' ? first : `${first} ${last}`;
}
