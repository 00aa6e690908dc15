import { describe, expect, it } from 'vitest';
import { createVirtualClock } from '../clock/virtual-clock.js';
import type { Heartbeat, WorkerCoordination } from '../ports/coordination.js';
import { createWorkerHeartbeat, type HeartbeatReport } from './worker-heartbeat.js';

const T0 = Date.parse('2026-03-02T09:00:00Z');

/** A coordination that records beats and answers with a database clock `offsetMs` ahead of the wall clock. */
function fakeCoordination(offset: { ms: number }, wall: () => number) {
  const beats: Heartbeat[] = [];
  const retired: string[] = [];
  const coordination: WorkerCoordination = {
    capabilities: { crossProcessSignals: true, databaseClock: true },
    heartbeat: (beat) => {
      beats.push(beat);
      return Promise.resolve({ databaseNow: wall() + offset.ms, leasesExtended: 0 });
    },
    retire: (workerId) => {
      retired.push(workerId);
      return Promise.resolve();
    },
    subscribe: () => Promise.resolve(),
    listWorkers: () => Promise.resolve([]),
    close: () => Promise.resolve(),
  };
  return { coordination, beats, retired };
}

describe('worker heartbeat', () => {
  it('beats at once and every interval, extending leases by leaseMs, and retires on stop', async () => {
    const clock = createVirtualClock(T0);
    const { coordination, beats, retired } = fakeCoordination({ ms: 0 }, () => clock.now());
    let looks = 0;
    const heartbeat = createWorkerHeartbeat({
      coordination,
      clock,
      wallClock: () => clock.now(),
      workerId: 'worker_a',
      description: 'test',
      activeCalls: () => ['call_1'],
      options: { intervalMs: 10_000, leaseMs: 30_000 },
      report: () => undefined,
      afterBeat: () => (looks += 1),
    });
    heartbeat.start();
    await clock.runUntil(T0 + 25_000);
    expect(beats.map((b) => [b.now - T0, b.leaseMs, b.callIds])).toEqual([
      [0, 30_000, ['call_1']],
      [10_000, 30_000, ['call_1']],
      [20_000, 30_000, ['call_1']],
    ]);
    expect(looks).toBe(3);
    await heartbeat.stop();
    await clock.runUntil(T0 + 60_000);
    expect(beats).toHaveLength(3);
    expect(retired).toEqual(['worker_a']);
  });

  it('reports skew once when it goes beyond the tolerance and once when it is back within', async () => {
    const clock = createVirtualClock(T0);
    const offset = { ms: 0 };
    const { coordination, beats } = fakeCoordination(offset, () => clock.now());
    const reports: HeartbeatReport[] = [];
    const heartbeat = createWorkerHeartbeat({
      coordination,
      clock,
      wallClock: () => clock.now(),
      workerId: 'worker_a',
      description: 'test',
      activeCalls: () => [],
      options: { intervalMs: 1_000, skewToleranceMs: 500 },
      report: (r) => reports.push(r),
    });
    heartbeat.start();
    await clock.runUntil(T0 + 1_500);
    offset.ms = -2_000;
    await clock.runUntil(T0 + 4_500);
    expect(heartbeat.lastSkew()).toEqual({ skewMs: -2_000, uncertaintyMs: 0 });
    offset.ms = 100;
    await clock.runUntil(T0 + 6_500);
    expect(reports).toEqual([
      { kind: 'skew', skew: { skewMs: -2_000, uncertaintyMs: 0 }, toleranceMs: 500 },
      { kind: 'skew_resolved', skew: { skewMs: 100, uncertaintyMs: 0 } },
    ]);
    // The skew measured is stored with the next beat, for operators.
    expect(beats.at(-1)?.skewMs).toBe(100);
    await heartbeat.stop();
  });
});
