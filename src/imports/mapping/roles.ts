import type { ColumnMappingRole } from '../../engine/ports/lead-importer.js';

/** The parts a column can play: the role keys of the explicit mapping (`phone`, `secondary`, `firstName`, …). */
export type MappingRole = ColumnMappingRole;

/** Every role but `secondary` takes at most one column. */
export type SingleColumnRole = Exclude<MappingRole, 'secondary'>;

/**
 * How messages, the CLI's `--map` and lead fields name each role. A `Record` so that a role added to
 * `ColumnMappingInput` cannot be forgotten here; its key order is the order roles are checked and described.
 */
export const ROLE_NAMES: Readonly<Record<MappingRole, string>> = {
  phone: 'phone',
  secondary: 'secondary',
  name: 'name',
  firstName: 'first_name',
  lastName: 'last_name',
  email: 'email',
  timezone: 'timezone',
  externalId: 'external_id',
};

export const MAPPING_ROLES = Object.keys(ROLE_NAMES) as readonly MappingRole[];

/**
 * Roles whose values are also lead fields, under the role's name (`first_name`, `email`, …): the assistant can
 * use them as variables ("Hi {first_name}"), and a file that had them as plain columns keeps them as fields.
 */
export const VARIABLE_ROLES = [
  'firstName',
  'lastName',
  'email',
  'timezone',
] as const satisfies readonly SingleColumnRole[];
