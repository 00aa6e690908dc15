/**
 * Helpers shared by the API benchmarks (DESIGN §8): `callwright serve` in a child process of its own, so that the
 * load generator never shares the server's event loop and every figure is the server's; a keep-alive HTTP client
 * that times each request; the server process's memory and CPU time read from `/proc`; and the account,
 * assistant, caller id and campaign every API benchmark starts from, created over the API.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { SeededRandom } from '../src/domain/seeded-random.js';
import { normalizePhone } from '../src/imports/phone.js';
import { createUsNumbers, ms, percentile } from './bench-support.js';

/** The built CLI: `callwright serve` exactly as users run it. */
const CLI = fileURLToPath(new URL('../src/cli/main.js', import.meta.url));

/**
 * `serve`'s default rate limit (6,000 requests per minute per key) would throttle a benchmark; the limiter
 * still runs on every request, only its ceiling is out of reach.
 */
const BENCH_RATE_LIMIT = '1000000';

export interface Server {
  readonly url: string;
  readonly pid: number;
  readonly adminKey: string;
  readonly command: string;
  /** SIGTERM (the graceful stop), then waits for the process to exit. */
  stop(): Promise<void>;
}

/**
 * Starts `serve --db <db> --host 127.0.0.1 --port 0` (the built CLI) with a fresh admin key in
 * `CALLWRIGHT_ADMIN_KEY`, and resolves with the URL it prints. `nodeFlags` go to that node (`--cpu-prof`, …),
 * `env` to its environment (a provider's settings).
 */
export function startServer(
  db: string,
  nodeFlags: readonly string[] = [],
  env: Readonly<Record<string, string>> = {},
): Promise<Server> {
  const adminKey = `bench-admin-${randomBytes(16).toString('hex')}`;
  const args = [
    ...nodeFlags,
    CLI,
    'serve',
    ...['--db', db, '--host', '127.0.0.1', '--port', '0', '--rate-limit', BENCH_RATE_LIMIT],
  ];
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env, CALLWRIGHT_ADMIN_KEY: adminKey },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let output = '';
    const onExit = (code: number | null) =>
      reject(new Error(`callwright serve exited (code ${code}) before listening:\n${output}`));
    child.once('exit', onExit);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      output += chunk;
      const match = /serving (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (!match) return;
      child.stdout.removeAllListeners('data');
      child.stdout.resume();
      child.off('exit', onExit);
      resolve({
        url: match[1]!,
        pid: child.pid!,
        adminKey,
        command: `node ${nodeFlags.join(' ')}${nodeFlags.length > 0 ? ' ' : ''}dist/src/cli/main.js serve --db <temp file> --port 0 --rate-limit ${BENCH_RATE_LIMIT}`,
        stop: () => stopChild(child, exited),
      });
    });
  });
}

async function stopChild(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  await exited;
}

/** A process's memory and CPU time as Linux reports them in `/proc` (null elsewhere). */
export interface ProcessUsage {
  readonly rssMiB: number;
  /** Peak RSS so far (`VmHWM`). */
  readonly peakRssMiB: number;
  /** User + system CPU time so far, all threads. */
  readonly cpuMs: number;
  /**
   * The main thread (JavaScript and SQLite) from `/proc/<pid>/schedstat`: time on a CPU, and time ready to run but
   * waiting for one (other processes had the cores). The rest of the wall time it was blocked: idle, or on I/O.
   */
  readonly mainThread: { readonly runMs: number; readonly waitMs: number };
}

/** `USER_HZ`, the unit of utime and stime in `/proc/<pid>/stat`: 100 on Linux. */
const CLOCK_TICKS_PER_SECOND = 100;

export function processUsage(pid: number): ProcessUsage | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (field: string) =>
      Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    // Fields after the command name (which is in parentheses): utime and stime are the 14th and 15th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    const [runNs, waitNs] = readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ').map(Number);
    return {
      mainThread: { runMs: runNs! / 1e6, waitMs: waitNs! / 1e6 },
      rssMiB: kib('VmRSS') / 1024,
      peakRssMiB: kib('VmHWM') / 1024,
      cpuMs: (ticks * 1000) / CLOCK_TICKS_PER_SECOND,
    };
  } catch {
    return null;
  }
}

export interface TimedResponse {
  readonly status: number;
  readonly text: string;
  /** From the request's start to the last byte of its response. */
  readonly ms: number;
}

export interface HttpClient {
  request(
    method: string,
    path: string,
    options?: { key?: string; body?: string | Buffer; headers?: Readonly<Record<string, string>> },
  ): Promise<TimedResponse>;
  /** As `request`, but the JSON of a 2xx answer, and an error otherwise. */
  json<T>(method: string, path: string, options?: { key?: string; body?: unknown }): Promise<T>;
  close(): void;
}

/** Keep-alive connections to `url` (up to `connections` at once), each request timed on its own. */
export function createHttpClient(url: string, connections = 1): HttpClient {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const { hostname, port } = new URL(url);
  const request: HttpClient['request'] = (method, path, { key, body, headers: extra = {} } = {}) =>
    new Promise((resolve, reject) => {
      const headers: Record<string, string | number> = { ...extra };
      if (key !== undefined) headers.authorization = `Bearer ${key}`;
      if (body !== undefined) {
        headers['content-type'] = 'application/json';
        headers['content-length'] = Buffer.byteLength(body);
      }
      const start = performance.now();
      const req = http.request({ agent, hostname, port, method, path, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            text: Buffer.concat(chunks).toString('utf8'),
            ms: performance.now() - start,
          }),
        );
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(body);
    });
  return {
    request,
    async json<T>(method: string, path: string, options: { key?: string; body?: unknown } = {}) {
      const response = await request(method, path, {
        ...(options.key === undefined ? {} : { key: options.key }),
        ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
      });
      if (response.status < 200 || response.status > 299) {
        throw new Error(`${method} ${path} answered ${response.status}: ${response.text.slice(0, 500)}`);
      }
      return JSON.parse(response.text) as T;
    },
    close: () => agent.destroy(),
  };
}

/**
 * An account with a credit, a simulator caller id, an assistant (New York, 0.10/min, a boolean goal variable)
 * and a draft campaign with `campaign` settings, all created over the API with the admin key, as a user would.
 */
export async function createAccountAndCampaign(
  client: HttpClient,
  adminKey: string,
  campaign: Record<string, unknown>,
  credit: string,
): Promise<{ key: string; accountId: string; campaignId: string }> {
  const created = await client.json<{ account: { id: string }; apiKey: string }>('POST', '/v1/accounts', {
    key: adminKey,
    body: { name: 'Benchmark Inc.' },
  });
  const accountId = created.account.id;
  const key = created.apiKey;
  await client.json('POST', `/v1/accounts/${accountId}/credits`, {
    key: adminKey,
    body: { amount: credit, note: 'benchmark' },
  });
  const phone = await client.json<{ id: string }>('POST', '/v1/phone-numbers', {
    key,
    body: { number: '+12125550199', provider: 'simulator', callsPerSecond: 10 },
  });
  const assistant = await client.json<{ id: string }>('POST', '/v1/assistants', {
    key,
    body: {
      name: 'Ava',
      provider: 'simulator',
      phoneNumberId: phone.id,
      timezone: 'America/New_York',
      ratePerMinute: '0.10',
      variables: [{ name: 'appointment_booked', type: 'boolean' }],
    },
  });
  const draft = await client.json<{ id: string }>('POST', '/v1/campaigns', {
    key,
    body: { assistantId: assistant.id, ...campaign },
  });
  return { key, accountId, campaignId: draft.id };
}

/** `p50 … · p95 … · p99 … · max … · mean …` of a set of timings in milliseconds (unsorted). */
export function latencySummary(timings: readonly number[]): { line: string; p99: number } {
  const sorted = [...timings].sort((a, b) => a - b);
  const mean = timings.reduce((a, b) => a + b, 0) / timings.length;
  const p99 = percentile(sorted, 99);
  return {
    p99,
    line: `p50 ${ms(percentile(sorted, 50))} ms · p95 ${ms(percentile(sorted, 95))} ms · p99 ${ms(p99)} ms · max ${ms(
      sorted.at(-1)!,
    )} ms · mean ${ms(mean)} ms`,
  };
}

/**
 * What the server did over `wallMs`: CPU time (all threads, and per `unit` when given), and how its main thread
 * spent the wall time (running, waiting for a CPU, blocked), then its memory.
 */
export function describeServerUsage(
  before: ProcessUsage | null,
  after: ProcessUsage | null,
  wallMs: number,
  unit?: { readonly name: string; readonly count: number },
): string[] {
  if (!before || !after) return [];
  const cpuMs = after.cpuMs - before.cpuMs;
  const runMs = after.mainThread.runMs - before.mainThread.runMs;
  const waitMs = after.mainThread.waitMs - before.mainThread.waitMs;
  const share = (part: number) => `${((100 * part) / wallMs).toFixed(0)} %`;
  const perUnit = (ms: number) =>
    unit ? `, ${((1000 * ms) / unit.count).toFixed(1)} µs per ${unit.name}` : '';
  return [
    // Every thread: the main one and any worker threads (phone validation).
    `server CPU:  ${(cpuMs / 1000).toFixed(1)} s (${share(cpuMs)} of one core)${perUnit(cpuMs)}`,
    `main thread: running ${share(runMs)} of the wall time${perUnit(runMs)}, waiting for a CPU ${share(waitMs)}, blocked or idle ${share(
      Math.max(0, wallMs - runMs - waitMs),
    )}`,
    `server RSS:  ${before.rssMiB.toFixed(0)} MiB before, ${after.rssMiB.toFixed(0)} MiB after, peak ${after.peakRssMiB.toFixed(0)} MiB`,
  ];
}

/** The 1-minute load average now, for the report (the machine may be shared). */
export const loadNow = () => os.loadavg()[0]!;

/**
 * Distinct US numbers in E.164 that `serve` accepts, never in exchange 555 (so never a simulator magic number).
 * `createUsNumbers` alone draws any area code, and libphonenumber's full metadata, which the API validates with,
 * refuses about 40 % of those (unassigned area codes); validating each number costs 50–300 µs. So a pool of
 * `exchanges` area code + exchange pairs is drawn and each validated once (validity in the US metadata depends
 * on those six digits only), and numbers are drawn from the pool with a random line number.
 */
export function createValidUsNumbers(random: SeededRandom, exchanges = 5_000): () => string {
  const candidates = createUsNumbers(random);
  const tried = new Set<string>();
  const pool: string[] = [];
  while (pool.length < exchanges) {
    const number = candidates();
    const prefix = number.slice(0, 8);
    if (tried.has(prefix)) continue;
    tried.add(prefix);
    if (normalizePhone(number, 'US').ok) pool.push(prefix);
  }
  const seen = new Set<string>();
  return () => {
    for (;;) {
      const number = `${pool[random.int(0, pool.length - 1)]!}${random.int(0, 9999).toString().padStart(4, '0')}`;
      if (seen.has(number)) continue;
      seen.add(number);
      return number;
    }
  };
}
