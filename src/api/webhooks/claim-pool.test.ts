import { describe, expect, it } from 'vitest';
import { runClaimed } from './claim-pool.js';

/**
 * A queue of `total` numbered items, and work on each that finishes only when the test says so (the `failing`
 * item's work fails at once).
 */
function harness(total: number, options: { failing?: number } = {}) {
  let next = 0;
  let peak = 0;
  const claims: number[] = [];
  const pending = new Map<number, () => void>();
  const claim = (room: number) => {
    claims.push(room);
    return Promise.resolve(Array.from({ length: Math.min(room, total - next) }, () => (next += 1)));
  };
  const work = (item: number) =>
    new Promise<void>((resolve, reject) => {
      if (item === options.failing) return reject(new Error('database is locked'));
      pending.set(item, () => {
        pending.delete(item);
        resolve();
      });
      peak = Math.max(peak, pending.size);
    });
  return {
    claims,
    pending,
    peak: () => peak,
    run: (options: { concurrency: number; max: number; keepClaiming?: () => boolean }) =>
      runClaimed({ claim, work, keepClaiming: () => true, ...options }),
    /** Finishes every item under way, then lets the pool react. */
    async finishAll() {
      for (const finish of [...pending.values()]) finish();
      await settle();
    },
  };
}

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('runClaimed', () => {
  it('keeps at most `concurrency` under way and claims only the room that frees up', async () => {
    const h = harness(5);
    const run = h.run({ concurrency: 2, max: 100 });
    await settle();
    expect([...h.pending.keys()]).toEqual([1, 2]);
    h.pending.get(2)!();
    await settle();
    expect([...h.pending.keys()]).toEqual([1, 3]);
    while (h.pending.size > 0) await h.finishAll();
    expect(await run).toBe(5);
    expect(h.peak()).toBe(2);
    // Two at first, then the room freed: one place, then two at once; the last claim comes back empty.
    expect(h.claims).toEqual([2, 1, 2, 2]);
  });

  it('stops claiming at `max` and when told to, and still waits for the work under way', async () => {
    const h = harness(50);
    let keepClaiming = true;
    const run = h.run({ concurrency: 4, max: 6, keepClaiming: () => keepClaiming });
    await settle();
    await h.finishAll();
    expect([...h.pending.keys()]).toEqual([5, 6]);
    keepClaiming = false;
    let finished = false;
    void run.then(() => (finished = true));
    await settle();
    expect(finished).toBe(false);
    await h.finishAll();
    expect(await run).toBe(6);
  });

  it('rejects with the first failure once everything under way has finished', async () => {
    const h = harness(3, { failing: 1 });
    const run = h.run({ concurrency: 3, max: 100 });
    let settled = false;
    run.catch(() => (settled = true));
    await settle();
    expect(settled).toBe(false);
    await h.finishAll();
    await expect(run).rejects.toThrow('database is locked');
    // Nothing more was claimed after the failure, though there was room.
    expect(h.claims).toEqual([3]);
  });
});
