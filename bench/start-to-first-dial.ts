/**
 * Benchmark (DESIGN §2.3 and §8): a started campaign places its first call within one second when now is inside
 * its calling window.
 *
 * The server is `callwright serve` (the built CLI) in a child process of its own, on a temporary SQLite file, the
 * real clock and the simulator. For each campaign size a fresh server and database are used: an account, caller
 * id, assistant and draft campaign (window 00:00–24:00 every day, so now is always inside it) are created over the
 * API and the leads are added in batches of 1,000. Then, for each run, a client follows the campaign's live event
 * stream (`GET /v1/campaigns/{id}/events`, Server-Sent Events), sends `POST /v1/campaigns/{id}/start`, and stops
 * the clock at the first `lead.status_changed` to `processing`: the claim writes it in the transaction that
 * writes the attempt, just before the provider is asked. So the figure includes the start itself (every lead of
 * the campaign scheduled), the dialer's wake-up, the claim, and the event's way out through the stream: an upper
 * bound of what the user waits for. Each run starts a new account's new campaign; the one before is paused first,
 * so its calls do not share the server.
 *
 *   npm run bench:first-dial
 *   node dist/bench/start-to-first-dial.js --sizes 1000,100000,1000000 --runs 3
 */
import http from 'node:http';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { createSeededRandom } from '../src/domain/seeded-random.js';
import {
  createAccountAndCampaign,
  createHttpClient,
  createValidUsNumbers,
  loadNow,
  startServer,
  type HttpClient,
} from './api-support.js';
import { argValue, createTempDir, describeMachine, inBatches, int, ms, today } from './bench-support.js';

const GOAL_MS = 1_000;
const SIZES = argValue('sizes', '1000,100000').split(',').map(Number);
const RUNS = Number(argValue('runs', '3'));
const BATCH = 1_000;
/** A run that sees no dial in this long has failed outright (it is reported, not waited for). */
const GIVE_UP_MS = 60_000;

const CAMPAIGN = {
  name: 'First dial benchmark',
  schedule: { startTime: '00:00', endTime: '24:00', days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] },
  maxConcurrentCalls: 5,
};

interface Run {
  readonly leads: number;
  /** From sending the start to the first attempt's event on the stream. */
  readonly firstDialMs: number;
  /** From sending the start to its answer. */
  readonly startAnswerMs: number;
  readonly load: number;
}

/**
 * Follows a campaign's event stream and resolves once the stream is open with a promise of the first dial: the
 * first `lead.status_changed` to `processing`.
 */
function followFirstDial(
  url: string,
  key: string,
  campaignId: string,
): Promise<{ firstDial: Promise<number>; close: () => void }> {
  const { hostname, port } = new URL(url);
  return new Promise((opened, failed) => {
    const request = http.get(
      {
        hostname,
        port,
        path: `/v1/campaigns/${campaignId}/events`,
        headers: { authorization: `Bearer ${key}` },
      },
      (response) => {
        if (response.statusCode !== 200) {
          failed(new Error(`the event stream answered ${response.statusCode}`));
          return;
        }
        response.setEncoding('utf8');
        const firstDial = new Promise<number>((dialed, gaveUp) => {
          const timeout = setTimeout(() => gaveUp(new Error(`no dial within ${GIVE_UP_MS} ms`)), GIVE_UP_MS);
          let buffered = '';
          response.on('data', (chunk: string) => {
            const at = performance.now();
            buffered += chunk;
            for (let end = buffered.indexOf('\n\n'); end >= 0; end = buffered.indexOf('\n\n')) {
              const message = buffered.slice(0, end);
              buffered = buffered.slice(end + 2);
              const data = /^data: (.*)$/m.exec(message)?.[1];
              if (!data) continue;
              const event = JSON.parse(data) as { type: string; data: { to?: string } };
              if (event.type === 'lead.status_changed' && event.data.to === 'processing') {
                clearTimeout(timeout);
                dialed(at);
              }
            }
          });
        });
        opened({ firstDial, close: () => request.destroy() });
      },
    );
    request.on('error', (error) => {
      if (!request.destroyed) failed(error);
    });
  });
}

async function addLeads(client: HttpClient, key: string, campaignId: string, bodies: readonly string[]) {
  for (const body of bodies) {
    const response = await client.request('POST', `/v1/campaigns/${campaignId}/leads`, { key, body });
    if (response.status !== 200)
      throw new Error(`adding leads answered ${response.status}: ${response.text}`);
  }
}

async function measureSize(leads: number): Promise<Run[]> {
  const random = createSeededRandom(`bench:first-dial:${leads}`);
  const nextNumber = createValidUsNumbers(random);
  const temp = createTempDir('bench-first-dial');
  const server = await startServer(join(temp.dir, 'callwright.db'));
  const client = createHttpClient(server.url);
  try {
    const runs: Run[] = [];
    for (let run = 0; run < RUNS; run++) {
      const world = await createAccountAndCampaign(client, server.adminKey, CAMPAIGN, '10000.00');
      const bodies = Array.from(
        inBatches(leads, BATCH, () => ({ phone: nextNumber() })),
        (batch) => JSON.stringify({ leads: batch }),
      );
      process.stderr.write(`  ${int(leads)} leads, run ${run + 1}: adding leads…\n`);
      await addLeads(client, world.key, world.campaignId, bodies);

      const stream = await followFirstDial(server.url, world.key, world.campaignId);
      const load = loadNow();
      const sent = performance.now();
      const started = await client.request('POST', `/v1/campaigns/${world.campaignId}/start`, {
        key: world.key,
      });
      if (started.status !== 200) throw new Error(`start answered ${started.status}: ${started.text}`);
      const dialedAt = await stream.firstDial;
      stream.close();
      runs.push({ leads, firstDialMs: dialedAt - sent, startAnswerMs: started.ms, load });
      // Stop this campaign's calls so the next run has the server to itself.
      await client.json('POST', `/v1/campaigns/${world.campaignId}/pause`, { key: world.key });
    }
    return runs;
  } finally {
    client.close();
    await server.stop();
    temp.remove();
  }
}

async function main() {
  const runs: Run[] = [];
  for (const size of SIZES) runs.push(...(await measureSize(size)));
  const sqlite = new Database(':memory:');
  const lines = [
    `Start to first dial (DESIGN §2.3, §8: ≤ ${int(GOAL_MS)} ms) — ${today()}`,
    `method: callwright serve in its own process on a fresh temporary SQLite file per campaign size, real clock,`,
    `        simulator, 127.0.0.1. Per run a new account and draft campaign (window 00:00–24:00 every day,`,
    `        5 calls at once) get N leads over the API; a client opens the campaign's event stream, sends`,
    `        POST …/start, and stops at the first lead.status_changed to processing on the stream (written with`,
    `        the attempt, just before the provider is asked). Figure = the worst run of the largest size.`,
    ...describeMachine(sqlite),
    '',
    '   leads   run   start → first dial   start answered in   load (1 min)',
  ];
  sqlite.close();
  runs.forEach((run, i) => {
    const index = runs.slice(0, i + 1).filter((r) => r.leads === run.leads).length;
    lines.push(
      `${int(run.leads).padStart(9)}   ${String(index).padStart(3)}   ${`${ms(run.firstDialMs)} ms`.padStart(18)}   ${`${ms(run.startAnswerMs)} ms`.padStart(17)}   ${run.load.toFixed(2).padStart(12)}`,
    );
  });
  const largest = Math.max(...SIZES);
  const worst = Math.max(...runs.filter((r) => r.leads === largest).map((r) => r.firstDialMs));
  lines.push(
    '',
    `FIGURE — worst start to first dial with ${int(largest)} leads: ${ms(worst)} ms  (goal ≤ ${int(GOAL_MS)} ms: ${
      worst <= GOAL_MS ? 'MET' : 'MISSED'
    })`,
  );
  console.log(lines.join('\n'));
}

await main();
