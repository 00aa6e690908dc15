import { parseArgs } from 'node:util';
import { CliError } from '../cli-error.js';
import { describeTarget, parseDatabaseOption } from './database-url.js';
import { MIGRATE_USAGE } from './migrate-usage.js';
import { migrateTarget } from './open-database.js';

/** `callwright migrate`: applies what is pending, prints what it did. */
export async function migrate(args: readonly string[], print: (line: string) => void): Promise<void> {
  const { values } = parseArgs({ args: [...args], options: { db: { type: 'string' } }, strict: true });
  if (values.db === undefined) throw new CliError('missing_option', `--db is required\n\n${MIGRATE_USAGE}`);
  const target = parseDatabaseOption(values.db);
  const applied = await migrateTarget(target);
  print(
    applied.length === 0
      ? `${describeTarget(target)}: the schema is up to date`
      : `${describeTarget(target)}: applied migration${applied.length === 1 ? '' : 's'} ${applied.join(', ')}`,
  );
}
