import { describe, expect, it } from 'vitest';
import { createVirtualClock } from './virtual-clock.js';

describe('virtual clock', () => {
  it('runs tasks in time order, same-time tasks in scheduling order, and awaits each', async () => {
    const clock = createVirtualClock(0);
    const seen: string[] = [];
    clock.schedule(20, () => void seen.push(`b@${clock.now()}`));
    clock.schedule(10, async () => {
      await Promise.resolve();
      seen.push(`a@${clock.now()}`);
      clock.schedule(10, () => void seen.push(`a2@${clock.now()}`));
    });
    clock.schedule(20, () => void seen.push(`c@${clock.now()}`));
    await clock.runUntil(100);
    expect(seen).toEqual(['a@10', 'a2@10', 'b@20', 'c@20']);
    expect(clock.now()).toBe(100);
  });

  it('never moves time backwards: a task scheduled in the past runs now', async () => {
    const clock = createVirtualClock(50);
    let ranAt = -1;
    clock.schedule(10, () => {
      ranAt = clock.now();
    });
    await clock.runUntilIdle(1000);
    expect(ranAt).toBe(50);
  });

  it('skips cancelled tasks and stops at the limit', async () => {
    const clock = createVirtualClock(0);
    const seen: number[] = [];
    clock.schedule(5, () => void seen.push(5)).cancel();
    clock.schedule(7, () => void seen.push(7));
    clock.schedule(70, () => void seen.push(70));
    expect(await clock.runUntilIdle(50)).toBe(7);
    expect(seen).toEqual([7]);
    expect(clock.nextTaskAt()).toBe(70);
  });

  it('lets a failing task reject the run, so a broken engine is never silent', async () => {
    const clock = createVirtualClock(0);
    clock.schedule(1, () => {
      throw new Error('boom');
    });
    await expect(clock.runUntil(10)).rejects.toThrow('boom');
  });
});
