/**
 * PostgreSQL for tests: a real server (CONVENTIONS: real databases), one schema per test file. The server is
 * `CALLWRIGHT_TEST_DATABASE_URL` (default: the local one, database `callwright_test`, created when missing).
 * Without a server, PostgreSQL tests are skipped on a developer's machine and fail under CI=true: a CI that
 * silently skipped them would prove nothing.
 */
import { randomBytes } from 'node:crypto';
import { basename } from 'node:path';
import pg from 'pg';
import { afterAll, describe } from 'vitest';
import { quoteIdentifier } from '../../src/store/postgres/pg-database.js';
import {
  migrateDatabase,
  openPostgres,
  type PostgresStores,
} from '../../src/store/postgres/open-postgres.js';

export const TEST_DATABASE_URL =
  process.env.CALLWRIGHT_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/callwright_test';

/** Creates the test database when missing (several test files may race to do it). */
async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString(), connectionTimeoutMillis: 3_000 });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) {
      await client.query(`CREATE DATABASE ${quoteIdentifier(name)}`).catch((error: { code?: string }) => {
        // 42P04 duplicate_database, 23505: another test file created it first.
        if (error.code !== '42P04' && error.code !== '23505') throw error;
      });
    }
  } finally {
    await client.end();
  }
}

/** Why PostgreSQL cannot be used, or null when it can. */
async function unavailable(): Promise<string | null> {
  try {
    await ensureDatabase(TEST_DATABASE_URL);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

const reason = await unavailable();
if (reason !== null && process.env.CI === 'true') {
  throw new Error(
    `PostgreSQL is required in CI and is not reachable at ${TEST_DATABASE_URL}: ${reason}. ` +
      '.ci/run starts it; run `pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start` by hand.',
  );
}

/** `describe` when PostgreSQL is there; otherwise (outside CI) a skipped block that says why. */
export const describePostgres: typeof describe =
  reason === null ? describe : (describe.skip as typeof describe);
if (reason !== null) console.warn(`PostgreSQL tests skipped: ${reason}`);

/**
 * A migrated schema of this test file's own, dropped after the file's tests. `file` names it (a test's
 * `import.meta.filename`); a random part keeps parallel and repeated runs apart.
 */
export function useTestSchema(file: string): { readonly schema: string; ready: () => Promise<void> } {
  const slug = basename(file)
    .replace(/\.test\.ts$/, '')
    .replace(/[^a-z0-9]+/gi, '_')
    .toLowerCase()
    .slice(0, 30);
  const schema = `t_${slug}_${randomBytes(4).toString('hex')}`;
  let migrated: Promise<number[]> | null = null;
  afterAll(async () => {
    await withAdmin((client) => client.query(`DROP SCHEMA IF EXISTS ${quoteIdentifier(schema)} CASCADE`));
  });
  return {
    schema,
    ready: async () => {
      migrated ??= migrateDatabase({ connectionString: TEST_DATABASE_URL, schema, maxConnections: 1 });
      await migrated;
    },
  };
}

/** Runs `fn` on a plain connection to the test database (no schema set). */
export async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Empties every table of `schema` but the migration ledger, and restarts its sequences. */
export async function truncateSchema(schema: string): Promise<void> {
  await withAdmin(async (client) => {
    const { rows } = await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables
        WHERE table_schema = $1 AND table_type = 'BASE TABLE' AND table_name <> 'schema_migrations'`,
      [schema],
    );
    const tables = rows.map((r) => `${quoteIdentifier(schema)}.${quoteIdentifier(r.table_name)}`);
    if (tables.length > 0) await client.query(`TRUNCATE ${tables.join(', ')} RESTART IDENTITY CASCADE`);
  });
}

/** The stores on `schema` (already migrated), as a process would open them. */
export function openTestStores(schema: string, origin = 'test'): Promise<PostgresStores> {
  return openPostgres({
    connectionString: TEST_DATABASE_URL,
    schema,
    maxConnections: 4,
    origin,
    onError: (error) => console.error('postgres background error', error),
  });
}

/** The `--db` URL a CLI process is given for `schema`. */
export function cliDatabaseUrl(schema: string): string {
  const url = new URL(TEST_DATABASE_URL);
  url.searchParams.set('schema', schema);
  return url.toString();
}
