import type { ImportJob } from '../../api/types';
import type { ImportPreview } from './import-preview-types';

/** The import API's column mapping: column headers by role (`{"phone": "Mobile", "secondary": ["Office"]}`). */
export type ColumnMapping = NonNullable<ImportJob['mapping']>;

/** What a column becomes, in the preview's words: a role of the mapping, a lead field, or `ignored`. */
export type ColumnRole = ImportPreview['columns'][number]['role'];

type SingleRole = Exclude<ColumnRole, 'secondary' | 'field' | 'ignored'>;

/** The roles a user can give a column, in the Select of the mapping table. */
export const COLUMN_ROLES: readonly { value: ColumnRole; label: string }[] = [
  { value: 'phone', label: 'Phone' },
  { value: 'secondary', label: 'Secondary phone' },
  { value: 'name', label: 'Name' },
  { value: 'firstName', label: 'First name' },
  { value: 'lastName', label: 'Last name' },
  { value: 'email', label: 'Email' },
  { value: 'timezone', label: 'Time zone' },
  { value: 'externalId', label: 'External id' },
  { value: 'field', label: 'Lead field' },
  { value: 'ignored', label: 'Ignore' },
];

export interface RoledColumn {
  readonly header: string;
  readonly role: ColumnRole;
}

/** Roles that more than one column can have; every other role takes one column. */
const isSingle = (role: ColumnRole): role is SingleRole =>
  role !== 'secondary' && role !== 'field' && role !== 'ignored';

/**
 * The mapping that makes the import read every column as the table shows it, leaving nothing to the headers:
 * every list is sent, even empty. Secondary numbers keep the table's order, which is their dialing order. A
 * column without a header cannot be named, and is ignored anyway.
 */
export function toMapping(columns: readonly RoledColumn[]): ColumnMapping {
  const named = columns.filter((column) => column.header !== '');
  const headersWith = (role: ColumnRole) =>
    named.filter((column) => column.role === role).map((column) => column.header);
  const mapping: { -readonly [Role in SingleRole]?: string } = {};
  for (const { header, role } of named) {
    if (isSingle(role)) mapping[role] = header;
  }
  return {
    ...mapping,
    secondary: headersWith('secondary'),
    fields: headersWith('field'),
    ignore: headersWith('ignored'),
  };
}

/** The columns with one column's role changed. A single role moves: the column that had it becomes a field. */
export function withRole(columns: readonly RoledColumn[], header: string, role: ColumnRole): RoledColumn[] {
  return columns.map((column) => {
    if (column.header === header) return { header, role };
    return isSingle(role) && column.role === role ? { header: column.header, role: 'field' } : column;
  });
}
