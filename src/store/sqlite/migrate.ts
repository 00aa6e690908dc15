import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations/index.js';

/** A stable error for a database written by a newer Callwright: running old code on it could corrupt it. */
export class SchemaTooNewError extends Error {
  readonly code = 'schema_too_new';
  constructor(found: number, known: number) {
    super(
      `the database schema is at version ${found} but this Callwright knows migrations up to ${known}: upgrade Callwright`,
    );
  }
}

export const checksum = (migration: Migration) => createHash('sha256').update(migration.sql).digest('hex');

/**
 * The migrations the ledger (`applied`: version and checksum of each migration run) has not recorded, in order.
 * Refuses a ledger newer than the code and a migration whose SQL changed after it ran. Both dialects plan so.
 */
export function pendingMigrations(
  applied: readonly { version: number; checksum: string }[],
  migrations: readonly Migration[],
): Migration[] {
  const done = new Map(applied.map((r) => [r.version, r.checksum]));
  const known = migrations.at(-1)?.version ?? 0;
  const highest = Math.max(0, ...done.keys());
  if (highest > known) throw new SchemaTooNewError(highest, known);
  return migrations.filter((migration) => {
    const recorded = done.get(migration.version);
    if (recorded === undefined) return true;
    if (recorded !== checksum(migration)) {
      throw new Error(`migration ${migration.version} (${migration.name}) was changed after it ran`);
    }
    return false;
  });
}

/**
 * Applies pending migrations. `BEGIN IMMEDIATE` takes SQLite's write lock first, so two processes opening the
 * same file migrate once; each migration and its ledger row commit together.
 */
export function migrateSqlite(
  db: Database.Database,
  migrations: readonly Migration[] = MIGRATIONS,
): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const applied: number[] = [];
  const run = db.transaction(() => {
    const rows = db.prepare('SELECT version, checksum FROM schema_migrations').all() as {
      version: number;
      checksum: string;
    }[];
    for (const migration of pendingMigrations(rows, migrations)) {
      db.exec(migration.sql);
      db.prepare(
        'INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)',
      ).run(migration.version, migration.name, checksum(migration), new Date().toISOString());
      applied.push(migration.version);
    }
  });
  run.immediate();
  return applied;
}
