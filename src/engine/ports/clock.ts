/**
 * The Clock port (DESIGN §3). Everything in the engine that depends on time reads it here, so the same engine
 * runs on the wall clock in production and on a virtual clock as a discrete-event simulation.
 *
 * Contract: `schedule(at, task)` runs `task` once, at `at` or as soon as possible after it (at once when `at`
 * is in the past). Tasks due at the same instant run in the order they were scheduled. A task's returned
 * promise is awaited by the virtual clock before time moves on, so a simulation never races ahead of the work.
 */
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
  schedule(at: number, task: ScheduledTask): TimerHandle;
}

export type ScheduledTask = () => void | Promise<void>;

export interface TimerHandle {
  cancel(): void;
}
