/**
 * Benchmark (DESIGN §8, issue 3): the API's reads on a campaign of 1,000,000 leads, goal p99 ≤ 50 ms:
 * `GET /v1/campaigns/{id}/stats`, the first page (`limit=100`) of `GET /v1/campaigns/{id}/leads?status=X` for each
 * lead status, and `GET /v1/campaigns/{id}` (which computes the dialing diagnostics).
 *
 * Set-up (not part of the figure):
 *   1. `callwright serve` on a temporary SQLite file: an account with a credit, a simulator caller id, an
 *      assistant and a draft campaign (window 00:00–24:00 every day, 100 calls at once) created over the API.
 *      The server is stopped.
 *   2. In this process, on the same file through the store: 1,000,000 generated leads (distinct valid US numbers,
 *      never exchange 555; a fifth with a secondary number; a name, an external id and two fields) added with
 *      `CampaignCommands.addLeads` in batches of 10,000, then `CampaignCommands.start`, which schedules them all.
 *   3. A campaign some way through its run, by one SQL UPDATE of the scheduled leads (MIX_SQL below): 40 %
 *      completed (25 answered, 7 goal achieved, 8 voicemail), 10 % max_retries, 20 % rescheduled with their next
 *      round 1–24 h ahead, 30 % left scheduled. The store keeps the counters of migration 0002 in its own write
 *      paths, which SQL bypasses, so the lead counters are then recounted from the leads, and the store's report
 *      is checked against a `GROUP BY` of the leads. Those leads get no calls rows: the endpoints measured read the
 *      counters and the `leads_by_status` index, never `calls`.
 *   4. `callwright serve` again on that file, in its own process, real clock: the campaign is active and its dialer
 *      places calls on the simulator (100 at once, 5 s–5.5 min each) throughout the measurement, so `processing`
 *      holds the live leads and the reads share the server with a running campaign, as a user watching it would.
 *
 * The figure: each request's round trip over loopback, keep-alive, one request at a time, in rounds that go
 * through every endpoint once (so background work spreads over all of them alike), after warm-up rounds.
 *
 *   npm run bench:api-reads
 *   node dist/bench/api-reads.js --leads 200000 --rounds 500          # a quicker run
 *   node dist/bench/api-reads.js --paused                             # the campaign paused: no dialing
 *   node dist/bench/api-reads.js --cpu-prof /tmp/prof                 # + a CPU profile of the server
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createSeededRandom } from '../src/domain/seeded-random.js';
import { LEAD_STATUSES, type LeadStatus } from '../src/domain/lead-status.js';
import { createVirtualClock } from '../src/engine/clock/virtual-clock.js';
import type { LeadInput } from '../src/engine/use-cases/campaign-commands.js';
import { composeVirtualEngine } from '../src/cli/simulate/simulation-engine.js';
import { createSimulatorProvider } from '../src/providers/simulator/simulator-provider.js';
import { createSqliteStore, openSqliteDatabase } from '../src/store/sqlite/sqlite-store.js';
import {
  createAccountAndCampaign,
  createHttpClient,
  createValidUsNumbers,
  describeServerUsage,
  latencySummary,
  loadNow,
  processUsage,
  startServer,
  type HttpClient,
} from './api-support.js';
import {
  argValue,
  createTempDir,
  describeMachine,
  hasFlag,
  inBatches,
  int,
  ms,
  today,
} from './bench-support.js';

const GOAL_P99_MS = 50;
const LEADS = Number(argValue('leads', '1000000'));
const ROUNDS = Number(argValue('rounds', '2000'));
const WARM_UP_ROUNDS = 100;
const PAGE = 100;
const INSERT_BATCH = 10_000;
const SECONDARY_SHARE = 0.2;
const PAUSED = hasFlag('paused');
const CPU_PROFILE_DIR = argValue('cpu-prof', '');
/** Timed rounds stop after this much wall time (a slow endpoint would otherwise run for hours). */
const MEASURE_BUDGET_MS = 150_000;

const CAMPAIGN = {
  name: 'Reads benchmark',
  schedule: { startTime: '00:00', endTime: '24:00', days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] },
  retry: { maxRetries: 3, intervalMinutes: 60, onVoicemail: true, untilGoal: false },
  goal: { variable: 'appointment_booked' },
  maxConcurrentCalls: 100,
};

/**
 * The status mix, by a bucket 0–99 that cycles through every block of 100 leads in insertion order (`rowid * 37`
 * is a permutation of 0–99 modulo 100), so every status is spread over the whole campaign.
 */
const BUCKET = '((rowid * 37) % 100)';
const MIX_SQL = `
UPDATE leads SET
  status = CASE WHEN ${BUCKET} < 40 THEN 'completed' WHEN ${BUCKET} < 50 THEN 'max_retries' ELSE 'rescheduled' END,
  completion_reason = CASE WHEN ${BUCKET} < 25 THEN 'answered' WHEN ${BUCKET} < 32 THEN 'goal_achieved'
                           WHEN ${BUCKET} < 40 THEN 'voicemail' END,
  next_attempt_at = CASE WHEN ${BUCKET} < 50 THEN NULL ELSE :now + (1 + rowid % 24) * 3600000 END,
  next_contact_id = CASE WHEN ${BUCKET} < 50 THEN NULL ELSE next_contact_id END,
  updated_at = :now
WHERE campaign_id = :campaign AND status = 'scheduled' AND ${BUCKET} < 70`;

/**
 * The store keeps `campaign_counters` (migration 0002) in its own write paths, which the UPDATE above bypasses: the
 * lead counters are then recounted from the leads, as the migration's backfill does.
 */
const RECOUNT_SQL = `
UPDATE campaign_counters SET (${LEAD_STATUSES.map((s) => `leads_${s}`).join(', ')}) = (
  SELECT ${LEAD_STATUSES.map((s) => `count(*) FILTER (WHERE status = '${s}')`).join(', ')}
    FROM leads WHERE campaign_id = :campaign)
WHERE campaign_id = :campaign`;

function leadBatches(count: number): Generator<LeadInput[]> {
  const random = createSeededRandom('bench:api-reads:leads');
  const nextNumber = createValidUsNumbers(random);
  const cities = ['Boston', 'Austin', 'Denver', 'Miami'];
  return inBatches(count, INSERT_BATCH, (i) => ({
    name: `Lead ${i}`,
    externalId: `crm-${i}`,
    fields: { company: `Company ${i % 5_000}`, city: cities[i % cities.length]! },
    phones: random.next() < SECONDARY_SHARE ? [nextNumber(), nextNumber()] : [nextNumber()],
  }));
}

interface SetUp {
  readonly counts: Readonly<Record<string, number>>;
  readonly insertMs: number;
  readonly startMs: number;
  readonly mixMs: number;
  readonly checkpointMs: number;
  readonly machine: readonly string[];
}

/** Steps 2–3: the leads through the store, started, then the status mix; the server is not running. */
async function fillCampaign(dbPath: string, campaignId: string): Promise<SetUp> {
  const db = openSqliteDatabase(dbPath);
  // Set-up only: every batch dirties thousands of pages of the phone index, so the automatic checkpoint would copy
  // them and call fsync after every batch; one checkpoint per 100,000 leads instead keeps the WAL to a few hundred
  // MiB and the insert about twice as fast.
  db.pragma('wal_autocheckpoint = 0');
  const store = createSqliteStore(db);
  try {
    const clock = createVirtualClock(Date.now());
    const provider = createSimulatorProvider({ clock, seed: 7 });
    const { commands } = composeVirtualEngine(store, clock, provider, 7);
    process.stderr.write(`inserting ${int(LEADS)} leads…\n`);
    let created = 0;
    const insertStart = performance.now();
    for (const batch of leadBatches(LEADS)) {
      created += (await commands.addLeads(campaignId, batch)).created;
      if (created % 100_000 === 0) db.pragma('wal_checkpoint(TRUNCATE)');
      if (created % 200_000 === 0) process.stderr.write(`  ${int(created)}\n`);
    }
    const insertMs = performance.now() - insertStart;
    if (created !== LEADS) throw new Error(`only ${created} of ${LEADS} leads were added`);
    const startStart = performance.now();
    const started = await commands.start(campaignId);
    const startMs = performance.now() - startStart;
    if (!started.ok) throw new Error(`the campaign did not start: ${JSON.stringify(started)}`);

    const mixStart = performance.now();
    db.transaction(() => {
      db.prepare(MIX_SQL).run({ now: clock.now(), campaign: campaignId });
      db.prepare(RECOUNT_SQL).run({ campaign: campaignId });
    })();
    const mixMs = performance.now() - mixStart;

    const counted = Object.fromEntries(
      db
        .prepare<[string], { status: string; n: number }>(
          'SELECT status, count(*) AS n FROM leads WHERE campaign_id = ? GROUP BY status',
        )
        .all(campaignId)
        .map((r) => [r.status, r.n]),
    );
    const report = await store.campaignReport(campaignId);
    for (const status of LEAD_STATUSES) {
      if ((counted[status] ?? 0) !== report.leadsByStatus[status]) {
        throw new Error(
          `counters disagree with the leads: ${JSON.stringify(report.leadsByStatus)} vs ${JSON.stringify(counted)}`,
        );
      }
    }
    const checkpointStart = performance.now();
    db.pragma('wal_checkpoint(TRUNCATE)');
    const checkpointMs = performance.now() - checkpointStart;
    return {
      counts: report.leadsByStatus,
      insertMs,
      startMs,
      mixMs,
      checkpointMs,
      machine: describeMachine(db),
    };
  } finally {
    await store.close();
  }
}

interface Endpoint {
  readonly label: string;
  readonly path: string;
  /** For a lead page: the status every lead on it must have. */
  readonly status: LeadStatus | null;
  readonly timings: number[];
  bytes: number;
  cold: number;
}

/** One request, checked: 200, and a lead page holds only leads of its status, a full page when there are enough. */
async function timed(client: HttpClient, key: string, endpoint: Endpoint, counts: SetUp['counts']) {
  const response = await client.request('GET', endpoint.path, { key });
  if (response.status !== 200) {
    throw new Error(`GET ${endpoint.path} answered ${response.status}: ${response.text.slice(0, 300)}`);
  }
  if (endpoint.status !== null) {
    const { data } = JSON.parse(response.text) as { data: { status: string }[] };
    const expected = counts[endpoint.status]! >= 10 * PAGE ? PAGE : null;
    if (
      data.some((lead) => lead.status !== endpoint.status) ||
      (expected !== null && data.length !== expected)
    ) {
      throw new Error(`GET ${endpoint.path}: ${data.length} leads, not a page of ${endpoint.status} leads`);
    }
  }
  endpoint.bytes = response.text.length;
  return response.ms;
}

async function main() {
  const temp = createTempDir('bench-api-reads');
  const dbPath = join(temp.dir, 'callwright.db');
  try {
    // 1. The account and campaign over the API.
    let server = await startServer(dbPath);
    let client = createHttpClient(server.url);
    const { key, campaignId } = await createAccountAndCampaign(
      client,
      server.adminKey,
      CAMPAIGN,
      '100000.00',
    );
    client.close();
    await server.stop();

    const setUp = await fillCampaign(dbPath, campaignId);

    // 4. The server again, on the filled campaign.
    process.stderr.write('measuring…\n');
    server = await startServer(
      dbPath,
      CPU_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROFILE_DIR}`] : [],
    );
    client = createHttpClient(server.url);
    const base = `/v1/campaigns/${campaignId}`;
    if (PAUSED) await client.json('POST', `${base}/pause`, { key });
    const endpoint = (label: string, path: string, status: LeadStatus | null = null): Endpoint => ({
      label,
      path,
      status,
      timings: [],
      bytes: 0,
      cold: 0,
    });
    const endpoints = [
      endpoint('GET /v1/campaigns/{id}/stats', `${base}/stats`),
      endpoint('GET /v1/campaigns/{id}', base),
      ...LEAD_STATUSES.map((status) =>
        endpoint(
          `GET …/leads?status=${status}&limit=${PAGE}`,
          `${base}/leads?status=${status}&limit=${PAGE}`,
          status,
        ),
      ),
    ];
    const callsMade = async () => {
      const stats = await client.json<{ calls: Record<string, number> }>('GET', `${base}/stats`, { key });
      return Object.values(stats.calls).reduce((a, b) => a + b, 0);
    };

    for (const e of endpoints) e.cold = await timed(client, key, e, setUp.counts);
    for (let round = 0; round < WARM_UP_ROUNDS; round++) {
      for (const e of endpoints) await timed(client, key, e, setUp.counts);
    }
    const callsBefore = await callsMade();
    const before = processUsage(server.pid);
    const loadBefore = loadNow();
    const start = performance.now();
    let rounds = 0;
    while (rounds < ROUNDS && performance.now() - start < MEASURE_BUDGET_MS) {
      for (const e of endpoints) e.timings.push(await timed(client, key, e, setUp.counts));
      rounds += 1;
    }
    const wallMs = performance.now() - start;
    const after = processUsage(server.pid);
    const loadAfter = loadNow();
    const callsDuring = (await callsMade()) - callsBefore;
    const campaign = await client.json<{ status: string; dialing: { state: string; reason: string | null } }>(
      'GET',
      base,
      { key },
    );
    client.close();
    await server.stop();

    const requests = rounds * endpoints.length;
    const summaries = endpoints.map((e) => ({ e, latency: latencySummary(e.timings) }));
    const worst = Math.max(...summaries.map((s) => s.latency.p99));
    const lines = [
      `API reads on a campaign of ${int(LEADS)} leads (DESIGN §8: p99 ≤ ${GOAL_P99_MS} ms) — ${today()}`,
      `method: callwright serve in its own process (${server.command}),`,
      `        temporary SQLite file (WAL, synchronous=NORMAL), real clock, 127.0.0.1. Account, caller id,`,
      `        assistant and campaign created over the API; ${int(LEADS)} leads added through CampaignCommands.addLeads`,
      `        in batches of ${int(INSERT_BATCH)}, the campaign started, then one SQL UPDATE set the status mix (lead`,
      `        counters recounted, checked against GROUP BY). The campaign is ${
        PAUSED ? 'paused (no dialing)' : 'active: its dialer calls the simulator throughout'
      }.`,
      `        ${WARM_UP_ROUNDS} warm-up rounds, then rounds of one request to each endpoint in turn, one at a time,`,
      `        keep-alive; each round trip timed (request start → last byte).`,
      ...setUp.machine,
      '',
      `leads by status after the set-up: ${LEAD_STATUSES.map((s) => `${s} ${int(setUp.counts[s] ?? 0)}`).join(', ')}`,
      `set-up (not in figure): insert ${(setUp.insertMs / 1000).toFixed(1)} s (${int(
        LEADS / (setUp.insertMs / 1000),
      )} leads/s), start ${(setUp.startMs / 1000).toFixed(1)} s, status mix ${(setUp.mixMs / 1000).toFixed(1)} s, checkpoint ${(setUp.checkpointMs / 1000).toFixed(1)} s`,
      '',
      `FIGURE — ${int(rounds)} timed requests per endpoint (${int(requests)} in ${(wallMs / 1000).toFixed(1)} s; goal p99 ≤ ${GOAL_P99_MS} ms: ${
        worst <= GOAL_P99_MS ? 'MET' : 'MISSED'
      } — worst p99 ${ms(worst)} ms)`,
      ...summaries.map(
        ({ e, latency }) =>
          `  ${e.label.padEnd(42)} ${latency.line} · cold ${ms(e.cold)} ms · ${int(e.bytes)} bytes`,
      ),
      ...(rounds < ROUNDS
        ? [`  PARTIAL: the ${MEASURE_BUDGET_MS / 1000} s budget stopped the rounds at ${rounds}`]
        : []),
      `  dialer during the timed rounds: ${int(callsDuring)} calls placed; at the end the campaign is ${campaign.status}, dialing ${
        campaign.dialing.state
      }${campaign.dialing.reason ? ` (${campaign.dialing.reason})` : ''}`,
      ...describeServerUsage(before, after, wallMs, { name: 'request', count: requests }).map(
        (l) => `  ${l}`,
      ),
      `  load average (1 min): ${loadBefore.toFixed(2)} at the start, ${loadAfter.toFixed(2)} at the end`,
      ...(CPU_PROFILE_DIR
        ? [
            `server CPU profile in ${CPU_PROFILE_DIR} (whole server life, set-up requests included): node dist/bench/cpu-profile-summary.js ${CPU_PROFILE_DIR}/<file>.cpuprofile`,
          ]
        : []),
    ];
    console.log(lines.join('\n'));
  } finally {
    temp.remove();
  }
}

await main();
