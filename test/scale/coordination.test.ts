/**
 * What processes on one PostgreSQL schema tell each other (DESIGN §4): a change that gives dialers work reaches
 * the other processes as a signal (LISTEN/NOTIFY, a hint), never the process that made it; a heartbeat answers
 * with the server's clock, from which skew is measured.
 */
import { afterEach, expect, it } from 'vitest';
import type { CoordinationSignal } from '../../src/engine/ports/coordination.js';
import type { PostgresStores } from '../../src/store/postgres/open-postgres.js';
import { CAMPAIGN_ID, T0, newLeads, startCampaign } from '../store-conformance/fixtures.js';
import { describePostgres, openTestStores, truncateSchema, useTestSchema } from '../support/postgres.js';

describePostgres('coordination on PostgreSQL', () => {
  const { schema, ready } = useTestSchema(import.meta.filename);
  const opened: PostgresStores[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((s) => s.close()));
  });
  const open = async (origin: string) => {
    const stores = await openTestStores(schema, origin);
    opened.push(stores);
    return stores;
  };

  it('tells the other processes, not the writer, that a campaign has work and that the outbox grew', async () => {
    await ready();
    await truncateSchema(schema);
    const writer = await open('writer');
    const other = await open('other');
    const heard = { writer: [] as CoordinationSignal[], other: [] as CoordinationSignal[] };
    await writer.coordination.subscribe((s) => heard.writer.push(s));
    let wake: (signal: CoordinationSignal) => void = () => undefined;
    const woken = new Promise<CoordinationSignal>((resolve) => (wake = resolve));
    // Listening before anything is written: a NOTIFY sent before LISTEN reaches nobody.
    await other.coordination.subscribe((s) => {
      heard.other.push(s);
      if (s.wakeCampaigns?.includes(CAMPAIGN_ID) && s.outboxGrew) wake(s);
    });
    await startCampaign(writer.store, newLeads(2));
    const signal = await woken;
    expect(signal).toEqual({ wakeCampaigns: [CAMPAIGN_ID], outboxGrew: true });
    // The writer already knows: none of its own signals come back to it. A later signal proves the writer's
    // listener was live: it hears what the other process writes.
    let heardBack: () => void = () => undefined;
    const back = new Promise<void>((resolve) => (heardBack = resolve));
    await writer.coordination.subscribe((s) => {
      heard.writer.push(s);
      heardBack();
    });
    await other.store.transitionCampaign({ campaignId: CAMPAIGN_ID, action: 'pause', now: T0 + 1_000 });
    await back;
    expect(heard.writer).toEqual([{ wakeCampaigns: [CAMPAIGN_ID], outboxGrew: true }]);
  });

  it("answers a heartbeat with the server's clock and lists the worker", async () => {
    await ready();
    await truncateSchema(schema);
    const worker = await open('worker');
    const sentAt = Date.now();
    const reply = await worker.coordination.heartbeat({
      workerId: 'worker_1',
      now: sentAt,
      leaseMs: 30_000,
      callIds: [],
      skewMs: null,
      description: 'worker on test',
    });
    // The server runs on this machine: its clock agrees with ours within the round trip (and a little rounding).
    expect(Math.abs(reply.databaseNow! - sentAt)).toBeLessThan(Date.now() - sentAt + 50);
    expect(await worker.coordination.listWorkers()).toMatchObject([
      { id: 'worker_1', description: 'worker on test', heartbeatAt: sentAt, stoppedAt: null },
    ]);
  });
});
