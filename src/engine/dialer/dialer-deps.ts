import type { CallProvider } from '../ports/call-provider.js';
import type { Clock } from '../ports/clock.js';
import type { IdSource } from '../ports/ids.js';
import type { Store } from '../ports/store.js';

export interface DialerOptions {
  /** How long a claimed attempt may stay unconfirmed before another worker reconciles it. */
  readonly dialLeaseMs: number;
  /** Attempts claimed per campaign per transaction. */
  readonly maxClaims: number;
  /** Overdue calls handled per pass. */
  readonly overdueBatch: number;
  /** How soon a pass that failed is tried again. */
  readonly retryFailedPassMs: number;
}

export const DEFAULT_DIALER_OPTIONS: DialerOptions = {
  dialLeaseMs: 60_000,
  maxClaims: 100,
  overdueBatch: 100,
  retryFailedPassMs: 1_000,
};

export interface DialerDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly providers: ReadonlyMap<string, CallProvider>;
  readonly ids: IdSource;
  readonly workerId: string;
  readonly options?: Partial<DialerOptions>;
}
