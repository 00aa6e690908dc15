import { hostname } from 'node:os';
import { createDialer, type Dialer } from '../engine/dialer/dialer.js';
import {
  createWorkerHeartbeat,
  DEFAULT_HEARTBEAT_OPTIONS,
  type HeartbeatOptions,
  type WorkerHeartbeat,
} from '../engine/dialer/worker-heartbeat.js';
import type { CallProvider } from '../engine/ports/call-provider.js';
import type { Clock } from '../engine/ports/clock.js';
import type { CoordinationSignal, WorkerCoordination } from '../engine/ports/coordination.js';
import type { IdSource } from '../engine/ports/ids.js';
import type { Store } from '../engine/ports/store.js';

export interface DialingProcess {
  readonly dialer: Dialer;
  readonly workerId: string;
  readonly heartbeat: WorkerHeartbeat | null;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The dialing half of a process, shared by `serve` and `worker`: the dialer, its heartbeat (with the real or an
 * accelerated clock; a test clock runs alone), and the signals of other processes on the same database that wake
 * it (DESIGN §4: LISTEN/NOTIFY on PostgreSQL, a hint: the dialer's own wake-ups keep it correct without them).
 */
export function composeDialing(deps: {
  readonly store: Store;
  readonly coordination: WorkerCoordination;
  readonly clock: Clock;
  readonly ids: IdSource;
  readonly providers: ReadonlyMap<string, CallProvider>;
  readonly role: 'serve' | 'worker';
  /** Null: no heartbeat (a test clock). */
  readonly heartbeat: Partial<HeartbeatOptions> | null;
  readonly maxClaims?: number;
  /** Other processes' signals beyond waking the dialer (serve: the outbox grew). */
  readonly onSignal?: (signal: CoordinationSignal) => void;
  readonly log: (message: string) => void;
}): DialingProcess {
  const workerId = deps.ids.next('worker');
  const heartbeatOptions = deps.heartbeat && { ...DEFAULT_HEARTBEAT_OPTIONS, ...deps.heartbeat };
  const dialer = createDialer({
    store: deps.store,
    clock: deps.clock,
    providers: deps.providers,
    ids: deps.ids,
    workerId,
    options: {
      // With a heartbeat, attempts are leased for the heartbeat's lease: beats keep a live worker's leases fresh.
      ...(heartbeatOptions === null ? {} : { dialLeaseMs: heartbeatOptions.leaseMs }),
      ...(deps.maxClaims === undefined ? {} : { maxClaims: deps.maxClaims }),
    },
  });
  const heartbeat =
    heartbeatOptions === null
      ? null
      : createWorkerHeartbeat({
          coordination: deps.coordination,
          clock: deps.clock,
          wallClock: () => Date.now(),
          workerId,
          description: `${deps.role} on ${hostname()}, pid ${process.pid}`,
          activeCalls: () => dialer.activeCallIds(),
          options: heartbeatOptions,
          report: (report) => {
            switch (report.kind) {
              case 'skew':
                deps.log(
                  `clock skew: this machine's clock is ${Math.abs(report.skew.skewMs)} ms ${report.skew.skewMs > 0 ? 'behind' : 'ahead of'} the database's (±${report.skew.uncertaintyMs} ms, tolerance ${report.toleranceMs} ms): leases and calling windows are judged by both; synchronise the clocks (NTP)`,
                );
                return;
              case 'skew_resolved':
                deps.log(`clock skew resolved: ${report.skew.skewMs} ms from the database's clock`);
                return;
              case 'failed':
                deps.log(
                  `heartbeat failed: ${report.error instanceof Error ? report.error.message : String(report.error)}`,
                );
                return;
            }
          },
          // Another worker's lease may run out with nothing happening here: look at the store after each beat.
          ...(deps.coordination.capabilities.crossProcessSignals ? { afterBeat: () => dialer.wake() } : {}),
        });
  return {
    dialer,
    workerId,
    heartbeat,
    async start() {
      await deps.coordination.subscribe((signal) => {
        if (signal.wakeCampaigns === null || signal.wakeCampaigns.length > 0) dialer.wake();
        deps.onSignal?.(signal);
      });
      heartbeat?.start();
      dialer.start();
    },
    async stop() {
      await dialer.stop();
      await heartbeat?.stop();
    },
  };
}
