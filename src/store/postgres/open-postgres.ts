import type { AccessStore } from '../../engine/ports/access-store.js';
import type { WorkerCoordination } from '../../engine/ports/coordination.js';
import type { ImportStore } from '../../engine/ports/import-store.js';
import type { Store } from '../../engine/ports/store.js';
import type { WebhookStore } from '../../engine/ports/webhook-store.js';
import { createPostgresAccessStore } from './pg-access-store.js';
import { createPostgresCoordination } from './pg-coordination.js';
import { createPgDatabase, type PgConnection, type PgDatabase } from './pg-database.js';
import { createPostgresImportStore } from './pg-import-store.js';
import { migratePostgres } from './pg-migrate.js';
import { createPgSignals, signalChannel } from './pg-signals.js';
import { createPostgresStore } from './pg-store.js';
import { createPostgresWebhookStore } from './pg-webhook-store.js';

export interface PostgresOptions {
  readonly connectionString: string;
  /** The schema holding Callwright's tables (default `public`): several installations can share a database. */
  readonly schema: string;
  readonly maxConnections: number;
  /** This process, in the signals it sends: it skips its own. */
  readonly origin: string;
  /** Where failures of background work go (a NOTIFY that could not be sent, a LISTEN connection lost). */
  readonly onError: (error: unknown) => void;
}

/** Everything a process needs on one PostgreSQL schema, sharing one pool. */
export interface PostgresStores {
  readonly store: Store;
  readonly access: AccessStore;
  readonly webhooks: WebhookStore;
  readonly importJobs: ImportStore;
  readonly coordination: WorkerCoordination;
  readonly database: PgDatabase;
  close(): Promise<void>;
}

/** Applies pending migrations (under the advisory lock) and returns the versions applied. */
export async function migrateDatabase(
  options: Omit<PostgresOptions, 'origin' | 'onError'>,
): Promise<number[]> {
  const database = createPgDatabase(connectionOf(options, null), {
    raise: () => undefined,
    close: () => undefined,
  });
  try {
    return await database.withClient((client) => migratePostgres(client, options.schema));
  } finally {
    await database.close();
  }
}

const connectionOf = (
  options: Pick<PostgresOptions, 'connectionString' | 'maxConnections'>,
  schema: string | null,
): PgConnection => ({
  connectionString: options.connectionString,
  schema,
  maxConnections: options.maxConnections,
});

/**
 * Migrates the schema (ten processes starting at once migrate once; a schema newer than this code is refused),
 * then opens the stores on it.
 */
export async function openPostgres(options: PostgresOptions): Promise<PostgresStores> {
  await migrateDatabase(options);
  const connection = connectionOf(options, options.schema);
  const channel = signalChannel(options.schema);
  const signals = createPgSignals({
    queries: () => database.queries,
    channel,
    origin: options.origin,
    onError: options.onError,
  });
  const database = createPgDatabase(connection, signals);
  const coordination = createPostgresCoordination({
    queries: database.queries,
    connection,
    channel,
    origin: options.origin,
    onError: options.onError,
  });
  const store = createPostgresStore(database);
  return {
    store,
    access: createPostgresAccessStore(database.queries),
    webhooks: createPostgresWebhookStore(database),
    importJobs: createPostgresImportStore(database),
    coordination,
    database,
    async close() {
      signals.close();
      await coordination.close();
      await store.close();
    },
  };
}
