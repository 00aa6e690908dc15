/**
 * Migrations on PostgreSQL from the outside, as operators run them: ten processes starting at once on an empty
 * schema migrate it once (the advisory lock), and a schema newer than the code is refused by every command.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { PG_MIGRATIONS } from '../../src/store/postgres/migrations/index.js';
import { cliDatabaseUrl, describePostgres, useTestSchema } from '../support/postgres.js';
import { withSchema } from './postgres-guarantees.js';

const CLI = resolve(import.meta.dirname, '../../dist/src/cli/main.js');

function runCli(args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

describePostgres('PostgreSQL migrations', () => {
  const { schema } = useTestSchema(import.meta.filename);
  const db = cliDatabaseUrl(schema);
  beforeAll(() => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first (npm test does)`);
  });

  it('are applied once when ten processes start at the same moment on an empty schema', async () => {
    const runs = await Promise.all(Array.from({ length: 10 }, () => runCli(['migrate', '--db', db])));
    expect(runs.map((r) => [r.code, r.stderr])).toEqual(runs.map(() => [0, '']));
    const applied = runs.filter((r) => r.stdout.includes('applied migration'));
    expect(applied, runs.map((r) => r.stdout).join('')).toHaveLength(1);
    expect(runs.filter((r) => r.stdout.includes('the schema is up to date'))).toHaveLength(9);
    const ledger = await withSchema(
      schema,
      async (client) =>
        (await client.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version'))
          .rows,
    );
    expect(ledger.map((r) => r.version)).toEqual(PG_MIGRATIONS.map((m) => m.version));
  });

  it('refuse a schema newer than the code, in migrate and in worker, saying what to do', async () => {
    await runCli(['migrate', '--db', db]);
    await withSchema(schema, (client) =>
      client.query(
        "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (99, 'future', 'x', 'now')",
      ),
    );
    const known = PG_MIGRATIONS.at(-1)!.version;
    const message = `the database schema is at version 99 but this Callwright knows migrations up to ${known}: upgrade Callwright`;
    for (const args of [
      ['migrate', '--db', db],
      ['worker', '--db', db],
    ]) {
      const run = await runCli(args);
      expect(run.code, args[0]).toBe(1);
      expect(run.stderr).toContain(message);
    }
  });
});
