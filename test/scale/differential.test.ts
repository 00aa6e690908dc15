/**
 * The PostgreSQL store behaves exactly as the SQLite store (DESIGN §5: one set of rules, two dialects): random
 * campaigns run through the same engine on the same virtual clock and simulator seed, once on each store, must
 * make the same calls at the same instants with the same outcomes, costs and lead statuses, and write the same
 * events; the PostgreSQL run is then checked by the independent checker of DESIGN §2.10.
 *
 * Replay a failing case with the seed and path fast-check prints:
 *   DIFF_SEED=<seed> DIFF_PATH=<path> npx vitest run test/scale/differential.test.ts
 */
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { parseScenario, type Scenario } from '../../src/cli/simulate/scenario.js';
import { setUpScenario } from '../../src/cli/simulate/set-up-scenario.js';
import { composeSimulationEngine } from '../../src/cli/simulate/simulation-engine.js';
import { createVirtualClock } from '../../src/engine/clock/virtual-clock.js';
import type { Store } from '../../src/engine/ports/store.js';
import { runSimulation } from '../../src/engine/simulation/run-simulation.js';
import { createSqliteStore, openSqliteDatabase } from '../../src/store/sqlite/sqlite-store.js';
import { checkGuaranteeTables } from '../guarantees/check-guarantees.js';
import { describePostgres, openTestStores, truncateSchema, useTestSchema } from '../support/postgres.js';
import { readGuaranteeTables } from './postgres-guarantees.js';

const DAY = 24 * 60 * 60_000;
const RUNS = Number(process.env.DIFF_RUNS ?? 6);
const replay =
  process.env.DIFF_SEED === undefined
    ? {}
    : {
        seed: Number(process.env.DIFF_SEED),
        ...(process.env.DIFF_PATH ? { path: process.env.DIFF_PATH } : {}),
      };

const magic = (xy: number, area: string) => `+1${area}55501${String(xy).padStart(2, '0')}`;
const AREAS = ['212', '415', '646', '305', '312'];

const caseArb = fc.record({
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  start: fc.constantFrom(
    '2026-03-06T16:30:00-05:00',
    '2026-03-02T08:50:00-05:00',
    '2026-11-01T00:30:00-04:00',
  ),
  maxRetries: fc.integer({ min: 1, max: 3 }),
  intervalMinutes: fc.constantFrom(10, 60, 600),
  untilGoal: fc.boolean(),
  maxConcurrentCalls: fc.integer({ min: 1, max: 4 }),
  callsPerSecond: fc.integer({ min: 1, max: 3 }),
  leads: fc.array(
    fc.array(
      fc.oneof(
        fc.tuple(fc.integer({ min: 0, max: 8 }), fc.constantFrom(...AREAS)).map(([xy, a]) => magic(xy, a)),
        fc.integer({ min: 2_000_000, max: 9_999_999 }).map((n) => `+1718${n}`),
      ),
      { minLength: 1, maxLength: 2 },
    ),
    { minLength: 1, maxLength: 8 },
  ),
});
type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

function scenarioOf(c: Case): Scenario {
  const parsed = parseScenario({
    start: c.start,
    assistant: { maxCallMinutes: 5, callsPerSecond: c.callsPerSecond },
    campaign: {
      name: 'Differential',
      retry: { maxRetries: c.maxRetries, intervalMinutes: c.intervalMinutes, untilGoal: c.untilGoal },
      goal: { variable: 'appointment_booked' },
      maxConcurrentCalls: c.maxConcurrentCalls,
    },
    simulator: { seed: c.seed },
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  return parsed.value;
}

/** Runs the case's campaign on `store` to its end; returns what a user can see of it, through the port. */
async function runOn(store: Store, c: Case) {
  const scenario = scenarioOf(c);
  const clock = createVirtualClock(scenario.start);
  const { ids, dialer, commands } = composeSimulationEngine(store, clock, scenario.simulator);
  const campaignId = await setUpScenario(store, ids, scenario);
  // Numbers repeated across leads are duplicates on both stores alike.
  await commands.addLeads(
    campaignId,
    c.leads.map((phones, i) => ({ name: `Lead ${i}`, externalId: null, fields: {}, phones })),
  );
  await commands.start(campaignId);
  dialer.start();
  await runSimulation({ clock, store, campaignId, until: scenario.start + 20 * DAY });
  await dialer.stop();
  const calls = await store.listCalls(campaignId, { after: null, limit: 10_000 });
  const leads = await store.listLeads(campaignId, { status: null, after: null, limit: 10_000 });
  const events = await store.listEvents({ campaignId, after: 0, limit: 100_000 });
  return {
    campaign: await store.getCampaign(campaignId),
    calls,
    leads,
    events: events.map((e) => ({ type: e.type, payload: e.payload, createdAt: e.createdAt })),
    report: await store.campaignReport(campaignId),
  };
}

describePostgres('PostgreSQL and SQLite, side by side', () => {
  const { schema, ready } = useTestSchema(import.meta.filename);

  it('run the same campaigns to the same calls, events and money', async () => {
    await ready();
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        const sqlite = createSqliteStore(openSqliteDatabase(':memory:'));
        const expected = await runOn(sqlite, c);
        await sqlite.close();
        // Every case reaches its window within the horizon: the comparison is never of two empty runs.
        expect(expected.calls.length).toBeGreaterThan(0);
        await truncateSchema(schema);
        const stores = await openTestStores(schema, 'differential');
        try {
          const actual = await runOn(stores.store, c);
          expect(actual).toEqual(expected);
        } finally {
          await stores.close();
        }
        expect(checkGuaranteeTables(await readGuaranteeTables(schema))).toEqual([]);
      }),
      { numRuns: RUNS, ...replay },
    );
  }, 240_000);
});
