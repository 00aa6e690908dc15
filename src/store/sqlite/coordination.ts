import type Database from 'better-sqlite3';
import type { WorkerCoordination } from '../../engine/ports/coordination.js';

/**
 * WorkerCoordination on SQLite: the one process is the only worker. Its heartbeat still extends the leases it
 * holds (a slow provider answer must not look like a crash to its own reconciliation); no signal ever comes from
 * another process, and there is no database clock apart from the process's own.
 */
export function createSqliteCoordination(db: Database.Database): WorkerCoordination {
  const extend = db.prepare(
    `UPDATE calls SET due_at = max(due_at, ?)
      WHERE id IN (SELECT value FROM json_each(?)) AND lease_owner = ? AND phase IN ('dialing', 'in_flight')`,
  );
  return {
    capabilities: { crossProcessSignals: false, databaseClock: false },
    heartbeat: async (beat) => ({
      databaseNow: null,
      leasesExtended:
        beat.callIds.length === 0
          ? 0
          : extend.run(beat.now + beat.leaseMs, JSON.stringify(beat.callIds), beat.workerId).changes,
    }),
    retire: async () => undefined,
    subscribe: async () => undefined,
    listWorkers: async () => [],
    close: async () => undefined,
  };
}
