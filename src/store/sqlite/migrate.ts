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

const checksum = (migration: Migration) => createHash('sha256').update(migration.sql).digest('hex');

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
    const done = new Map(rows.map((r) => [r.version, r.checksum]));
    const known = migrations.at(-1)?.version ?? 0;
    const highest = Math.max(0, ...done.keys());
    if (highest > known) throw new SchemaTooNewError(highest, known);
    for (const migration of migrations) {
      const recorded = done.get(migration.version);
      if (recorded !== undefined) {
        if (recorded !== checksum(migration)) {
          throw new Error(`migration ${migration.version} (${migration.name}) was changed after it ran`);
        }
        continue;
      }
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
