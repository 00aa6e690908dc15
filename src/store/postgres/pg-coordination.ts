import pg from 'pg';
import type {
  CoordinationSignal,
  WorkerCoordination,
  WorkerRecord,
} from '../../engine/ports/coordination.js';
import { poolOptions, quoteIdentifier, type PgConnection } from './pg-database.js';
import type { PgQueries } from './pg-queries.js';
import { decodeSignal } from './pg-signals.js';

/** How long to wait before listening again after the LISTEN connection dropped. */
const RELISTEN_MS = 1_000;

const BEAT = `WITH beat AS (
    INSERT INTO workers (id, description, started_at, heartbeat_at, database_at, skew_ms)
    VALUES ($1, $2, $3, $3, (extract(epoch FROM clock_timestamp()) * 1000)::bigint, $5)
    ON CONFLICT (id) DO UPDATE SET heartbeat_at = excluded.heartbeat_at, database_at = excluded.database_at,
      skew_ms = excluded.skew_ms, stopped_at = NULL
    RETURNING database_at),
  leases AS (
    UPDATE calls SET due_at = greatest(due_at, $3 + $4)
     WHERE id IN (SELECT id FROM calls WHERE id = ANY($6::text[]) AND lease_owner = $1
                     AND phase IN ('dialing', 'in_flight')
                  FOR NO KEY UPDATE SKIP LOCKED)
    RETURNING 1)
  SELECT (SELECT database_at FROM beat) AS database_at, (SELECT count(*) FROM leases) AS extended`;

interface WorkerRow {
  id: string;
  description: string;
  started_at: number;
  heartbeat_at: number;
  skew_ms: number | null;
  stopped_at: number | null;
}

/**
 * The beat skips a leased call another transaction holds (it is being settled or reconciled right now): waiting
 * for it while that transaction waits for a row this beat already locked would be a deadlock, and the next beat
 * extends it if it is still leased.
 *
 * WorkerCoordination on PostgreSQL: heartbeats in the `workers` table that extend the worker's leases, the
 * server's clock read at each beat (only to report skew: no decision reads it), and signals received with LISTEN
 * on a connection of its own. The LISTEN connection is re-opened when it drops; as signals may have been missed
 * meanwhile, the listener is then told to look at everything.
 */
export function createPostgresCoordination(deps: {
  readonly queries: PgQueries;
  readonly connection: PgConnection;
  readonly channel: string;
  readonly origin: string;
  readonly onError: (error: unknown) => void;
}): WorkerCoordination {
  let listener: ((signal: CoordinationSignal) => void) | null = null;
  let client: pg.Client | null = null;
  let closed = false;
  let relisten: NodeJS.Timeout | null = null;

  async function listen(): Promise<void> {
    const next = new pg.Client(poolOptions(deps.connection));
    next.on('notification', (message) => {
      const signal = message.payload === undefined ? null : decodeSignal(message.payload, deps.origin);
      if (signal) listener?.(signal);
    });
    next.on('error', (error) => {
      deps.onError(error);
      void next.end().catch(() => undefined);
      if (client === next) client = null;
      if (!closed && relisten === null) {
        relisten = setTimeout(() => {
          relisten = null;
          listen().then(
            () => listener?.({ wakeCampaigns: null, outboxGrew: true }),
            (e: unknown) => deps.onError(e),
          );
        }, RELISTEN_MS);
        relisten.unref();
      }
    });
    await next.connect();
    await next.query(`LISTEN ${quoteIdentifier(deps.channel)}`);
    if (closed) {
      await next.end();
      return;
    }
    client = next;
  }

  return {
    capabilities: { crossProcessSignals: true, databaseClock: true },
    async heartbeat(beat) {
      const row = (await deps.queries.row<{ database_at: number; extended: number }>(BEAT, [
        beat.workerId,
        beat.description,
        beat.now,
        beat.leaseMs,
        beat.skewMs,
        beat.callIds,
      ]))!;
      return { databaseNow: row.database_at, leasesExtended: row.extended };
    },
    retire: async (workerId, now) =>
      void (await deps.queries.run('UPDATE workers SET stopped_at = $1 WHERE id = $2', [now, workerId])),
    async subscribe(next) {
      listener = next;
      if (client === null) await listen();
    },
    listWorkers: async (): Promise<readonly WorkerRecord[]> =>
      (await deps.queries.rows<WorkerRow>('SELECT * FROM workers ORDER BY heartbeat_at DESC LIMIT 100')).map(
        (r) => ({
          id: r.id,
          description: r.description,
          startedAt: r.started_at,
          heartbeatAt: r.heartbeat_at,
          skewMs: r.skew_ms,
          stoppedAt: r.stopped_at,
        }),
      ),
    async close() {
      closed = true;
      if (relisten) clearTimeout(relisten);
      const open = client;
      client = null;
      await open?.end();
    },
  };
}
