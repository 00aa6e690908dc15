/**
 * Runs a scenario through the real engine, composed exactly as `callwright simulate` composes it (SQLite store,
 * virtual clock, simulator provider, dialer, campaign commands, `runSimulation`), on a file-backed SQLite
 * database in a fresh temporary directory. No engine logic lives here: only the wiring, and leads are added
 * through the campaign commands instead of read from a CSV.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type { Scenario } from '../../src/cli/simulate/scenario.js';
import { setUpScenario } from '../../src/cli/simulate/set-up-scenario.js';
import { createVirtualClock, type VirtualClock } from '../../src/engine/clock/virtual-clock.js';
import type { CallProvider } from '../../src/engine/ports/call-provider.js';
import type { CampaignTransitionOutcome } from '../../src/engine/ports/store.js';
import { runSimulation } from '../../src/engine/simulation/run-simulation.js';
import type { CampaignCommands } from '../../src/engine/use-cases/campaign-commands.js';
import { composeVirtualEngine } from '../../src/cli/simulate/simulation-engine.js';
import { createSimulatorProvider } from '../../src/providers/simulator/simulator-provider.js';
import { createSqliteStore, openSqliteDatabase } from '../../src/store/sqlite/sqlite-store.js';

export interface EngineLead {
  readonly name: string;
  /** E.164 numbers, primary first. */
  readonly phones: readonly string[];
}

/**
 * Why the run stopped: the campaign completed or paused; the horizon came first; or nothing was left to happen
 * while the campaign was still active (`idle`: a stalled engine); `not_started` when `start` was refused.
 */
export type StopReason = 'completed' | 'paused' | 'horizon' | 'idle' | 'not_started';

export interface EngineRun {
  /** The database, still open: read it, then `dispose()`. */
  readonly db: Database.Database;
  readonly campaignId: string;
  readonly dir: string;
  readonly dbPath: string;
  readonly started: CampaignTransitionOutcome;
  readonly stoppedBy: StopReason;
  /** The virtual time the run stopped at. */
  readonly endedAt: number;
  /** Every request the provider got, in order. */
  readonly placements: readonly Placement[];
  /** Closes the database and, unless `keepFiles`, removes the temporary directory. */
  dispose(options?: { keepFiles?: boolean }): void;
}

/** What an intervention may use: the commands a user or the API would call. */
export interface EngineHandles {
  readonly commands: CampaignCommands;
  readonly campaignId: string;
  readonly db: Database.Database;
  /** Lead ids in the order the leads were added. */
  readonly leadIds: () => readonly string[];
}

/** Something a user does at a virtual instant (a pause, a resume, a lead override…), run on the engine's clock. */
export interface Intervention {
  readonly at: number;
  readonly act: (engine: EngineHandles) => Promise<unknown>;
}

/** One request to the provider to place a call. */
export interface Placement {
  readonly idempotencyKey: string;
  /** Virtual time of the request. */
  readonly at: number;
  /** Whether the attempt's row was already committed when the provider was asked (DESIGN §2.10.1). */
  readonly writtenBefore: boolean;
  readonly rowPlacedAt: number | null;
}

/**
 * Whether failed runs keep their database for inspection (GUARANTEES_KEEP=1). Off by default: a failing property
 * fails again on every shrinking step, and each would leave a directory behind.
 */
export const KEEP_FAILED = process.env.GUARANTEES_KEEP === '1';

/** For failure messages: where the database was kept, or how to keep it. */
export function keptOrHow(dbPath: string): string {
  return KEEP_FAILED ? `database kept at ${dbPath}` : 'rerun with GUARANTEES_KEEP=1 to keep the database';
}

export const DEFAULT_HORIZON_MS = 60 * 24 * 60 * 60_000;

export async function runEngine(
  scenario: Scenario,
  leads: readonly EngineLead[],
  options: {
    horizonMs?: number;
    /** A run that does this many tasks at one virtual instant is stuck (it would otherwise hang the test). */
    maxTasksPerInstant?: number;
    interventions?: readonly Intervention[];
  } = {},
): Promise<EngineRun> {
  const dir = mkdtempSync(join(tmpdir(), 'callwright-guarantees-'));
  const dbPath = join(dir, 'campaign.db');
  const db = openSqliteDatabase(dbPath);
  const store = createSqliteStore(db);
  const clock = guardAgainstLivelock(createVirtualClock(scenario.start), options.maxTasksPerInstant ?? 5_000);
  const simulator = createSimulatorProvider({
    clock,
    seed: scenario.simulator.seed,
    outcomes: scenario.simulator.outcomes,
  });
  // The simulator, watched: every request it gets is recorded with what the database held at that moment.
  const placements: Placement[] = [];
  const attemptRow = db.prepare<[string], { placed_at: number }>(
    'SELECT placed_at FROM calls WHERE idempotency_key = ?',
  );
  const watched: CallProvider = {
    name: simulator.name,
    capabilities: simulator.capabilities,
    placeCall(request) {
      const row = attemptRow.get(request.idempotencyKey);
      placements.push({
        idempotencyKey: request.idempotencyKey,
        at: clock.now(),
        writtenBefore: row !== undefined,
        rowPlacedAt: row?.placed_at ?? null,
      });
      return simulator.placeCall(request);
    },
    getCallStatus: (providerCallId) => simulator.getCallStatus(providerCallId),
    subscribe: (listener) => simulator.subscribe!(listener),
  };
  const { ids, dialer, commands } = composeVirtualEngine(store, clock, watched, scenario.simulator.seed);

  const dispose = (disposeOptions: { keepFiles?: boolean } = {}) => {
    if (db.open) db.close();
    if (disposeOptions.keepFiles !== true) rmSync(dir, { recursive: true, force: true });
  };
  try {
    const campaignId = await setUpScenario(store, ids, scenario);
    await commands.addLeads(
      campaignId,
      leads.map((lead) => ({ name: lead.name, externalId: null, fields: {}, phones: lead.phones })),
    );
    const started = await commands.start(campaignId);
    const until = scenario.start + (options.horizonMs ?? DEFAULT_HORIZON_MS);
    const handles: EngineHandles = {
      commands,
      campaignId,
      db,
      leadIds: () =>
        db
          .prepare<[], { id: string }>('SELECT id FROM leads ORDER BY rowid')
          .all()
          .map((row) => row.id),
    };
    let pending = 0;
    for (const intervention of options.interventions ?? []) {
      pending += 1;
      clock.schedule(intervention.at, async () => {
        pending -= 1;
        await intervention.act(handles);
      });
    }
    dialer.start();
    // `runSimulation` returns when the campaign pauses or completes; a pending intervention (a resume, a lead
    // reset) may carry it on, so time moves on to it.
    for (;;) {
      await runSimulation({ clock, store, campaignId, until });
      const next = clock.nextTaskAt();
      if (pending === 0 || next === null || next > until) break;
      await clock.runUntil(next);
    }
    const status = (await store.getCampaign(campaignId))?.status;
    const stoppedBy: StopReason = !started.ok
      ? 'not_started'
      : status === 'completed'
        ? 'completed'
        : status === 'paused'
          ? 'paused'
          : clock.nextTaskAt() === null
            ? 'idle'
            : 'horizon';
    const endedAt = clock.now();
    await dialer.stop();
    return { db, campaignId, dir, dbPath, started, stoppedBy, endedAt, placements, dispose };
  } catch (error) {
    dispose({ keepFiles: KEEP_FAILED });
    throw new Error(`the engine run failed (${keptOrHow(dbPath)})`, { cause: error });
  }
}

/**
 * The virtual clock runs tasks without ever yielding to the event loop, so an engine that keeps scheduling work
 * at the same instant would hang the test process (no timeout can fire). This wrapper counts the tasks run at one
 * instant and fails the run instead.
 */
function guardAgainstLivelock(clock: VirtualClock, limit: number): VirtualClock {
  let instant = Number.NaN;
  let count = 0;
  return {
    ...clock,
    schedule(at, task) {
      return clock.schedule(at, () => {
        const now = clock.now();
        if (now !== instant) {
          instant = now;
          count = 0;
        }
        count += 1;
        if (count > limit) {
          throw new Error(
            `livelock: more than ${limit} tasks ran at the virtual instant ${new Date(now).toISOString()}`,
          );
        }
        return task();
      });
    },
  };
}
