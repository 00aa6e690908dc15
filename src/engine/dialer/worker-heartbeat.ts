import { isSkewBeyond, measureClockSkew, type ClockSkew } from '../../domain/clock-skew.js';
import type { Clock, TimerHandle } from '../ports/clock.js';
import type { WorkerCoordination } from '../ports/coordination.js';

export interface HeartbeatOptions {
  /** How often the worker says it is alive (clock time). A third of the lease leaves two beats of slack. */
  readonly intervalMs: number;
  /** How far each beat moves the worker's leases: what the dialer leases its attempts for. */
  readonly leaseMs: number;
  /** Skew beyond this (beyond the round trip's uncertainty) is reported. */
  readonly skewToleranceMs: number;
}

export const DEFAULT_HEARTBEAT_OPTIONS: HeartbeatOptions = {
  intervalMs: 10_000,
  leaseMs: 30_000,
  skewToleranceMs: 1_000,
};

export type HeartbeatReport =
  | { readonly kind: 'skew'; readonly skew: ClockSkew; readonly toleranceMs: number }
  | { readonly kind: 'skew_resolved'; readonly skew: ClockSkew }
  | { readonly kind: 'failed'; readonly error: unknown };

export interface WorkerHeartbeat {
  /** Beats now, then every `intervalMs`. */
  start(): void;
  /** Stops beating and marks the worker stopped. */
  stop(): Promise<void>;
  /** The skew measured at the last beat; null before the first or without a database clock. */
  lastSkew(): ClockSkew | null;
}

/**
 * A worker's heartbeat (DESIGN §4): on every beat the leases of the calls it is working on move forward, so such a
 * lease expires only when the worker has stopped beating — crashed, hung or cut off — and another worker then
 * reconciles its calls (§2.7). An attempt it gave up on (an ambiguous placement) is not kept: it is reconciled. Each beat
 * also measures the skew between the worker's wall clock and the database's; skew beyond the tolerance is reported
 * (once when it appears, once when it is gone), since leases and windows are compared across workers' clocks.
 * `afterBeat` runs after each beat: a worker looks at the store again then, in case another worker's lease ran out
 * while nothing here changed.
 */
export function createWorkerHeartbeat(deps: {
  readonly coordination: WorkerCoordination;
  readonly clock: Clock;
  /** The process's wall clock, for skew (the engine's clock may be accelerated). */
  readonly wallClock: () => number;
  readonly workerId: string;
  readonly description: string;
  /** The calls whose leases the beat keeps (`Dialer.activeCallIds`). */
  readonly activeCalls: () => readonly string[];
  readonly options?: Partial<HeartbeatOptions>;
  readonly report: (report: HeartbeatReport) => void;
  readonly afterBeat?: () => void;
}): WorkerHeartbeat {
  const options = { ...DEFAULT_HEARTBEAT_OPTIONS, ...deps.options };
  let timer: TimerHandle | null = null;
  let stopped = true;
  let beating: Promise<void> | null = null;
  let skew: ClockSkew | null = null;
  let skewed = false;

  async function beat(): Promise<void> {
    const sentAt = deps.wallClock();
    const reply = await deps.coordination.heartbeat({
      workerId: deps.workerId,
      now: deps.clock.now(),
      leaseMs: options.leaseMs,
      callIds: deps.activeCalls(),
      skewMs: skew?.skewMs ?? null,
      description: deps.description,
    });
    if (reply.databaseNow === null) return;
    skew = measureClockSkew(sentAt, deps.wallClock(), reply.databaseNow);
    const beyond = isSkewBeyond(skew, options.skewToleranceMs);
    if (beyond && !skewed) deps.report({ kind: 'skew', skew, toleranceMs: options.skewToleranceMs });
    if (!beyond && skewed) deps.report({ kind: 'skew_resolved', skew });
    skewed = beyond;
  }

  const run = async () => {
    timer = null;
    if (stopped) return;
    beating = beat().catch((error: unknown) => deps.report({ kind: 'failed', error }));
    await beating;
    beating = null;
    if (stopped) return;
    deps.afterBeat?.();
    timer = deps.clock.schedule(deps.clock.now() + options.intervalMs, run);
  };

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      timer = deps.clock.schedule(deps.clock.now(), run);
    },
    async stop() {
      stopped = true;
      timer?.cancel();
      timer = null;
      await beating;
      await deps.coordination.retire(deps.workerId, deps.clock.now());
    },
    lastSkew: () => skew,
  };
}
