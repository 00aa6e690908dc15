import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

const CLI = join(import.meta.dirname, '../../dist/src/cli/main.js');

let dir: string;
let child: ChildProcessWithoutNullStreams | null = null;
beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first (npm test does)`);
  dir = await mkdtemp(join(tmpdir(), 'callwright-serve-'));
});
afterEach(() => {
  child?.kill('SIGKILL');
  child = null;
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Starts `callwright serve` and resolves with what it printed once it listens. */
async function serve(args: string[], env: Record<string, string> = {}) {
  const process_ = spawn(process.execPath, [CLI, 'serve', '--port', '0', ...args], {
    env: { ...process.env, CALLWRIGHT_ADMIN_KEY: '', ...env },
  });
  child = process_;
  let stdout = '';
  process_.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => process_.on('exit', (code) => resolve(code)));
  for (let waited = 0; !/serving (\S+)/.test(stdout); waited += 50) {
    if (waited > 30_000 || process_.exitCode !== null) throw new Error(`serve did not start:\n${stdout}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const url = /serving (\S+)/.exec(stdout)![1]!;
  return { url, output: () => stdout, exited, stop: (signal: NodeJS.Signals) => process_.kill(signal) };
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

    // A second start on the same file keeps the data: no second demo, no new admin key.
    const second = await serve(['--demo', '--db', db]);
    await new Promise((r) => setTimeout(r, 200));
    expect(second.output()).not.toContain('Admin key');
    expect(second.output()).not.toContain('Demo account');
    const again = await fetch(`${second.url}/v1/account`, { headers: { authorization: `Bearer ${apiKey}` } });
    expect(again.status).toBe(200);
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
