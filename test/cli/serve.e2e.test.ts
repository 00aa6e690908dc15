import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CLI } from '../support/cli.js';
import { startServeProcess, type ServeProcess } from '../support/serve-process.js';

let dir: string;
let running: ServeProcess | null = null;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'callwright-serve-'));
});
afterEach(() => {
  running?.stop('SIGKILL');
  running = null;
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Starts `callwright serve`; the test's `afterEach` kills it. */
async function serve(args: string[], env: Record<string, string> = {}): Promise<ServeProcess> {
  const started = await startServeProcess(args, env);
  running = started;
  return started;
}

const line = (output: string, label: string) => new RegExp(`${label}[^:]*: (\\S+)`).exec(output)?.[1];

describe('callwright serve', () => {
  it('sets up the demo on an empty database, serves it, and stops gracefully on SIGTERM', async () => {
    const db = join(dir, 'demo', 'callwright.db');
    const first = await serve(['--demo', '--db', db], { CALLWRIGHT_ADMIN_KEY: '' });
    // Let the demo's printout complete.
    await new Promise((r) => setTimeout(r, 200));
    const apiKey = line(first.output(), 'Demo account API key');
    expect(line(first.output(), 'Admin key')).toMatch(/^cwadm_/);
    expect(apiKey).toMatch(/^cw_/);
    const campaigns = await fetch(`${first.url}/v1/campaigns`, {
      headers: { authorization: `Bearer ${apiKey}` },
    });
    const body = (await campaigns.json()) as { data: { status: string; leadCounts: { created: number } }[] };
    expect(body.data).toHaveLength(1);
    expect(body.data[0]).toMatchObject({ status: 'draft' });
    expect(body.data[0]!.leadCounts.created).toBeGreaterThan(0);

    first.stop('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(first.output()).toContain('SIGTERM: stopping');

    // A second start on the same file keeps the data (no second demo, no new admin key) and prints a fresh
    // sign-in link: the first key cannot be shown again, so it is replaced.
    const second = await serve(['--demo', '--db', db]);
    await new Promise((r) => setTimeout(r, 200));
    expect(second.output()).not.toContain('Admin key');
    const renewed = line(second.output(), 'Demo account API key');
    expect(renewed).toMatch(/^cw_/);
    expect(renewed).not.toBe(apiKey);
    const account = (key: string) =>
      fetch(`${second.url}/v1/account`, { headers: { authorization: `Bearer ${key}` } });
    expect((await account(renewed!)).status).toBe(200);
    expect((await account(apiKey!)).status).toBe(401);
    const campaignsNow = await fetch(`${second.url}/v1/campaigns`, {
      headers: { authorization: `Bearer ${renewed}` },
    });
    expect(((await campaignsNow.json()) as { data: unknown[] }).data).toHaveLength(1);
    second.stop('SIGINT');
    expect(await second.exited).toBe(0);
  });

  it('refuses bad options with a message naming the option, the value and what is allowed', async () => {
    const { execFile } = await import('node:child_process');
    const failure = await new Promise<string>((resolve) =>
      execFile(process.execPath, [CLI, 'serve', '--clock', 'fast'], (_error, _stdout, stderr) =>
        resolve(stderr),
      ),
    );
    expect(failure).toContain('--clock must be real or virtual, got "fast"');
  });
});
