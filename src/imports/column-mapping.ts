/**
 * Column mapping for lead import (the import issue): which column of a lead file is the phone number, the
 * secondary numbers, the name, the external id; every other column is a lead field. `resolveColumnMapping`
 * runs once on the header row, `mapRecord` on every row after it. The rules are in
 * `mapping/resolve-column-mapping.ts`; the header names recognised in `mapping/header-meaning.ts`.
 */
export { columnRoles } from './mapping/column-roles.js';
export { describeMapping } from './mapping/describe-mapping.js';
export { mapRecord } from './mapping/map-record.js';
export type { ColumnMapping, MappedColumn, MappedRow, MappedValue } from './mapping/mapping-types.js';
export { resolveColumnMapping } from './mapping/resolve-column-mapping.js';
