/**
 * Benchmark (DESIGN §8, issue 3): adding leads over the HTTP API in batches of 1,000, goal ≥ 20,000 leads/s.
 *
 * The server is `callwright serve` itself (the built CLI, `dist/src/cli/main.js serve`), in a child process
 * of its own, on a temporary SQLite file in WAL mode and the real clock, listening on 127.0.0.1: the load generator (this process)
 * never shares its event loop, so the figure is the server's. For each number of concurrent clients a fresh server
 * and database are started; an account, caller id, assistant and draft campaign are created over the API; then
 * `POST /v1/campaigns/{id}/leads` is sent with 1,000 generated leads per request (distinct US numbers that
 * libphonenumber validates, never exchange 555; a name, an external id and two fields; a fifth of the leads with a
 * secondary number in national format) until every lead is in. Request bodies are serialised before the clock
 * starts. The figure is leads created / wall time from the first request to the last response; each request's
 * round trip is timed too, and the server's RSS and CPU time are read from /proc.
 *
 *   npm run bench:api-leads
 *   node dist/bench/api-add-leads.js --leads 50000 --clients 1        # a quicker run
 *   node dist/bench/api-add-leads.js --clients 1 --cpu-prof /tmp/prof # + a CPU profile of the server
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createSeededRandom } from '../src/domain/seeded-random.js';
import {
  createAccountAndCampaign,
  createHttpClient,
  createValidUsNumbers,
  describeServerUsage,
  latencySummary,
  loadNow,
  processUsage,
  startServer,
  type ProcessUsage,
} from './api-support.js';
import { argValue, createTempDir, describeMachine, inBatches, int, today } from './bench-support.js';

const GOAL_LEADS_PER_SECOND = 20_000;
const LEADS = Number(argValue('leads', '200000'));
const CLIENTS = argValue('clients', '1,2,4').split(',').map(Number);
const BATCH = 1_000;
const SECONDARY_SHARE = 0.2;
const CPU_PROFILE_DIR = argValue('cpu-prof', '');

const CAMPAIGN = {
  name: 'Lead import benchmark',
  schedule: { startTime: '00:00', endTime: '24:00', days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] },
  maxConcurrentCalls: 100,
};

interface Run {
  readonly clients: number;
  readonly created: number;
  readonly requests: number;
  readonly wallMs: number;
  readonly latency: { readonly line: string; readonly p99: number };
  readonly before: ProcessUsage | null;
  readonly after: ProcessUsage | null;
  readonly load: readonly [number, number];
  readonly command: string;
}

/** `+12125550123` → `(212) 555-0123`, as a CRM export often writes it. */
const national = (e164: string) => `(${e164.slice(2, 5)}) ${e164.slice(5, 8)}-${e164.slice(8)}`;

/** The request bodies, 1,000 leads each, serialised once and sent as they are by every run. */
function requestBodies(count: number): string[] {
  const random = createSeededRandom('bench:api-add-leads:leads');
  const nextNumber = createValidUsNumbers(random);
  const cities = ['Boston', 'Austin', 'Denver', 'Miami'];
  const batches = inBatches(count, BATCH, (i) => ({
    phone: nextNumber(),
    ...(random.next() < SECONDARY_SHARE ? { secondaryPhones: [national(nextNumber())] } : {}),
    name: `Lead ${i}`,
    externalId: `crm-${i}`,
    fields: { company: `Company ${i % 5_000}`, city: cities[i % cities.length]! },
  }));
  return Array.from(batches, (leads) => JSON.stringify({ leads }));
}

async function measure(bodies: readonly string[], clients: number): Promise<Run> {
  const temp = createTempDir('bench-api-leads');
  const server = await startServer(
    join(temp.dir, 'callwright.db'),
    CPU_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROFILE_DIR}`] : [],
  );
  const client = createHttpClient(server.url, clients);
  try {
    const { key, campaignId } = await createAccountAndCampaign(client, server.adminKey, CAMPAIGN, '1000.00');
    const path = `/v1/campaigns/${campaignId}/leads`;
    const before = processUsage(server.pid);
    const loadBefore = loadNow();
    const timings: number[] = [];
    let created = 0;
    let next = 0;
    const worker = async () => {
      while (next < bodies.length) {
        const body = bodies[next++]!;
        const response = await client.request('POST', path, { key, body });
        if (response.status !== 200) {
          throw new Error(`POST ${path} answered ${response.status}: ${response.text.slice(0, 300)}`);
        }
        const result = JSON.parse(response.text) as { created: number; duplicates: []; invalid: [] };
        if (result.duplicates.length > 0 || result.invalid.length > 0) {
          throw new Error(`leads refused: ${response.text.slice(0, 300)}`);
        }
        created += result.created;
        timings.push(response.ms);
      }
    };
    const start = performance.now();
    await Promise.all(Array.from({ length: clients }, worker));
    const wallMs = performance.now() - start;
    const after = processUsage(server.pid);
    const load = [loadBefore, loadNow()] as const;

    const stats = await client.json<{ leads: { created: number } }>(
      'GET',
      `/v1/campaigns/${campaignId}/stats`,
      {
        key,
      },
    );
    if (created !== LEADS || stats.leads.created !== LEADS) {
      throw new Error(`${created} leads reported created, ${stats.leads.created} counted, of ${LEADS}`);
    }
    return {
      clients,
      created,
      requests: timings.length,
      wallMs,
      latency: latencySummary(timings),
      before,
      after,
      load,
      command: server.command,
    };
  } finally {
    client.close();
    await server.stop();
    temp.remove();
  }
}

function describe(run: Run, first: boolean): string[] {
  const perSecond = run.created / (run.wallMs / 1000);
  return [
    `${first ? 'FIGURE' : 'variant'} — ${run.clients} client${run.clients === 1 ? '' : 's'} at once`,
    `  leads per second:   ${int(perSecond)}  (goal ≥ ${int(GOAL_LEADS_PER_SECOND)}: ${
      perSecond >= GOAL_LEADS_PER_SECOND ? 'MET' : 'MISSED'
    })`,
    `  created:            ${int(run.created)} leads in ${int(run.requests)} requests, ${(run.wallMs / 1000).toFixed(1)} s wall`,
    `  per request:        ${run.latency.line} (round trip of 1,000 leads)`,
    ...describeServerUsage(run.before, run.after, run.wallMs, { name: 'lead', count: run.created }).map(
      (line) => `  ${line}`,
    ),
    `  load average (1 min): ${run.load[0].toFixed(2)} at the start, ${run.load[1].toFixed(2)} at the end`,
  ];
}

async function main() {
  process.stderr.write(`generating ${int(LEADS)} leads…\n`);
  const bodies = requestBodies(LEADS);
  const megabytes = bodies.reduce((n, b) => n + Buffer.byteLength(b), 0) / 2 ** 20;
  const runs: Run[] = [];
  for (const clients of CLIENTS) {
    process.stderr.write(`  ${clients} client(s)…\n`);
    runs.push(await measure(bodies, clients));
  }
  const sqlite = new Database(':memory:');
  const lines = [
    `API: add ${int(LEADS)} leads in batches of ${int(BATCH)} (DESIGN §8: ≥ ${int(GOAL_LEADS_PER_SECOND)} leads/s) — ${today()}`,
    `method: callwright serve in its own process (${runs[0]!.command}),`,
    `        a fresh temporary SQLite file (WAL, synchronous=NORMAL) per run, real clock, 127.0.0.1; a draft`,
    `        campaign created over the API; POST /v1/campaigns/{id}/leads with ${int(BATCH)} generated leads per request`,
    `        (${megabytes.toFixed(1)} MiB of JSON in all, serialised before timing: distinct valid US numbers, never`,
    `        exchange 555, ${SECONDARY_SHARE * 100} % with a secondary number in national format, a name, an external id and two`,
    `        fields), by N clients at once on keep-alive connections until all are in; figure = leads created / wall`,
    `        time from the first request to the last response. Every answer is checked (created, no duplicates or`,
    `        invalid), then the campaign's stats must count every lead.`,
    ...describeMachine(sqlite),
    '',
  ];
  sqlite.close();
  runs.forEach((run, index) => lines.push(...describe(run, index === 0), ''));
  if (CPU_PROFILE_DIR) {
    lines.push(
      `server CPU profiles in ${CPU_PROFILE_DIR}: node dist/bench/cpu-profile-summary.js ${CPU_PROFILE_DIR}/<file>.cpuprofile`,
    );
  }
  console.log(lines.join('\n'));
}

await main();
