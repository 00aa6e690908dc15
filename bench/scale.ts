/**
 * Benchmark (issue 6, DESIGN §8) of the PostgreSQL store and of several workers on it. Three figures:
 *
 * 1. Import: 1,000,000 leads (every fifth with a secondary number) added by one `addLeads` call, which stages them
 *    with COPY into a temporary table and inserts them set-based with the per-campaign dedup. Goal ≤ 20 s.
 * 2. Claim latency with 1,000,000 due leads: `claimAttempts({ maxClaims: 100 })` timed one claim at a time.
 *    Between two timed claims, untimed, the 100 calls are ended through the store (`markCallsPlaced`, then one
 *    `applyCallEvents` of `unanswered` events), freeing the slots; the due set stays at about a million.
 * 3. Attempts per second through the engine with 1, 2 and 4 `callwright worker` processes on one campaign
 *    (accelerated clock ×1000, quick simulated calls, so the database, not the timeline, sets the pace): calls
 *    placed during a fixed window of wall time, after a warm-up.
 *
 *   npm run bench:scale
 *   node dist/bench/scale.js --only workers --worker-leads 20000 --measure-seconds 15
 *   node dist/bench/scale.js --db postgres://user@host:5432/callwright_bench
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ProviderCallEvent } from '../src/engine/ports/call-provider.js';
import { argValue, createTempDir, int, ms, peakRssMiB, percentile } from './bench-support.js';
import {
  DATABASE_URL,
  benchSchema,
  describeMachineAndServer,
  ensureBenchDatabase,
  generateLeads,
  measureCommitMs,
  openBenchStores,
  setUpCampaign,
} from './scale-support.js';

const LEADS = Number(argValue('leads', '1000000'));
const CLAIMS = Number(argValue('claims', '30'));
const WORKER_LEADS = Number(argValue('worker-leads', '30000'));
const MEASURE_S = Number(argValue('measure-seconds', '20'));
const ONLY = argValue('only', 'all');
const CLI = resolve(import.meta.dirname, '../src/cli/main.js');
const START = '2026-03-02T09:00:00-05:00';
const ALWAYS_OPEN = {
  startTime: '00:00',
  endTime: '24:00',
  days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
};
const scenario = (maxConcurrentCalls: number, callsPerSecond: number) => ({
  start: START,
  account: { balance: '10000000.00', minimumStartBalance: '1.00' },
  assistant: { timezone: 'America/New_York', ratePerMinute: '0.10', maxCallMinutes: 1, callsPerSecond },
  campaign: {
    name: 'Bench',
    schedule: ALWAYS_OPEN,
    retry: { maxRetries: 1, intervalMinutes: 10 },
    maxConcurrentCalls,
  },
});

async function importAndClaim(lines: string[]): Promise<void> {
  const { schema, drop } = await benchSchema('import');
  const stores = await openBenchStores(schema);
  try {
    const campaignId = await setUpCampaign(stores, scenario(100, 100));
    const start = Date.parse(START);
    const leads = generateLeads(LEADS, 'bench-scale-import');
    const rssBefore = process.memoryUsage().rss / 2 ** 20;
    const began = performance.now();
    const added = await stores.store.addLeads(campaignId, leads, start);
    const importMs = performance.now() - began;
    lines.push(
      `import: ${int(added.created)} leads (${int(leads.reduce((n, l) => n + l.contacts.length, 0))} numbers) in ${(importMs / 1000).toFixed(1)} s — ${int(added.created / (importMs / 1000))} leads/s; goal ≤ 20 s; RSS ${int(rssBefore)} MiB with the leads in memory, peak ${int(peakRssMiB())} MiB`,
    );
    const size = await stores.database.queries.row<{ bytes: number }>(
      `SELECT sum(pg_total_relation_size(c.oid))::bigint AS bytes FROM pg_class c
         JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind = 'r'`,
      [schema],
    );
    lines.push(`  tables and indexes after the import: ${int((size?.bytes ?? 0) / 2 ** 20)} MiB`);
    if (ONLY === 'import') return;

    // Every lead due, as on the first day: the start schedules a chunk, claims that take nothing the rest.
    const started = await stores.store.transitionCampaign({
      campaignId,
      action: 'start',
      now: start,
      providerConfigured: true,
    });
    if (!started.ok) throw new Error(JSON.stringify(started));
    let now = start;
    while ((await stores.store.campaignLeadCounts(campaignId)).created > 0) {
      await stores.store.claimAttempts({
        campaignId,
        now,
        workerId: 'bench',
        leaseMs: 60_000,
        maxClaims: 0,
        newCallId: () => 'unused',
      });
    }
    let calls = 0;
    const times: number[] = [];
    for (let i = 0; i < CLAIMS + 3; i++) {
      now += 1_000;
      const t = performance.now();
      const claim = await stores.store.claimAttempts({
        campaignId,
        now,
        workerId: 'bench',
        leaseMs: 60_000,
        maxClaims: 100,
        newCallId: () => `call_${String((calls += 1)).padStart(8, '0')}`,
      });
      const elapsed = performance.now() - t;
      if (i >= 3) times.push(elapsed);
      if (claim.attempts.length !== 100) throw new Error(`claim ${i} took ${claim.attempts.length} leads`);
      const ids = claim.attempts.map((a) => a.request.callId);
      await stores.store.markCallsPlaced(
        ids.map((callId) => ({ callId, providerCallId: `pc_${callId}`, reconcileAt: now + 600_000 })),
      );
      const events: ProviderCallEvent[] = ids.map((callId) => ({
        type: 'status',
        provider: 'simulator',
        providerCallId: `pc_${callId}`,
        eventId: `end_${callId}`,
        at: now + 500,
        status: 'unanswered',
      }));
      await stores.store.applyCallEvents(events, now + 500);
    }
    times.sort((a, b) => a - b);
    lines.push(
      `claim 100 of ${int(LEADS)} due leads: median ${ms(percentile(times, 50))} ms, p95 ${ms(percentile(times, 95))} ms, max ${ms(times.at(-1)!)} ms over ${times.length} claims (after 3 warm-up); SQLite's goal ≤ 10 ms`,
    );
  } finally {
    await stores.close();
    await drop();
  }
}

/** Calls placed per second of wall time by `workers` processes on one campaign. */
async function attemptsPerSecond(workers: number): Promise<{ perSecond: number; calls: number }> {
  const { schema, drop } = await benchSchema(`workers${workers}`);
  const stores = await openBenchStores(schema);
  const temp = createTempDir('callwright-bench-scale-');
  const children: ChildProcess[] = [];
  try {
    const campaignId = await setUpCampaign(stores, scenario(100, 1000));
    await stores.store.addLeads(
      campaignId,
      generateLeads(WORKER_LEADS, `bench-workers-${workers}`),
      Date.parse(START),
    );
    const outcomes = join(temp.dir, 'outcomes.json');
    writeFileSync(
      outcomes,
      JSON.stringify({
        human: 0.5,
        voicemail: 0.1,
        busy: 0.2,
        failed: 0.1,
        goal: 0.5,
        ringSeconds: [1, 3],
        talkSeconds: [2, 8],
        voicemailSeconds: [2, 4],
      }),
    );
    const url = new URL(DATABASE_URL);
    url.searchParams.set('schema', schema);
    const origin = new Date().toISOString();
    await stores.store.transitionCampaign({
      campaignId,
      action: 'start',
      now: Date.parse(START),
      providerConfigured: true,
    });
    for (let i = 0; i < workers; i++) {
      children.push(
        spawn(
          process.execPath,
          [
            CLI,
            'worker',
            '--db',
            url.toString(),
            '--clock',
            'accelerated',
            '--clock-start',
            START,
            '--clock-origin',
            origin,
            '--clock-speed',
            '1000',
            '--simulator-outcomes',
            outcomes,
            '--lease-seconds',
            '3600',
            '--heartbeat-seconds',
            '600',
          ],
          { stdio: 'ignore' },
        ),
      );
    }
    const count = async () =>
      (await stores.database.queries.row<{ n: number }>('SELECT count(*) AS n FROM calls'))!.n;
    const waitFor = async (done: () => Promise<boolean>) => {
      while (!(await done())) await new Promise((r) => setTimeout(r, 200));
    };
    await waitFor(async () => (await count()) >= 300);
    const from = await count();
    const began = performance.now();
    await new Promise((r) => setTimeout(r, MEASURE_S * 1000));
    const calls = (await count()) - from;
    return { perSecond: calls / ((performance.now() - began) / 1000), calls };
  } finally {
    for (const child of children) child.kill('SIGKILL');
    await stores.close();
    await drop();
    temp.remove();
  }
}

async function main(): Promise<void> {
  await ensureBenchDatabase();
  const lines = await describeMachineAndServer();
  const probe = await benchSchema('commit');
  lines.push(
    `one commit: ${ms(await measureCommitMs(probe.schema))} ms (a WAL flush; every writing transaction waits for one)`,
  );
  await probe.drop();
  if (ONLY === 'all' || ONLY === 'import' || ONLY === 'claim') await importAndClaim(lines);
  if (ONLY === 'all' || ONLY === 'workers') {
    for (const workers of [1, 2, 4]) {
      const { perSecond, calls } = await attemptsPerSecond(workers);
      lines.push(
        `${workers} worker${workers > 1 ? 's' : ''}: ${int(perSecond)} attempts/s (${int(calls)} calls in ${MEASURE_S} s)`,
      );
    }
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
