import type Database from 'better-sqlite3';

/**
 * Groups many store transactions into one commit, for simulations only.
 *
 * Every store method stays atomic: inside an open transaction better-sqlite3 runs each one as a savepoint. What
 * changes is durability: a crash loses the work since the last `checkpoint()`, as if it had struck then. That is
 * safe only when nothing outside the database saw that work — true of the in-process simulator (its calls die
 * with the process) and never of a real provider, which would have dialed real people: the engine serving real
 * calls must not use this.
 *
 * While a group is open, SQLite journals every page a savepoint changes so that the savepoint alone can be rolled
 * back. With the default `temp_store` those journals are temporary files, and writing them was a fifth of a
 * simulation's time (kernel page-cache copies). A group keeps them in memory instead: they hold one store method's
 * pages at a time, since each savepoint's journal is dropped when it is released.
 */
export function createGroupCommit(db: Database.Database) {
  return {
    begin(): void {
      db.pragma('temp_store = MEMORY');
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
      db.pragma('temp_store = DEFAULT');
    },
  };
}
