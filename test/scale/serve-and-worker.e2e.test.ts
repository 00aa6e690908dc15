/**
 * `callwright serve` and `callwright worker` as users run them, on one PostgreSQL schema: serve sets up the demo,
 * a start over HTTP dials within a second (DESIGN §2.3), both processes beat in the `workers` table, and a
 * SIGTERM stops each gracefully.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeAll, expect, it } from 'vitest';
import { cliDatabaseUrl, describePostgres, useTestSchema } from '../support/postgres.js';
import { withSchema } from './postgres-guarantees.js';

const CLI = resolve(import.meta.dirname, '../../dist/src/cli/main.js');
const ADMIN_KEY = 'e2e-admin-key-0123456789abcdef';

const children: ChildProcessWithoutNullStreams[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

/** Starts a CLI command and resolves once its output matches `ready`, with what it printed. */
async function start(args: string[], ready: RegExp) {
  const child = spawn(process.execPath, [CLI, ...args], {
    env: { ...process.env, CALLWRIGHT_ADMIN_KEY: ADMIN_KEY },
  });
  children.push(child);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  await new Promise<void>((done, fail) => {
    const check = () => (ready.test(output) ? done() : undefined);
    child.stdout.on('data', check);
    child.on('exit', () => fail(new Error(`${args[0]} exited before it was ready:\n${output}`)));
  });
  return { child, output: () => output, exited };
}

describePostgres('serve and worker on PostgreSQL', () => {
  const { schema } = useTestSchema(import.meta.filename);
  beforeAll(() => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first (npm test does)`);
  });

  it('share one campaign: a start over HTTP dials at once, both beat, both stop gracefully', async () => {
    const db = cliDatabaseUrl(schema);
    const serve = await start(['serve', '--port', '0', '--demo', '--db', db], /Start it there, or with:/);
    expect(serve.output()).toContain(`on ${db}`);
    const worker = await start(
      ['worker', '--db', db, '--heartbeat-seconds', '1', '--lease-seconds', '5'],
      /is dialing on/,
    );
    const url = /serving (\S+)/.exec(serve.output())![1]!;
    const apiKey = /Demo account API key[^:]*: (\S+)/.exec(serve.output())![1]!;
    const campaignId = /Demo campaign (\S+)/.exec(serve.output())![1]!;
    const call = (method: string, path: string, body?: unknown) =>
      fetch(`${url}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${apiKey}`,
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
    // Calling hours around the clock, so the test dials whenever it runs.
    const always = {
      startTime: '00:00',
      endTime: '24:00',
      days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
    };
    expect((await call('PATCH', `/v1/campaigns/${campaignId}`, { schedule: always })).status).toBe(200);

    const began = Date.now();
    expect((await call('POST', `/v1/campaigns/${campaignId}/start`)).status).toBe(200);
    // DESIGN §2.3: the first call within a second of the start; one of the two processes places it.
    const firstCall = async () =>
      withSchema(
        schema,
        async (client) => (await client.query<{ n: number }>('SELECT count(*) AS n FROM calls')).rows[0]!.n,
      );
    while ((await firstCall()) === 0) {
      expect(Date.now() - began, 'a call is placed soon after the start').toBeLessThan(10_000);
      await new Promise((r) => setTimeout(r, 50));
    }
    console.info(`[serve+worker] first call ${Date.now() - began} ms after the start over HTTP`);

    const workers = await withSchema(
      schema,
      async (client) =>
        (await client.query<{ description: string; stopped_at: number | null }>('SELECT * FROM workers'))
          .rows,
    );
    expect(workers.map((w) => w.description.split(' ')[0]).sort()).toEqual(['serve', 'worker']);

    worker.child.kill('SIGTERM');
    serve.child.kill('SIGTERM');
    expect(await worker.exited).toBe(0);
    expect(await serve.exited).toBe(0);
    const stopped = await withSchema(
      schema,
      async (client) =>
        (await client.query<{ n: number }>('SELECT count(*) AS n FROM workers WHERE stopped_at IS NOT NULL'))
          .rows[0]!.n,
    );
    expect(stopped).toBe(2);
  });
});
