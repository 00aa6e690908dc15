import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { AccessStore } from '../../engine/ports/access-store.js';
import type { WorkerCoordination } from '../../engine/ports/coordination.js';
import type { ImportStore } from '../../engine/ports/import-store.js';
import type { Store } from '../../engine/ports/store.js';
import type { WebhookStore } from '../../engine/ports/webhook-store.js';
import { migrateDatabase, openPostgres } from '../../store/postgres/open-postgres.js';
import { checkpointInBackground } from '../../store/sqlite/background-checkpoints.js';
import { createBulkWrites, type BulkWrites } from '../../store/sqlite/bulk-writes.js';
import { createSqliteAccessStore } from '../../store/sqlite/access-store.js';
import { createSqliteCoordination } from '../../store/sqlite/coordination.js';
import { createSqliteImportStore } from '../../store/sqlite/import-store.js';
import { createSqliteStore, openSqliteDatabase } from '../../store/sqlite/sqlite-store.js';
import { createSqliteWebhookStore } from '../../store/sqlite/webhook-store.js';
import type { DatabaseTarget } from './database-url.js';

/** The ports on one database, whichever it is. */
export interface OpenedDatabase {
  readonly store: Store;
  readonly access: AccessStore;
  readonly webhooks: WebhookStore;
  readonly importJobs: ImportStore;
  readonly coordination: WorkerCoordination;
  /**
   * Larger commits for a bulk job in a process that runs no dialer (`callwright import --db`); null where batches
   * are already committed in bulk (PostgreSQL stages a batch with COPY).
   */
  readonly bulkWrites: BulkWrites | null;
  /**
   * For `serve` on SQLite: WAL checkpoints on a thread of their own instead of inside request commits (see
   * `background-checkpoints.ts`); null where the database does its own (PostgreSQL).
   */
  readonly checkpointInBackground:
    ((onError: (error: unknown) => void) => { stop(): Promise<void> } | null) | null;
  /** Closes everything (the store, the pool, the LISTEN connection). */
  close(): Promise<void>;
}

/**
 * Opens (creating and migrating) the database `--db` named. Both dialects migrate on open, under a lock, and
 * refuse a schema newer than this code (`schema_too_new`).
 */
export async function openDatabase(
  target: DatabaseTarget,
  options: { readonly origin: string; readonly onError: (error: unknown) => void },
): Promise<OpenedDatabase> {
  if (target.kind === 'postgres') {
    const opened = await openPostgres({
      connectionString: target.connectionString,
      schema: target.schema,
      maxConnections: target.pool,
      origin: options.origin,
      onError: options.onError,
    });
    return { ...opened, bulkWrites: null, checkpointInBackground: null };
  }
  if (target.path !== ':memory:') mkdirSync(dirname(target.path), { recursive: true });
  const db = openSqliteDatabase(target.path);
  const store = createSqliteStore(db);
  return {
    store,
    access: createSqliteAccessStore(db),
    webhooks: createSqliteWebhookStore(db),
    importJobs: createSqliteImportStore(db),
    bulkWrites: createBulkWrites(db),
    checkpointInBackground: (onError) => checkpointInBackground(db, onError),
    coordination: createSqliteCoordination(db),
    close: () => store.close(),
  };
}

/** `callwright migrate`: applies what is pending and returns the versions applied. */
export async function migrateTarget(target: DatabaseTarget): Promise<number[]> {
  if (target.kind === 'postgres') {
    return migrateDatabase({
      connectionString: target.connectionString,
      schema: target.schema,
      maxConnections: 1,
    });
  }
  if (target.path !== ':memory:') mkdirSync(dirname(target.path), { recursive: true });
  let applied: readonly number[] = [];
  openSqliteDatabase(target.path, (versions) => (applied = versions)).close();
  return [...applied];
}
