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
  /** The columns the mapping leaves out (`ignore`): neither a role nor a field. */
  readonly ignored: ReadonlySet<number>;
  /** Every column the mapping names, `fields` and `ignore` included: the automatic mapping leaves them alone. */
  readonly taken: ReadonlySet<number>;
}

/** A column's part as messages name it: a role, or one of the lists of columns without a role. */
type Part = MappingRole | 'fields' | 'ignore';
const PART_NAMES: Readonly<Record<Part, string>> = { ...ROLE_NAMES, fields: 'fields', ignore: 'ignore' };

/** Throws `mapping_unknown_column` for a name not in the header, `mapping_conflict` for a column named twice. */
export function findExplicitColumns(
  headers: readonly string[],
  explicit: ColumnMappingInput,
): ExplicitColumns {
  const partOf = new Map<number, Part>();
  const take = (part: Part, name: string): number => {
    const index = findHeader(headers, part, name);
    const earlier = partOf.get(index);
    if (earlier !== undefined) throw conflict(headers[index] ?? name, earlier, part);
    partOf.set(index, part);
    return index;
  };

  const single: Partial<Record<SingleColumnRole, number>> = {};
  for (const role of MAPPING_ROLES) {
    if (role === 'secondary') continue;
    const name = explicit[role];
    if (name !== undefined) single[role] = take(role, name);
  }
  const secondaries = explicit.secondary?.map((name) => take('secondary', name));
  for (const name of explicit.fields ?? []) take('fields', name);
  const ignored = new Set((explicit.ignore ?? []).map((name) => take('ignore', name)));
  return { single, secondaries, ignored, taken: new Set(partOf.keys()) };
}

function findHeader(headers: readonly string[], part: Part, name: string): number {
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
    `The mapping gives ${PART_NAMES[part]} the column "${wanted}", which is not in the file's header ` +
      `(found ${quoteHeaders(headers)}): use one of those names as written.`,
  );
}

function conflict(header: string, earlier: Part, part: Part): LeadImportError {
  const message =
    earlier === part
      ? `The mapping names the column "${header}" twice for ${PART_NAMES[part]}: name each column once.`
      : `The mapping gives the column "${header}" two roles, ${PART_NAMES[earlier]} and ${PART_NAMES[part]}: ` +
        'a column can play only one.';
  return new LeadImportError('mapping_conflict', message);
}
