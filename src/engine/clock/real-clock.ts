import type { Clock, ScheduledTask, TimerHandle } from '../ports/clock.js';

/** Node's timers accept at most 2^31−1 ms; longer waits are chained. */
const MAX_TIMER_DELAY_MS = 2_147_483_647;

/**
 * The wall clock. `onTaskError` receives what a task threw or rejected with: a timer has no caller to return
 * it to, and swallowing it would hide a broken dialer.
 */
export function createRealClock(options: { onTaskError: (error: unknown) => void }): Clock {
  const now = () => Date.now();
  return {
    now,
    schedule(at: number, task: ScheduledTask): TimerHandle {
      let timer: NodeJS.Timeout | undefined;
      let cancelled = false;
      const arm = () => {
        const delay = Math.min(Math.max(0, at - now()), MAX_TIMER_DELAY_MS);
        timer = setTimeout(() => {
          if (cancelled) return;
          if (at > now()) return arm();
          Promise.resolve()
            .then(task)
            .catch((error: unknown) => options.onTaskError(error));
        }, delay);
      };
      arm();
      return {
        cancel: () => {
          cancelled = true;
          clearTimeout(timer);
        },
      };
    },
  };
}
