/**
 * Explicit column mappings as CLI users write them: `--map role=column` options, read into a `ColumnMappingInput`
 * or every problem at once as field errors. (The API's JSON `mapping` is checked by its schema.) Whether the
 * columns exist is checked later, against the file's header, by `resolveColumnMapping`.
 */
import type { FieldError, Result } from '../domain/result.js';
import { err, ok } from '../domain/result.js';
import type { ColumnMappingInput } from '../engine/ports/lead-importer.js';
import { MAPPING_ROLES, ROLE_NAMES } from './mapping/roles.js';
import type { MappingRole, SingleColumnRole } from './mapping/roles.js';

/** The parts of a mapping that list columns: secondary numbers, and the columns kept as fields or left out. */
type ListPart = 'secondary' | 'fields' | 'ignore';
type OptionPart = MappingRole | ListPart;

type MutableMapping = { -readonly [Role in SingleColumnRole]?: string } & {
  -readonly [Part in ListPart]?: string[];
};

const OPTION_ROLES = [...MAPPING_ROLES.map((role) => ROLE_NAMES[role]), 'fields', 'ignore'].join(', ');

/** `--map` accepts each role by its snake_case name and by its JSON key (`first_name`, `firstName`), in any case. */
const PART_BY_OPTION_NAME = new Map<string, OptionPart>([
  ...MAPPING_ROLES.flatMap((role): [string, OptionPart][] => [
    [ROLE_NAMES[role].toLowerCase(), role],
    [role.toLowerCase(), role],
  ]),
  ['fields', 'fields'],
  ['ignore', 'ignore'],
]);

const optionNameOf = (part: OptionPart): string =>
  part === 'fields' || part === 'ignore' ? part : ROLE_NAMES[part];

/**
 * Reads `--map` values (`phone=Mobile`, `secondary=Office,Home`, `name=Full Name`, `fields=Office`,
 * `ignore=Notes`). The columns of `secondary`, `fields` and `ignore` are separated by commas, and repeating one
 * adds to its list; any other role may be mapped once. Each error's `path` is the option as written
 * (`--map nmae=Mobile`).
 */
export function parseMappingOptions(
  options: readonly string[],
): Result<ColumnMappingInput, readonly FieldError[]> {
  const mapping: MutableMapping = {};
  const errors: FieldError[] = [];
  for (const option of options) {
    const fail = (message: string) => errors.push({ path: `--map ${option}`, message });
    const equals = option.indexOf('=');
    if (equals === -1) {
      fail(`must be role=column, such as phone=Mobile; the roles are ${OPTION_ROLES}`);
      continue;
    }
    const roleText = option.slice(0, equals).trim();
    const columns = option.slice(equals + 1);
    const role = PART_BY_OPTION_NAME.get(roleText.toLowerCase());
    if (role === undefined) {
      fail(`"${roleText}" is not a role; the roles are ${OPTION_ROLES}`);
    } else if (columns.trim() === '') {
      fail(`names no column: write ${optionNameOf(role)}=<column>`);
    } else if (role === 'secondary' || role === 'fields' || role === 'ignore') {
      const names = columns.split(',');
      if (names.some((name) => name.trim() === '')) {
        fail(`"${columns}" has an empty column name: separate the columns with single commas`);
      } else {
        mapping[role] = [...(mapping[role] ?? []), ...names];
      }
    } else if (mapping[role] !== undefined) {
      fail(`${ROLE_NAMES[role]} is already mapped to "${mapping[role]}": map each role once`);
    } else {
      mapping[role] = columns;
    }
  }
  return errors.length > 0 ? err(errors) : ok(mapping);
}
