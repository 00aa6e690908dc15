/**
 * DESIGN §2.10 guarantees 1 and 3 across crashes: `callwright simulate --db FILE` is killed with SIGKILL at
 * random moments, rerun on the same file (which resumes the simulation), and finally run to completion. After
 * every kill and at the end the database must satisfy every guarantee; at the end the campaign is completed, no
 * lead is lost and no idempotency key appears twice.
 *
 * Runs the built CLI (`npm test` builds it first). The kill delays come from a seeded generator; the seed is
 * printed and can be replayed with CRASH_SEED=<seed>.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/cli/simulate/scenario.js';
import { setUpScenario } from '../../src/cli/simulate/set-up-scenario.js';
import { createSeededRandom } from '../../src/domain/seeded-random.js';
import { createVirtualClock } from '../../src/engine/clock/virtual-clock.js';
import { createIdSource } from '../../src/engine/ids/id-source.js';
import { createCampaignCommands } from '../../src/engine/use-cases/campaign-commands.js';
import { importLeads } from '../../src/cli/simulate/scenario-files.js';
import { createSqliteStore, openSqliteDatabase } from '../../src/store/sqlite/sqlite-store.js';
import { checkGuarantees } from './check-guarantees.js';
import { CRASH_SCENARIO, crashLeadsCsv } from './crash-fixture.js';

const CLI = resolve(import.meta.dirname, '../../dist/src/cli/main.js');
const KILLS = 8;
const LEADS = 400;
const SEED = Number(process.env.CRASH_SEED ?? Math.floor(Math.random() * 2 ** 32));

interface Outcome {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

function runCli(args: readonly string[], killAfterMs: number | null, timeoutMs = 40_000): Promise<Outcome> {
  return new Promise((done, fail) => {
    const began = performance.now();
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const killer = killAfterMs === null ? null : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    const guard = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', fail);
    child.on('close', (code, signal) => {
      if (killer) clearTimeout(killer);
      clearTimeout(guard);
      done({ code, signal, stdout, stderr, ms: Math.round(performance.now() - began) });
    });
  });
}

/**
 * Opens a database a killed process left behind, to read it. A kill during the very first transactions can leave
 * a hot rollback journal that a read-only connection may not roll back; a normal connection then recovers it (as
 * the next CLI run would), and only SELECTs are run on it.
 */
function openForReading(dbPath: string): Database.Database {
  const readonly = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    readonly.prepare('SELECT count(*) FROM sqlite_master').get();
    return readonly;
  } catch {
    readonly.close();
    return new Database(dbPath, { fileMustExist: true });
  }
}

/** What the database holds right now (read-only), or null before the CLI created it. */
function inspect(dbPath: string) {
  if (!existsSync(dbPath)) return null;
  const db = openForReading(dbPath);
  try {
    const hasSchema = db
      .prepare<[], { n: number }>("SELECT count(*) AS n FROM sqlite_master WHERE name = 'campaigns'")
      .get()!.n;
    if (hasSchema === 0) return { campaign: null, leads: 0, calls: 0, violations: [] as string[] };
    const campaign = db.prepare<[], { status: string }>('SELECT status FROM campaigns').get() ?? null;
    const leads = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM leads').get()!.n;
    const calls = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM calls').get()!.n;
    return {
      campaign: campaign?.status ?? null,
      leads,
      calls,
      violations: campaign ? checkGuarantees(db) : [],
    };
  } finally {
    db.close();
  }
}

/** A temporary directory with the scenario and the leads CSV; `args` runs the CLI on `campaign.db` in it. */
function workspace() {
  const dir = mkdtempSync(join(tmpdir(), 'callwright-crash-'));
  const scenarioPath = join(dir, 's.json');
  const leadsPath = join(dir, 'leads.csv');
  writeFileSync(scenarioPath, JSON.stringify(CRASH_SCENARIO, null, 2));
  writeFileSync(leadsPath, crashLeadsCsv(SEED, LEADS));
  const dbPath = join(dir, 'campaign.db');
  const args = ['simulate', '--scenario', scenarioPath, '--leads', leadsPath, '--json', '--db', dbPath];
  return { dir, scenarioPath, leadsPath, dbPath, args };
}
type Workspace = ReturnType<typeof workspace>;

/** Asserts the finished campaign: every guarantee, completed, every CSV lead there, no key twice, none open. */
function expectFinished(ws: Workspace, context: string, log: string[]) {
  const db = new Database(ws.dbPath, { readonly: true });
  try {
    const reasons = db
      .prepare<[], { reason: string; n: number }>(
        'SELECT coalesce(failure_reason, status) AS reason, count(*) AS n FROM calls GROUP BY 1 ORDER BY 1',
      )
      .all();
    log.push(`calls by outcome: ${reasons.map((r) => `${r.reason} ${r.n}`).join(', ')}`);
    const campaign = db.prepare<[], { status: string }>('SELECT status FROM campaigns').get();
    const leads = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM leads').get()!.n;
    expect(leads, `every lead of the CSV is in the campaign ${context}`).toBe(LEADS);
    expect(checkGuarantees(db), context).toEqual([]);
    expect(campaign?.status, context).toBe('completed');
    const repeated = db
      .prepare<[], { key: string; n: number }>(
        'SELECT idempotency_key AS key, count(*) AS n FROM calls GROUP BY idempotency_key HAVING n > 1',
      )
      .all();
    expect(repeated, context).toEqual([]);
    const open = db
      .prepare<[], { n: number }>(
        "SELECT count(*) AS n FROM leads WHERE status NOT IN ('completed', 'max_retries')",
      )
      .get()!.n;
    expect(open, context).toBe(0);
  } finally {
    db.close();
  }
}

/**
 * How long the rest of the campaign takes on this machine right now, and how many calls it ends with: the
 * workspace's database as it is, copied, run to the end without a kill.
 */
async function timeUninterruptedRun(ws: Workspace): Promise<{ ms: number; calls: number }> {
  const copy = join(ws.dir, 'calibration.db');
  for (const suffix of ['', '-wal']) {
    if (existsSync(ws.dbPath + suffix)) copyFileSync(ws.dbPath + suffix, copy + suffix);
  }
  const run = await runCli([...ws.args.slice(0, -1), copy], null);
  expect(run.code, run.stderr).toBe(0);
  return { ms: run.ms, calls: inspect(copy)!.calls };
}

/**
 * Kills the CLI `KILLS` times after seeded random delays (checking the guarantees on the database after each
 * kill), then runs it to the end and checks the finished campaign.
 */
async function killRepeatedlyThenFinish(ws: Workspace, seed: number, log: string[]) {
  const random = createSeededRandom(seed);
  const context = `(CRASH_SEED=${SEED}, files in ${ws.dir})`;
  let midRun = 0;
  // Delays fall inside the run as it goes on this machine now: fixed delays would land after its end on a fast
  // machine, or before it began on a loaded one, and the test would prove nothing. Each kill falls in the first
  // 80 % of what is left, judged by the calls made so far.
  const startup = (await runCli(['help'], null)).ms;
  const whole = await timeUninterruptedRun(ws);
  log.push(`the CLI starts in ${startup} ms; the rest of the run takes ${whole.ms} ms, ${whole.calls} calls`);
  for (let i = 0; i < KILLS; i++) {
    const left = 1 - (inspect(ws.dbPath)?.calls ?? 0) / whole.calls;
    const delay = Math.round(startup + (random.int(0, 800) / 1000) * left * Math.max(0, whole.ms - startup));
    const outcome = await runCli(ws.args, delay);
    const state = inspect(ws.dbPath);
    log.push(
      `kill ${i + 1} after ${delay} ms: ${outcome.signal ?? `exit ${outcome.code}`}; campaign ${state?.campaign ?? '—'}, ${state?.leads ?? 0} leads, ${state?.calls ?? 0} calls`,
    );
    if (outcome.signal === null && outcome.code !== 0) {
      throw new Error(`the CLI failed on its own (exit ${outcome.code}):\n${outcome.stderr}`);
    }
    if (state?.campaign === 'active' && state.calls > 0 && outcome.signal !== null) midRun += 1;
    expect(state?.violations ?? [], `after kill ${i + 1} ${context}`).toEqual([]);
  }
  const final = await runCli(ws.args, null);
  log.push(`final run: exit ${final.code}, ${final.ms} ms`);
  expect(final.code, `${final.stderr} ${context}`).toBe(0);
  expectFinished(ws, context, log);
  // The test proves something only if kills landed while calls were being made.
  expect(midRun, `kills that landed mid-run ${context}`).toBeGreaterThanOrEqual(2);
}

/**
 * Leaves the database exactly as a SIGKILL leaves it at a point of the CLI's set-up: the CLI's own steps
 * (`setUpScenario`, then the leads import, then `start`), each its own committed transaction, run in process up
 * to `stage`.
 */
async function interruptSetUp(ws: Workspace, stage: 'set_up' | 'imported') {
  const parsed = parseScenario(CRASH_SCENARIO);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  const scenario = parsed.value;
  const store = createSqliteStore(openSqliteDatabase(ws.dbPath));
  try {
    const clock = createVirtualClock(scenario.start);
    const random = createSeededRandom(`${scenario.simulator.seed}:${clock.now()}`);
    const ids = createIdSource({ now: () => clock.now(), random: () => random.next() });
    const commands = createCampaignCommands({
      store,
      clock,
      ids,
      providers: new Map(),
      dialer: { wake() {} },
    });
    const campaignId = await setUpScenario(store, ids, scenario);
    if (stage === 'imported') {
      await importLeads(ws.leadsPath, scenario, (batch) => commands.addLeads(campaignId, batch));
    }
  } finally {
    await store.close();
  }
}

describe('crash and resume (callwright simulate --db)', () => {
  beforeAll(() => {
    if (!existsSync(CLI)) {
      throw new Error(
        `${CLI} is missing: run \`npm run build\` first (\`npm test\` builds before running vitest)`,
      );
    }
  });

  /** Runs `body` in a fresh workspace; prints the log, and keeps the files when it fails. */
  const withWorkspace = async (name: string, body: (ws: Workspace, log: string[]) => Promise<void>) => {
    const ws = workspace();
    const log: string[] = [];
    try {
      await body(ws, log);
      console.info(`[crash] ${name} (CRASH_SEED=${SEED})\n  ${log.join('\n  ')}`);
      rmSync(ws.dir, { recursive: true, force: true });
    } catch (error) {
      console.error(
        `[crash] ${name} FAILED (CRASH_SEED=${SEED}, files kept in ${ws.dir})\n  ${log.join('\n  ')}`,
      );
      throw error;
    }
  };

  it('loses nothing and dials nothing twice when killed at random moments from the very start', async () => {
    await withWorkspace('from the start', (ws, log) => killRepeatedlyThenFinish(ws, SEED, log));
  });

  it('loses nothing and dials nothing twice when killed at random moments mid-campaign', async () => {
    await withWorkspace('mid-campaign', async (ws, log) => {
      // A first, uninterrupted run sets the campaign up and makes its first calls (two virtual hours).
      const until = new Date(Date.parse(CRASH_SCENARIO.start) + 2 * 3_600_000).toISOString();
      const first = await runCli([...ws.args, '--until', until], null);
      log.push(`first run to ${until}: exit ${first.code}, ${first.ms} ms`);
      expect(first.code, first.stderr).toBe(0);
      await killRepeatedlyThenFinish(ws, SEED + 1, log);
    });
  });

  it('finishes the campaign after a crash between the leads import and the start', async () => {
    await withWorkspace('crash before start', async (ws, log) => {
      await interruptSetUp(ws, 'imported');
      const run = await runCli(ws.args, null);
      log.push(`rerun: exit ${run.code}, ${run.ms} ms`);
      expect(run.code, run.stderr).toBe(0);
      expectFinished(ws, `(files in ${ws.dir})`, log);
    });
  });

  it('imports the leads and finishes after a crash between the set-up and the leads import', async () => {
    await withWorkspace('crash before import', async (ws, log) => {
      await interruptSetUp(ws, 'set_up');
      const run = await runCli(ws.args, null);
      log.push(`rerun: exit ${run.code}, ${run.ms} ms`);
      expect(run.code, run.stderr).toBe(0);
      expectFinished(ws, `(files in ${ws.dir})`, log);
    });
  });
});
