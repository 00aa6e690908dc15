/**
 * The limits of DESIGN §2.8–§2.9 hold across workers because they are counted in the database: several processes'
 * claims at the same instant, each on its own connection pool, together never take more than the campaign's
 * concurrency, the caller id's calls per second, or the balance's headroom allow.
 */
import { afterEach, expect, it } from 'vitest';
import type { PostgresStores } from '../../src/store/postgres/open-postgres.js';
import {
  CAMPAIGN_ID,
  MINUTE_COST,
  T0,
  newLeads,
  startCampaign,
  type WorldOptions,
} from '../store-conformance/fixtures.js';
import { describePostgres, openTestStores, truncateSchema, useTestSchema } from '../support/postgres.js';

const WORKERS = 4;

describePostgres('limits shared by workers on PostgreSQL', () => {
  const { schema, ready } = useTestSchema(import.meta.filename);
  const opened: PostgresStores[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((s) => s.close()));
  });

  /** A started campaign of 40 leads with `options`, then one claim by each of four workers at once. */
  async function claimAtOnce(options: WorldOptions) {
    await ready();
    await truncateSchema(schema);
    const workers = await Promise.all(
      Array.from({ length: WORKERS }, async (_, i) => {
        const stores = await openTestStores(schema, `worker_${i}`);
        opened.push(stores);
        return stores;
      }),
    );
    await startCampaign(workers[0]!.store, newLeads(40), options);
    let calls = 0;
    const claims = await Promise.all(
      workers.map((w, i) =>
        w.store.claimAttempts({
          campaignId: CAMPAIGN_ID,
          now: T0,
          workerId: `worker_${i}`,
          leaseMs: 30_000,
          maxClaims: 10,
          newCallId: () => `call_${i}_${(calls += 1)}`,
        }),
      ),
    );
    const taken = claims.flatMap((c) => c.attempts.map((a) => a.leadId));
    expect(new Set(taken).size, 'no lead is taken twice').toBe(taken.length);
    return {
      taken: taken.length,
      report: await workers[0]!.store.campaignReport(CAMPAIGN_ID),
      store: workers[0]!.store,
    };
  }

  it('never go over maxConcurrentCalls together', async () => {
    const { taken, report } = await claimAtOnce({ settings: { maxConcurrentCalls: 7 }, callsPerSecond: 100 });
    expect(taken).toBe(7);
    expect(report.inFlight).toBe(7);
  });

  it("never go over the caller id's calls per second together", async () => {
    const { taken } = await claimAtOnce({ settings: { maxConcurrentCalls: 100 }, callsPerSecond: 3 });
    expect(taken).toBe(3);
  });

  it("never reserve more than the balance's headroom together", async () => {
    const { taken, store } = await claimAtOnce({
      settings: { maxConcurrentCalls: 100 },
      callsPerSecond: 100,
      balanceMinor: 5 * MINUTE_COST + 3,
      minimumStartBalanceMinor: 0,
    });
    expect(taken).toBe(5);
    const account = (await store.getAccount((await store.getCampaign(CAMPAIGN_ID))!.accountId))!;
    expect(account.reservedMinor).toBe(5 * MINUTE_COST);
  });
});
