/**
 * Benchmark (DESIGN §8): a simulated campaign of 100,000 leads through the full engine on SQLite, goal ≥ 5,000
 * call attempts per second of wall time.
 *
 * The engine is composed as `callwright simulate` composes it (src/cli/simulate/simulate-command.ts): a SQLite
 * store, the virtual clock, the simulator provider, the dialer and the campaign commands, run by `runSimulation`
 * until the campaign completes. The leads are generated here (distinct US numbers that are never the simulator's
 * magic numbers, a fifth of the leads with a secondary number) and added through `addLeads`; that insert is timed
 * separately and is not part of the figure. The figure is the number of calls the campaign made (one row per
 * attempt) divided by the wall time of `runSimulation`, from the dialer's start to the campaign's completion.
 *
 * Variants, each in its own process so that each peak RSS is its own:
 *   file    a temporary database file in WAL mode with synchronous = NORMAL, as in production (the figure)
 *   memory  `:memory:` (a secondary figure: the engine's cost without the file system)
 *
 *   npm run bench:simulate                                     # both variants, 100,000 leads
 *   node dist/bench/simulate-campaign.js --variant file        # one variant, in this process
 *   node dist/bench/simulate-campaign.js --leads 20000         # a quicker run
 *   node dist/bench/simulate-campaign.js --variant file --sql-profile   # + time per SQL statement
 *   node dist/bench/simulate-campaign.js --budget-s 600                # wall-time budget per variant (default 180)
 */
import { fork } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseScenario } from '../src/cli/simulate/scenario.js';
import { setUpScenario } from '../src/cli/simulate/set-up-scenario.js';
import { createSeededRandom } from '../src/domain/seeded-random.js';
import { createVirtualClock, type VirtualClock } from '../src/engine/clock/virtual-clock.js';
import { runSimulation } from '../src/engine/simulation/run-simulation.js';
import { createGroupCommit } from '../src/store/sqlite/group-commit.js';
import type { LeadInput } from '../src/engine/use-cases/campaign-commands.js';
import { composeSimulationEngine } from '../src/cli/simulate/simulation-engine.js';
import { createSqliteStore, openSqliteDatabase } from '../src/store/sqlite/sqlite-store.js';
import {
  argValue,
  createTempDir,
  createUsNumbers,
  describeMachine,
  hasFlag,
  int,
  peakRssMiB,
  today,
} from './bench-support.js';
import { instrument } from './sql-profile.js';

const GOAL_ATTEMPTS_PER_SECOND = 5_000;
const LEADS = Number(argValue('leads', '100000'));
const VARIANT = argValue('variant', 'both');
const SQL_PROFILE = hasFlag('sql-profile');
/** Leads per `addLeads` call, as `callwright simulate` imports them. */
const LEAD_BATCH = 1_000;
/** Share of leads with a secondary number. */
const SECONDARY_SHARE = 0.2;
const HORIZON_MS = 60 * 24 * 60 * 60_000;
/**
 * Wall-time budget per variant: a run still going after this is stopped at its next progress point and reported
 * as a partial figure (attempts so far / wall time so far), clearly marked, so a slow engine cannot hang the run.
 */
const BUDGET_S = Number(argValue('budget-s', '180'));

class BudgetExceeded extends Error {}

/**
 * Settings that let the engine run at full speed in virtual time: the window is always open, 100 calls at once
 * (the most a campaign allows), a caller id allowed 100 calls per second, three rounds ten minutes apart, and a
 * balance no campaign of this size can exhaust. Outcomes are the simulator's defaults (35 % human, 20 % voicemail,
 * 10 % busy, 5 % failed, the rest unanswered), so about half of the leads need a second or third round.
 */
const SCENARIO = {
  start: '2026-03-02T00:00:00-05:00',
  defaultCountry: 'US',
  account: { balance: '1000000.00', currency: 'USD', minimumStartBalance: '1.00' },
  assistant: {
    name: 'Ava',
    timezone: 'America/New_York',
    ratePerMinute: '0.10',
    maxCallMinutes: 30,
    phoneNumber: '+12125550199',
    callsPerSecond: 100,
    variables: [{ name: 'appointment_booked', type: 'boolean' }],
  },
  campaign: {
    name: 'Benchmark campaign',
    schedule: {
      startTime: '00:00',
      endTime: '24:00',
      days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
    },
    retry: { maxRetries: 3, intervalMinutes: 10, onVoicemail: true, untilGoal: false },
    goal: { variable: 'appointment_booked' },
    maxConcurrentCalls: 100,
  },
  simulator: { seed: 7 },
};

type Variant = 'file' | 'memory';

interface Measurement {
  readonly variant: Variant;
  readonly journalMode: string;
  readonly leads: number;
  readonly contacts: number;
  readonly insertMs: number;
  readonly startMs: number;
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly attempts: number;
  readonly clockTasks: number;
  readonly providerEvents: number;
  readonly outboxEvents: number;
  readonly virtualHours: number;
  readonly campaignStatus: string;
  /** Null when the campaign ran to the end; else how far it got before the wall-time budget ran out. */
  readonly stoppedEarly: { readonly leadsDone: number; readonly leadsTotal: number } | null;
  readonly leadsByStatus: Readonly<Record<string, number>>;
  readonly callsByStatus: Readonly<Record<string, number>>;
  readonly peakRssMiB: number;
  readonly dbMiB: number | null;
  readonly machine: readonly string[];
  readonly sqlProfile: readonly string[];
}

function generateLeads(count: number): LeadInput[] {
  const random = createSeededRandom('bench:simulate-campaign:leads');
  const nextNumber = createUsNumbers(random);
  const leads: LeadInput[] = [];
  for (let i = 0; i < count; i++) {
    const phones = random.next() < SECONDARY_SHARE ? [nextNumber(), nextNumber()] : [nextNumber()];
    leads.push({
      name: `Lead ${i}`,
      externalId: `crm-${i}`,
      fields: { company: `Company ${i % 5_000}`, city: ['Boston', 'Austin', 'Denver', 'Miami'][i % 4]! },
      phones,
    });
  }
  return leads;
}

async function measure(variant: Variant): Promise<Measurement> {
  const parsed = parseScenario(SCENARIO);
  if (!parsed.ok) throw new Error(`benchmark scenario invalid: ${JSON.stringify(parsed.error)}`);
  const scenario = parsed.value;

  const temp = variant === 'file' ? createTempDir('bench-simulate') : null;
  const dbPath = temp ? join(temp.dir, 'campaign.db') : ':memory:';
  const db = openSqliteDatabase(dbPath);
  const profile = SQL_PROFILE ? instrument(db) : null;
  const store = createSqliteStore(profile?.db ?? db);
  try {
    const virtual = createVirtualClock(scenario.start);
    let clockTasks = 0;
    // The engine's view of the clock, counting every task it runs (dialer passes and simulator call events).
    const clock: VirtualClock = {
      ...virtual,
      schedule: (at, task) =>
        virtual.schedule(at, () => {
          clockTasks += 1;
          return task();
        }),
    };
    const { ids, dialer, commands } = composeSimulationEngine(store, clock, scenario.simulator);
    const campaignId = await setUpScenario(store, ids, scenario);

    const leads = generateLeads(LEADS);
    const contacts = leads.reduce((n, lead) => n + lead.phones.length, 0);
    const insertStart = performance.now();
    let created = 0;
    for (let i = 0; i < leads.length; i += LEAD_BATCH) {
      created += (await commands.addLeads(campaignId, leads.slice(i, i + LEAD_BATCH))).created;
    }
    const insertMs = performance.now() - insertStart;
    if (created !== leads.length) throw new Error(`only ${created} of ${leads.length} leads were added`);
    leads.length = 0;

    const startStart = performance.now();
    const started = await commands.start(campaignId);
    const startMs = performance.now() - startStart;
    if (!started.ok) throw new Error(`the campaign did not start: ${JSON.stringify(started)}`);
    profile?.reset();

    let lastProgress = performance.now();
    const cpuBefore = process.cpuUsage();
    const wallStart = performance.now();
    let stoppedEarly: Measurement['stoppedEarly'] = null;
    // As `callwright simulate` runs: store transactions grouped into one commit per step of virtual time.
    const group = createGroupCommit(db);
    group.begin();
    dialer.start();
    try {
      await runSimulation({
        clock: virtual,
        store,
        campaignId,
        until: scenario.start + HORIZON_MS,
        afterStep: () => group.checkpoint(),
        onProgress: (p) => {
          const now = performance.now();
          if (now - wallStart > BUDGET_S * 1000) {
            stoppedEarly = { leadsDone: p.leadsDone, leadsTotal: p.leadsTotal };
            throw new BudgetExceeded();
          }
          if (now - lastProgress < 5_000) return;
          lastProgress = now;
          process.stderr.write(
            `  [${variant}] ${((now - wallStart) / 1000).toFixed(0)} s wall, virtual ${new Date(p.now).toISOString()}, ` +
              `${int(p.leadsDone)}/${int(p.leadsTotal)} leads done\n`,
          );
        },
      });
    } catch (error) {
      if (!(error instanceof BudgetExceeded)) throw error;
    }
    await dialer.stop();
    group.end(true);
    const wallMs = performance.now() - wallStart;
    const cpu = process.cpuUsage(cpuBefore);

    const campaign = (await store.getCampaign(campaignId))!;
    const report = await store.campaignReport(campaignId);
    const attempts = Object.values(report.callsByStatus).reduce((a, b) => a + b, 0);
    const count = (table: string) =>
      db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM ${table}`).get()!.n;
    const fileSize = (path: string) => {
      try {
        return statSync(path).size;
      } catch {
        return 0;
      }
    };
    return {
      variant,
      journalMode: String(db.pragma('journal_mode', { simple: true })),
      leads: created,
      contacts,
      insertMs,
      startMs,
      wallMs,
      cpuMs: (cpu.user + cpu.system) / 1000,
      attempts,
      clockTasks,
      providerEvents: count('call_events'),
      outboxEvents: count('events'),
      virtualHours:
        ((campaign.endedAt ?? virtual.now()) - (campaign.startedAt ?? scenario.start)) / 3_600_000,
      campaignStatus: campaign.status,
      stoppedEarly,
      leadsByStatus: report.leadsByStatus,
      callsByStatus: report.callsByStatus,
      peakRssMiB: peakRssMiB(),
      dbMiB: temp ? (fileSize(dbPath) + fileSize(`${dbPath}-wal`)) / 2 ** 20 : null,
      machine: describeMachine(db),
      sqlProfile: profile ? profile.report(15) : [],
    };
  } finally {
    await store.close();
    temp?.remove();
  }
}

/** Runs one variant in a child process (so its peak RSS is its own) and returns its measurement. */
function measureInChild(variant: Variant): Promise<Measurement> {
  return new Promise((resolve, reject) => {
    const args = [
      ...['--variant', variant, '--leads', String(LEADS), '--budget-s', String(BUDGET_S)],
      ...(SQL_PROFILE ? ['--sql-profile'] : []),
    ];
    const child = fork(fileURLToPath(import.meta.url), args, { stdio: 'inherit' });
    let result: Measurement | null = null;
    child.on('message', (message) => {
      result = message as Measurement;
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0 && result) resolve(result);
      else reject(new Error(`the ${variant} benchmark process exited with code ${code}`));
    });
  });
}

function describe(m: Measurement): string[] {
  const perSecond = m.attempts / (m.wallMs / 1000);
  const sum = (counts: Readonly<Record<string, number>>) =>
    Object.entries(counts)
      .filter(([, n]) => n > 0)
      .map(([k, n]) => `${k} ${int(n)}`)
      .join(', ');
  const title =
    m.variant === 'file' ? `file database, journal_mode=${m.journalMode} (production setup)` : ':memory:';
  return [
    `${m.variant === 'file' ? 'FIGURE' : 'secondary figure'} — ${title}`,
    `  call attempts per wall second: ${int(perSecond)}  (goal ≥ ${int(GOAL_ATTEMPTS_PER_SECOND)}: ${
      perSecond >= GOAL_ATTEMPTS_PER_SECOND ? 'MET' : 'MISSED'
    })`,
    ...(m.stoppedEarly
      ? [
          `  PARTIAL: stopped by the ${BUDGET_S} s wall-time budget with ${int(m.stoppedEarly.leadsDone)} of ${int(
            m.stoppedEarly.leadsTotal,
          )} leads done; the figure covers the run so far`,
        ]
      : []),
    `  attempts (calls made):         ${int(m.attempts)} in ${(m.wallMs / 1000).toFixed(1)} s wall (runSimulation, dialer start → campaign ${m.campaignStatus})`,
    `  CPU during the run:            ${(m.cpuMs / 1000).toFixed(1)} s (${((100 * m.cpuMs) / m.wallMs).toFixed(0)} % of one core)`,
    `  virtual time simulated:        ${m.virtualHours.toFixed(1)} h`,
    `  events processed:              ${int(m.clockTasks)} clock tasks (dialer passes + simulator events), ` +
      `${int(m.providerEvents)} provider events applied, ${int(m.outboxEvents)} outbox events written`,
    `  per attempt:                   ${(m.wallMs / m.attempts).toFixed(3)} ms wall, ${(m.clockTasks / m.attempts).toFixed(2)} clock tasks, ${(
      m.providerEvents / m.attempts
    ).toFixed(2)} provider events`,
    `  leads:                         ${sum(m.leadsByStatus)}`,
    `  calls:                         ${sum(m.callsByStatus)}`,
    `  lead insert (not in figure):   ${int(m.leads)} leads / ${int(m.contacts)} contacts via addLeads in batches of ${int(
      LEAD_BATCH,
    )}: ${(m.insertMs / 1000).toFixed(1)} s (${int(m.leads / (m.insertMs / 1000))} leads/s); start ${m.startMs.toFixed(0)} ms`,
    `  peak RSS (whole process):      ${m.peakRssMiB.toFixed(0)} MiB`,
    ...(m.dbMiB === null ? [] : [`  database size at the end:      ${m.dbMiB.toFixed(0)} MiB (file + WAL)`]),
    ...(m.sqlProfile.length > 0
      ? ['  SQL profile (instrumented run: rank only, figures above are slower by the instrumentation):']
      : []),
    ...m.sqlProfile.map((line) => `    ${line}`),
  ];
}

function printReport(results: readonly Measurement[]) {
  const lines = [
    `Simulated campaign of ${int(LEADS)} leads through the full engine (DESIGN §8) — ${today()}`,
    'method: leads generated in the benchmark and added through CampaignCommands.addLeads (timed apart);',
    '        the campaign is started, then runSimulation drives the dialer, the SQLite store and the simulator',
    '        on the virtual clock until the campaign completes; figure = calls made / wall time of that run.',
    '        Window 00:00–24:00 every day, maxConcurrentCalls 100, caller id 100 calls/s, maxRetries 3,',
    '        interval 10 min, onVoicemail on, simulator default outcome rates, seed 7; each variant in its',
    '        own process.',
    ...(results[0]?.machine ?? []),
    '',
  ];
  for (const m of results) lines.push(...describe(m), '');
  console.log(lines.join('\n'));
}

async function main() {
  if (VARIANT === 'both') {
    const results: Measurement[] = [];
    for (const variant of ['file', 'memory'] as const) results.push(await measureInChild(variant));
    printReport(results);
    return;
  }
  if (VARIANT !== 'file' && VARIANT !== 'memory') throw new Error(`--variant must be file, memory or both`);
  const result = await measure(VARIANT);
  if (process.send) process.send(result, undefined, {}, () => process.disconnect());
  else printReport([result]);
}

await main();
