import type { Clock, ScheduledTask, TimerHandle } from '../ports/clock.js';

/** Node's timers accept at most 2^31−1 ms; longer waits are chained. */
const MAX_TIMER_DELAY_MS = 2_147_483_647;

/**
 * An accelerated timeline: clock time `startsAt` at wall time `origin`, running `speed` times faster. Processes
 * given the same timeline share one clock, which lets several workers run a simulated campaign of days in
 * minutes (the chaos test, demos); the engine's leases and deadlines are in clock time and scale with it.
 */
export interface Timeline {
  readonly startsAt: number;
  readonly origin: number;
  readonly speed: number;
}

/**
 * The wall clock, or an accelerated one (`timeline`). `onTaskError` receives what a task threw or rejected with:
 * a timer has no caller to return it to, and swallowing it would hide a broken dialer.
 */
export function createRealClock(options: {
  onTaskError: (error: unknown) => void;
  timeline?: Timeline;
}): Clock {
  const { timeline } = options;
  const speed = timeline?.speed ?? 1;
  const now = timeline
    ? () => Math.floor(timeline.startsAt + (Date.now() - timeline.origin) * timeline.speed)
    : () => Date.now();
  return {
    now,
    schedule(at: number, task: ScheduledTask): TimerHandle {
      let timer: NodeJS.Timeout | undefined;
      let cancelled = false;
      const arm = () => {
        const delay = Math.min(Math.max(0, Math.ceil((at - now()) / speed)), MAX_TIMER_DELAY_MS);
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
