import { describe, expect, it } from 'vitest';
import { createRealClock } from './real-clock.js';

describe('real clock', () => {
  it('runs a task once its time has come, and reports what a task throws', async () => {
    const errors: unknown[] = [];
    const clock = createRealClock({ onTaskError: (error) => errors.push(error) });
    const due = clock.now() + 20;
    const ranAt = await new Promise<number>((resolve) => {
      clock.schedule(due, () => resolve(clock.now()));
    });
    expect(ranAt).toBeGreaterThanOrEqual(due);

    await new Promise<void>((resolve) => {
      clock.schedule(clock.now(), () => {
        setImmediate(resolve);
        throw new Error('task failed');
      });
    });
    expect(errors).toEqual([new Error('task failed')]);
  });

  it('does not run a cancelled task', async () => {
    const clock = createRealClock({ onTaskError: () => {} });
    let ran = false;
    clock
      .schedule(clock.now() + 5, () => {
        ran = true;
      })
      .cancel();
    // A later task running proves the earlier due time has passed.
    await new Promise<void>((resolve) => clock.schedule(clock.now() + 10, resolve));
    expect(ran).toBe(false);
  });

  it('runs an accelerated timeline: clock time from its start, tasks due in clock time come sooner', async () => {
    const startsAt = Date.parse('2026-03-02T09:00:00Z');
    const origin = Date.now();
    const clock = createRealClock({ onTaskError: () => {}, timeline: { startsAt, origin, speed: 1_000 } });
    expect(clock.now() - startsAt).toBeLessThan(1_000 * 1_000);
    // A minute of clock time is 60 ms of wall time at 1,000×.
    const due = clock.now() + 60_000;
    const wallBefore = Date.now();
    const ranAt = await new Promise<number>((resolve) => {
      clock.schedule(due, () => resolve(clock.now()));
    });
    expect(ranAt).toBeGreaterThanOrEqual(due);
    expect(Date.now() - wallBefore).toBeLessThan(10_000);
  });
});
