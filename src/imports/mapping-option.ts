/**
 * Explicit column mappings as users write them: the CLI's `--map role=column` options and the API's JSON
 * `mapping` object. Both give a `ColumnMappingInput`, or every problem at once as field errors (the shape the
 * API's 422 and the CLI's option errors report). Whether the columns exist is checked later, against the
 * file's header, by `resolveColumnMapping`.
 */
import type { FieldError, Result } from '../domain/result.js';
import { err, ok } from '../domain/result.js';
import type { ColumnMappingInput } from '../engine/ports/lead-importer.js';
import { MAPPING_ROLES, ROLE_NAMES } from './mapping/roles.js';
import type { MappingRole, SingleColumnRole } from './mapping/roles.js';

type MutableMapping = { -readonly [Role in SingleColumnRole]?: string } & { secondary?: string[] };

const OPTION_ROLES = MAPPING_ROLES.map((role) => ROLE_NAMES[role]).join(', ');

/** `--map` accepts each role by its snake_case name and by its JSON key (`first_name`, `firstName`), in any case. */
const ROLE_BY_OPTION_NAME = new Map<string, MappingRole>(
  MAPPING_ROLES.flatMap((role) => [
    [ROLE_NAMES[role].toLowerCase(), role],
    [role.toLowerCase(), role],
  ]),
);

/**
 * Reads `--map` values (`phone=Mobile`, `secondary=Office,Home`, `name=Full Name`). Secondary columns are
 * separated by commas, and repeating `secondary` adds to the list; any other role may be mapped once. Each
 * error's `path` is the option as written (`--map nmae=Mobile`).
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
    const role = ROLE_BY_OPTION_NAME.get(roleText.toLowerCase());
    if (role === undefined) {
      fail(`"${roleText}" is not a role; the roles are ${OPTION_ROLES}`);
    } else if (columns.trim() === '') {
      fail(`names no column: write ${ROLE_NAMES[role]}=<column>`);
    } else if (role === 'secondary') {
      const names = columns.split(',');
      if (names.some((name) => name.trim() === '')) {
        fail(`"${columns}" has an empty column name: separate the columns with single commas`);
      } else {
        mapping.secondary = [...(mapping.secondary ?? []), ...names];
      }
    } else if (mapping[role] !== undefined) {
      fail(`${ROLE_NAMES[role]} is already mapped to "${mapping[role]}": map each role once`);
    } else {
      mapping[role] = columns;
    }
  }
  return errors.length > 0 ? err(errors) : ok(mapping);
}

/**
 * Checks the API's `mapping` object: keys are the roles (`phone`, `secondary`, `firstName`, …), values column
 * names, `secondary` a list of them. Paths are relative to the object (`secondary[1]`); unknown keys are refused.
 */
export function parseMappingJson(value: unknown): Result<ColumnMappingInput, readonly FieldError[]> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return err([
      {
        path: '',
        message: `must be an object of column names by role, such as {"phone": "Mobile"}, got ${show(value)}`,
      },
    ]);
  }
  const mapping: MutableMapping = {};
  const errors: FieldError[] = [];
  for (const [key, entry] of Object.entries(value)) {
    const role = MAPPING_ROLES.find((known) => known === key);
    if (role === undefined) {
      errors.push({ path: key, message: `is not a role; the roles are ${MAPPING_ROLES.join(', ')}` });
    } else if (role !== 'secondary') {
      if (isColumnName(entry)) mapping[role] = entry;
      else errors.push({ path: key, message: columnNameExpected(entry) });
    } else if (Array.isArray(entry)) {
      const names: unknown[] = entry;
      names.forEach((name, index) => {
        if (!isColumnName(name)) errors.push({ path: `${key}[${index}]`, message: columnNameExpected(name) });
      });
      mapping.secondary = names.filter(isColumnName);
    } else {
      errors.push({
        path: key,
        message: `must be a list of column names, such as ["Office", "Home"], got ${show(entry)}`,
      });
    }
  }
  return errors.length > 0 ? err(errors) : ok(mapping);
}

function isColumnName(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

function columnNameExpected(value: unknown): string {
  return `must be a column name (a non-empty string), got ${show(value)}`;
}

function show(value: unknown): string {
  return value === undefined ? 'nothing' : (JSON.stringify(value) ?? typeof value);
}
