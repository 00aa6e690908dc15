/**
 * The columns an explicit mapping names (`--map phone=Mobile`, the API's `mapping`), found in the header row.
 * A name matches the header as written (trimmed) or, failing that, the one header equal to it ignoring case,
 * so `--map phone=mobile` finds `Mobile`.
 */
import type { ColumnMappingInput } from '../../engine/ports/lead-importer.js';
import { LeadImportError } from '../import-error.js';
import { quoteHeaders } from './quoted-headers.js';
import { MAPPING_ROLES, ROLE_NAMES } from './roles.js';
import type { MappingRole, SingleColumnRole } from './roles.js';

export interface ExplicitColumns {
  readonly single: Partial<Record<SingleColumnRole, number>>;
  /** `undefined` when the mapping leaves secondary numbers to the automatic mapping. */
  readonly secondaries: readonly number[] | undefined;
  /** Every column the mapping names: the automatic mapping leaves them alone. */
  readonly taken: ReadonlySet<number>;
}

/** Throws `mapping_unknown_column` for a name not in the header, `mapping_conflict` for a column named twice. */
export function findExplicitColumns(
  headers: readonly string[],
  explicit: ColumnMappingInput,
): ExplicitColumns {
  const roleOf = new Map<number, MappingRole>();
  const take = (role: MappingRole, name: string): number => {
    const index = findHeader(headers, role, name);
    const earlier = roleOf.get(index);
    if (earlier !== undefined) throw conflict(headers[index] ?? name, earlier, role);
    roleOf.set(index, role);
    return index;
  };

  const single: Partial<Record<SingleColumnRole, number>> = {};
  for (const role of MAPPING_ROLES) {
    if (role === 'secondary') continue;
    const name = explicit[role];
    if (name !== undefined) single[role] = take(role, name);
  }
  const secondaries = explicit.secondary?.map((name) => take('secondary', name));
  return { single, secondaries, taken: new Set(roleOf.keys()) };
}

function findHeader(headers: readonly string[], role: MappingRole, name: string): number {
  const wanted = name.trim();
  if (wanted !== '') {
    const exact = headers.indexOf(wanted);
    if (exact !== -1) return exact;
    const lower = wanted.toLowerCase();
    const alike = headers.flatMap((header, index) => (header.toLowerCase() === lower ? [index] : []));
    if (alike.length === 1 && alike[0] !== undefined) return alike[0];
  }
  throw new LeadImportError(
    'mapping_unknown_column',
    `The mapping gives ${ROLE_NAMES[role]} the column "${wanted}", which is not in the file's header ` +
      `(found ${quoteHeaders(headers)}): use one of those names as written.`,
  );
}

function conflict(header: string, earlier: MappingRole, role: MappingRole): LeadImportError {
  const message =
    earlier === role
      ? `The mapping names the column "${header}" twice for ${ROLE_NAMES[role]}: name each column once.`
      : `The mapping gives the column "${header}" two roles, ${ROLE_NAMES[earlier]} and ${ROLE_NAMES[role]}: ` +
        'a column can play only one.';
  return new LeadImportError('mapping_conflict', message);
}
