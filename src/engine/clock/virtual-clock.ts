import type { Clock, ScheduledTask, TimerHandle } from '../ports/clock.js';
import { createTimerQueue } from './timer-queue.js';

/**
 * A clock whose time moves only when told to: the engine on it is a discrete-event simulation (DESIGN §3).
 * `runUntil(t)` runs every task due up to `t` in time order (ties in scheduling order), awaiting each one, so
 * work a task starts (and the timers it schedules) is finished before time moves on.
 */
export interface VirtualClock extends Clock {
  /** Runs every task due at or before `until`, then leaves `now()` at `until`. */
  runUntil(until: number): Promise<void>;
  /** Runs tasks until none is left or the next one is after `limit`; returns the time reached. */
  runUntilIdle(limit: number): Promise<number>;
  /** The due time of the earliest pending task, or null. */
  nextTaskAt(): number | null;
}

export function createVirtualClock(start: number): VirtualClock {
  let current = start;
  const queue = createTimerQueue();

  const runNext = async (limit: number): Promise<boolean> => {
    const next = queue.peek();
    if (!next || next.at > limit) return false;
    queue.pop();
    current = Math.max(current, next.at);
    await next.task();
    return true;
  };

  return {
    now: () => current,
    schedule(at: number, task: ScheduledTask): TimerHandle {
      return queue.push(Math.max(at, current), task);
    },
    async runUntil(until: number) {
      while (await runNext(until));
      current = Math.max(current, until);
    },
    async runUntilIdle(limit: number) {
      while (await runNext(limit));
      return current;
    },
    nextTaskAt: () => queue.peek()?.at ?? null,
  };
}
