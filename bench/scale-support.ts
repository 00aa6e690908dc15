/**
 * What the PostgreSQL benchmarks share: a schema of their own on a database of their own (created when missing),
 * the machine and server they ran on, and a campaign set up the way the engine sets one up.
 */
import os from 'node:os';
import pg from 'pg';
import { parseScenario } from '../src/cli/simulate/scenario.js';
import { setUpScenario } from '../src/cli/simulate/set-up-scenario.js';
import { createSeededRandom } from '../src/domain/seeded-random.js';
import { createIdSource } from '../src/engine/ids/id-source.js';
import type { NewLead } from '../src/engine/ports/store.js';
import { openPostgres, type PostgresStores } from '../src/store/postgres/open-postgres.js';
import { quoteIdentifier } from '../src/store/postgres/pg-database.js';
import { argValue, createUsNumbers } from './bench-support.js';

export const DATABASE_URL = argValue(
  'db',
  process.env.CALLWRIGHT_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/callwright_bench',
);

async function admin<T>(database: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const url = new URL(DATABASE_URL);
  url.pathname = `/${database}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const databaseName = () => decodeURIComponent(new URL(DATABASE_URL).pathname.slice(1));

/** Creates the benchmark database when it is missing. */
export async function ensureBenchDatabase(): Promise<void> {
  await admin('postgres', async (client) => {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [databaseName()]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${quoteIdentifier(databaseName())}`);
  });
}

/** A fresh schema on the benchmark database; `drop` removes it. */
export async function benchSchema(name: string): Promise<{ schema: string; drop: () => Promise<void> }> {
  const schema = `bench_${name}_${process.pid}`;
  const drop = () =>
    admin(databaseName(), (client) =>
      client.query(`DROP SCHEMA IF EXISTS ${quoteIdentifier(schema)} CASCADE`),
    ).then(() => undefined);
  await drop();
  return { schema, drop };
}

export const openBenchStores = (schema: string, maxConnections = 4): Promise<PostgresStores> =>
  openPostgres({
    connectionString: DATABASE_URL,
    schema,
    maxConnections,
    origin: `bench-${process.pid}`,
    onError: (error) => console.error('background error', error),
  });

/** The machine, and the server with the settings that bound its commits. */
export async function describeMachineAndServer(): Promise<string[]> {
  const server = await admin(databaseName(), async (client) => {
    const version = (await client.query<{ v: string }>("SELECT current_setting('server_version') AS v"))
      .rows[0]!.v;
    const settings = await client.query<{ name: string; setting: string }>(
      `SELECT name, setting FROM pg_settings
        WHERE name IN ('synchronous_commit', 'fsync', 'shared_buffers', 'wal_sync_method') ORDER BY name`,
    );
    return `PostgreSQL ${version} on the same machine (${settings.rows.map((r) => `${r.name}=${r.setting}`).join(', ')})`;
  });
  const cpus = os.cpus();
  return [
    `cpu:      ${cpus[0]?.model ?? 'unknown'} × ${cpus.length} logical cores`,
    `memory:   ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `node:     ${process.version}; ${server}`,
    `load:     ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} (1/5/15 min averages: above the core count, other work shared the CPUs)`,
  ];
}

/** Times a commit of one row: every writing transaction pays it, and the outbox's commits are taken in turn. */
export async function measureCommitMs(schema: string): Promise<number> {
  return admin(databaseName(), async (client) => {
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(schema)}`);
    await client.query(`CREATE TABLE ${quoteIdentifier(schema)}.commit_probe (x int)`);
    const rounds = 200;
    const began = performance.now();
    for (let i = 0; i < rounds; i++) {
      await client.query('BEGIN');
      await client.query(`INSERT INTO ${quoteIdentifier(schema)}.commit_probe VALUES (1)`);
      await client.query('COMMIT');
    }
    return (performance.now() - began) / rounds;
  });
}

/** A campaign as `simulate` sets one up, from scenario fields; returns its id. */
export async function setUpCampaign(
  stores: PostgresStores,
  scenario: Record<string, unknown>,
): Promise<string> {
  const parsed = parseScenario(scenario);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  const random = createSeededRandom('bench-scale');
  const ids = createIdSource({ now: () => parsed.value.start, random: () => random.next() });
  return setUpScenario(stores.store, ids, parsed.value, 'Bench');
}

/** `count` leads with distinct generated numbers, every fifth with a secondary number. */
export function generateLeads(count: number, seed: string): NewLead[] {
  const number = createUsNumbers(createSeededRandom(seed));
  return Array.from({ length: count }, (_, i) => {
    const id = String(i).padStart(7, '0');
    const phones = i % 5 === 0 ? [number(), number()] : [number()];
    return {
      id: `lead_${id}`,
      name: `Lead ${i}`,
      externalId: `crm-${i}`,
      fields: { company: `Company ${i}` },
      contacts: phones.map((phone, position) => ({ id: `ct_${id}_${position}`, phone })),
    };
  });
}
