/**
 * Each column's part in a resolved mapping, in file order: what the dashboard's import preview shows above the
 * columns, in the roles' own names (the keys of an explicit mapping), so a role can be sent back as a mapping.
 */
import type { ColumnRole } from '../../engine/ports/lead-importer.js';
import type { ColumnMapping } from './mapping-types.js';
import { MAPPING_ROLES } from './roles.js';

/** The roles of the header's `count` columns: a column no role took is a field, or ignored (by the mapping, or without a header). */
export function columnRoles(mapping: ColumnMapping, count: number): ColumnRole[] {
  const roles = Array.from({ length: count }, (): ColumnRole => 'ignored');
  for (const { index } of mapping.fields) roles[index] = 'field';
  for (const { index } of mapping.secondaries) roles[index] = 'secondary';
  for (const role of MAPPING_ROLES) {
    const column = role === 'secondary' ? null : mapping[role];
    if (column !== null) roles[column.index] = role;
  }
  return roles;
}
