import type Database from 'better-sqlite3';

/**
 * Groups many store transactions into one commit, for simulations only.
 *
 * Every store method stays atomic: inside an open transaction better-sqlite3 runs each one as a savepoint. What
 * changes is durability: a crash loses the work since the last `checkpoint()`, as if it had struck then. That is
 * safe only when nothing outside the database saw that work — true of the in-process simulator (its calls die
 * with the process) and never of a real provider, which would have dialed real people: the engine serving real
 * calls must not use this.
 */
export function createGroupCommit(db: Database.Database) {
  return {
    begin(): void {
      db.exec('BEGIN IMMEDIATE');
    },
    /** Makes everything so far durable and opens the next group. */
    checkpoint(): void {
      db.exec('COMMIT');
      db.exec('BEGIN IMMEDIATE');
    },
    /** Commits the last group, or after a failure rolls it back to the last checkpoint. */
    end(ok: boolean): void {
      if (db.inTransaction) db.exec(ok ? 'COMMIT' : 'ROLLBACK');
    },
  };
}
