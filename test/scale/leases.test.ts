/**
 * Leases and reconciliation across workers on PostgreSQL (DESIGN §2.7, §2.10.1, §4): two workers' dialers and
 * heartbeats, each on its own connection pool, on one schema and one virtual clock. A live worker keeps its
 * leases however slow its provider; a dead one's run out, and the other worker reconciles its calls — an attempt
 * of unknown outcome counts as failed and is never sent again, a call silent past maxCallMinutes + 5 minutes is
 * settled with what the provider says.
 */
import { afterEach, expect, it } from 'vitest';
import { createVirtualClock, type VirtualClock } from '../../src/engine/clock/virtual-clock.js';
import { createDialer, type Dialer } from '../../src/engine/dialer/dialer.js';
import { createWorkerHeartbeat, type WorkerHeartbeat } from '../../src/engine/dialer/worker-heartbeat.js';
import { createIdSource } from '../../src/engine/ids/id-source.js';
import type { CallProvider } from '../../src/engine/ports/call-provider.js';
import type { PostgresStores } from '../../src/store/postgres/open-postgres.js';
import { BUSY, createScriptedProvider } from '../support/scripted-provider.js';
import { describePostgres, openTestStores, truncateSchema, useTestSchema } from '../support/postgres.js';
import {
  CAMPAIGN_ID,
  MINUTE,
  SECOND,
  T0,
  leadId,
  newLead,
  startCampaign,
} from '../store-conformance/fixtures.js';

const LEASE_MS = 30 * SECOND;
const BEAT_MS = 10 * SECOND;
/** The fixture assistant's maxCallMinutes (30) plus DESIGN §2.7's 5 minutes. */
const SILENT_AFTER_MS = 35 * MINUTE;

interface Worker {
  readonly stores: PostgresStores;
  readonly dialer: Dialer;
  readonly heartbeat: WorkerHeartbeat;
}

describePostgres('leases across workers', () => {
  const { schema, ready } = useTestSchema(import.meta.filename);
  const opened: PostgresStores[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((s) => s.close()));
  });

  /** A worker: its dialer, and its heartbeat keeping the calls the dialer works on. */
  async function worker(name: string, clock: VirtualClock, provider: CallProvider): Promise<Worker> {
    const stores = await openTestStores(schema, name);
    opened.push(stores);
    const ids = createIdSource({ now: () => clock.now(), random: Math.random });
    const dialer = createDialer({
      store: stores.store,
      clock,
      providers: new Map([[provider.name, provider]]),
      ids,
      workerId: name,
      options: { dialLeaseMs: LEASE_MS },
    });
    const heartbeat = createWorkerHeartbeat({
      coordination: stores.coordination,
      clock,
      wallClock: () => Date.now(),
      workerId: name,
      description: name,
      activeCalls: () => dialer.activeCallIds(),
      options: { intervalMs: BEAT_MS, leaseMs: LEASE_MS },
      report: () => undefined,
      afterBeat: () => dialer.wake(),
    });
    return { stores, dialer, heartbeat };
  }

  async function world() {
    await ready();
    await truncateSchema(schema);
    const setup = await openTestStores(schema, 'setup');
    await startCampaign(setup.store, [newLead(1)]);
    await setup.close();
  }

  const callsOf = (w: Worker) => w.stores.store.listCalls(CAMPAIGN_ID, { after: null, limit: 100 });

  it('keep a slow worker its attempt while it beats; once it dies, another reconciles it and never resends it', async () => {
    await world();
    const clock = createVirtualClock(T0);
    // Worker A claims the attempt and is asking its provider, which takes ages: only its heartbeat runs, for
    // the call it is placing (the virtual clock cannot wait on a provider that hangs, so A's dialer is not run).
    const a = await openTestStores(schema, 'worker_a');
    opened.push(a);
    const claim = await a.store.claimAttempts({
      campaignId: CAMPAIGN_ID,
      now: T0,
      workerId: 'worker_a',
      leaseMs: LEASE_MS,
      maxClaims: 10,
      newCallId: () => 'call_a',
    });
    expect(claim.attempts.map((x) => x.request.idempotencyKey)).toEqual([`${leadId(1)}:ct_0001_0:1`]);
    const beatA = createWorkerHeartbeat({
      coordination: a.coordination,
      clock,
      wallClock: () => Date.now(),
      workerId: 'worker_a',
      description: 'worker_a',
      activeCalls: () => ['call_a'],
      options: { intervalMs: BEAT_MS, leaseMs: LEASE_MS },
      report: () => undefined,
    });
    beatA.start();

    const answering = createScriptedProvider(clock, () => ({ steps: BUSY }));
    const b = await worker('worker_b', clock, answering);
    b.heartbeat.start();
    b.dialer.start();
    // Ten leases long: A's beats keep its attempt; B reconciles nothing and dials nothing.
    await clock.runUntil(T0 + 10 * LEASE_MS);
    expect(await callsOf(b)).toMatchObject([{ id: 'call_a', phase: 'dialing', status: 'initiated' }]);
    expect(answering.placed).toEqual([]);

    // A dies: no more beats. Within a lease and a beat, B finds the lease run out and settles the attempt.
    await beatA.stop();
    const died = clock.now();
    await clock.runUntil(died + LEASE_MS + BEAT_MS + SECOND);
    const [first] = await callsOf(b);
    expect(first).toMatchObject({ status: 'failed', failureReason: 'unknown_outcome', phase: 'settled' });
    expect(first!.endedAt! - died).toBeLessThanOrEqual(LEASE_MS + BEAT_MS);

    // The next round (60 minutes on) is B's, as attempt 2: attempt 1's key is never sent again.
    await clock.runUntil(first!.endedAt! + 61 * MINUTE);
    expect(answering.placed.map((r) => r.idempotencyKey)).toEqual([`${leadId(1)}:ct_0001_0:2`]);
    const workers = await b.stores.coordination.listWorkers();
    expect(workers.map((w) => [w.id, w.stoppedAt === null])).toEqual(
      expect.arrayContaining([
        ['worker_a', false],
        ['worker_b', true],
      ]),
    );
    await b.heartbeat.stop();
    await b.dialer.stop();
  });

  it('do not keep an attempt whose placement was ambiguous, even while its worker beats', async () => {
    await world();
    const clock = createVirtualClock(T0);
    const timeout = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    const ambiguous = createScriptedProvider(clock, (_, index) =>
      index === 0 ? { reject: timeout } : { steps: BUSY },
    );
    const a = await worker('worker_a', clock, ambiguous);
    a.heartbeat.start();
    a.dialer.start();
    await clock.runUntil(T0 + LEASE_MS + BEAT_MS + SECOND);
    expect(await callsOf(a)).toMatchObject([{ status: 'failed', failureReason: 'unknown_outcome' }]);
    expect(ambiguous.placed).toHaveLength(1);
    await a.heartbeat.stop();
    await a.dialer.stop();
  });

  it("settle a dead worker's call in flight after maxCallMinutes + 5 minutes, with what the provider reports", async () => {
    await world();
    const clock = createVirtualClock(T0);
    // A places the call; its events would come in-process, and A dies before any does.
    const silent = createScriptedProvider(clock, () => ({ steps: [] }));
    const a = await worker('worker_a', clock, silent);
    a.heartbeat.start();
    a.dialer.start();
    await clock.runUntil(T0 + SECOND);
    await a.heartbeat.stop();
    await a.dialer.stop();
    expect(await callsOf(a)).toMatchObject([{ phase: 'in_flight', status: 'initiated' }]);

    // B's provider knows the call ended: answered at T0 + 10 s, 90 s of talk.
    const knowing = createScriptedProvider(
      clock,
      () => ({ steps: BUSY }),
      () => ({
        status: 'completed',
        answeredBy: 'human',
        answeredAt: T0 + 10 * SECOND,
        endedAt: T0 + 100 * SECOND,
        billedSeconds: 90,
        failureReason: null,
      }),
    );
    const b = await worker('worker_b', clock, knowing);
    b.heartbeat.start();
    b.dialer.start();
    await clock.runUntil(T0 + SILENT_AFTER_MS - SECOND);
    expect(await callsOf(b)).toMatchObject([{ phase: 'in_flight' }]);
    await clock.runUntil(T0 + SILENT_AFTER_MS + BEAT_MS + SECOND);
    expect(await callsOf(b)).toMatchObject([
      { status: 'completed', answeredBy: 'human', billedSeconds: 90, costMinor: 15, phase: 'settled' },
    ]);
    expect((await b.stores.store.getLead(leadId(1)))!.lead.status).toBe('completed');
    expect((await b.stores.store.campaignReport(CAMPAIGN_ID)).inFlight).toBe(0);
    await b.heartbeat.stop();
    await b.dialer.stop();
  });
});
