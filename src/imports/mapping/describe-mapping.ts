/**
 * A one-line account of a column mapping for the CLI's and the dashboard's preview, so the user sees what the
 * import understood before any row goes in:
 * `phone ← Mobile; secondary ← Office, Home; name ← First Name + Last Name; fields: Company, Notes`.
 */
import type { ColumnMapping, MappedColumn } from './mapping-types.js';
import { ROLE_NAMES } from './roles.js';

export function describeMapping(mapping: ColumnMapping): string {
  const parts = [`${ROLE_NAMES.phone} ← ${mapping.phone.header}`];
  if (mapping.secondaries.length > 0)
    parts.push(`${ROLE_NAMES.secondary} ← ${headersOf(mapping.secondaries)}`);
  const name = describeName(mapping);
  if (name !== null) parts.push(`${ROLE_NAMES.name} ← ${name}`);
  for (const role of ['email', 'timezone', 'externalId'] as const) {
    const column = mapping[role];
    if (column !== null) parts.push(`${ROLE_NAMES[role]} ← ${column.header}`);
  }
  if (mapping.fields.length > 0) parts.push(`fields: ${headersOf(mapping.fields)}`);
  return parts.join('; ');
}

function headersOf(columns: readonly MappedColumn[]): string {
  return columns.map(({ header }) => header).join(', ');
}

/** `Full Name`, `First Name + Last Name`, or both when the full name may be empty on some rows. */
function describeName({ name, firstName, lastName }: ColumnMapping): string | null {
  const parts = [firstName, lastName].flatMap((column) => (column === null ? [] : [column.header]));
  const joined = parts.length === 0 ? null : parts.join(' + ');
  if (name === null) return joined;
  return joined === null ? name.header : `${name.header}, else ${joined}`;
}
