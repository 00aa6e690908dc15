import type pg from 'pg';
import type { Migration } from '../sqlite/migrations/index.js';
import { checksum, pendingMigrations } from '../sqlite/migrate.js';
import { PG_MIGRATIONS } from './migrations/index.js';
import { quoteIdentifier } from './pg-database.js';

/**
 * Applies pending migrations to `schema` (created if missing). A session advisory lock keyed by the schema makes
 * every other process that starts at the same moment wait, then find nothing left to do: ten processes starting
 * at once migrate once (DESIGN §5). Each migration commits with its ledger row. Refuses a ledger that names a
 * migration this code does not know (`schema_too_new`) and a migration whose SQL changed after it ran.
 * Returns the versions applied.
 */
export async function migratePostgres(
  client: pg.ClientBase,
  schema: string,
  migrations: readonly Migration[] = PG_MIGRATIONS,
): Promise<number[]> {
  const key = `callwright.migrate:${schema}`;
  await client.query('SELECT pg_advisory_lock(hashtext($1))', [key]);
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(schema)}`);
    await client.query(`SET search_path TO ${quoteIdentifier(schema)}`);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL, applied_at text NOT NULL)`);
    const { rows } = await client.query<{ version: number; checksum: string }>(
      'SELECT version, checksum FROM schema_migrations',
    );
    const applied: number[] = [];
    for (const migration of pendingMigrations(rows, migrations)) {
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query(
          'INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES ($1, $2, $3, $4)',
          [migration.version, migration.name, checksum(migration), new Date().toISOString()],
        );
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
      applied.push(migration.version);
    }
    return applied;
  } finally {
    await client.query('RESET search_path');
    await client.query('SELECT pg_advisory_unlock(hashtext($1))', [key]);
  }
}
