import type { CoordinationSignal } from '../../engine/ports/coordination.js';
import type { PgQueries } from './pg-queries.js';

/** What a committed transaction tells other processes. */
export interface CommitSignals {
  /** Campaigns whose dialing may have changed (a start, new leads, a slot freed). */
  readonly wake: ReadonlySet<string>;
  /** The outbox grew. */
  readonly outbox: boolean;
}

export interface PgSignals {
  raise(change: CommitSignals): void;
  close(): void;
}

/** A payload names at most this many campaigns; more become "every campaign" (NOTIFY payloads are < 8,000 bytes). */
const MAX_CAMPAIGNS = 50;
/** At most one NOTIFY per process per this many ms: under load, many commits share one. */
const SPACING_MS = 20;

/** The LISTEN/NOTIFY channel of a schema: NOTIFY is per database, so schemas on one database stay apart. */
export const signalChannel = (schema: string) => `callwright:${schema}`;

interface Payload {
  /** The sending process: it skips its own signals (it already knows). */
  readonly o: string;
  /** Campaign ids to look at again; null: all of them. */
  readonly w: readonly string[] | null;
  readonly e: boolean;
}

export const encodeSignal = (payload: Payload) => JSON.stringify(payload);

/** The signal another process sent, or null for our own (or one we cannot read). */
export function decodeSignal(text: string, self: string): CoordinationSignal | null {
  let payload: Payload;
  try {
    payload = JSON.parse(text) as Payload;
  } catch {
    return null;
  }
  if (payload.o === self) return null;
  return { wakeCampaigns: payload.w, outboxGrew: payload.e === true };
}

/**
 * Sends what committed transactions changed to the other processes on the database, as `NOTIFY` after the
 * commit — a hint only (DESIGN §4): a process that misses one still finds the work at its next look. Sent
 * outside the transactions on purpose: a transaction that notifies holds a database-wide lock through its commit,
 * which would queue every writer of every worker behind one another.
 */
export function createPgSignals(deps: {
  readonly queries: () => PgQueries;
  readonly channel: string;
  readonly origin: string;
  readonly onError: (error: unknown) => void;
}): PgSignals {
  let wake = new Set<string>();
  let outbox = false;
  let timer: NodeJS.Timeout | null = null;
  let closed = false;

  const send = () => {
    timer = null;
    if (closed || (wake.size === 0 && !outbox)) return;
    const payload: Payload = {
      o: deps.origin,
      w: wake.size > MAX_CAMPAIGNS ? null : [...wake],
      e: outbox,
    };
    wake = new Set();
    outbox = false;
    deps
      .queries()
      .run('SELECT pg_notify($1, $2)', [deps.channel, encodeSignal(payload)])
      .catch(deps.onError);
  };

  return {
    raise(change) {
      if (closed || (change.wake.size === 0 && !change.outbox)) return;
      for (const id of change.wake) wake.add(id);
      outbox ||= change.outbox;
      if (timer === null) {
        timer = setTimeout(send, SPACING_MS);
        timer.unref();
      }
    },
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
