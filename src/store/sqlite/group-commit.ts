import type Database from 'better-sqlite3';

/**
 * How the store's writes are committed: one `BEGIN IMMEDIATE … COMMIT` per store method (`storeTransaction`), or,
 * for simulations and bulk imports only (`bulk-writes.ts`), many methods grouped into one commit
 * (`createGroupCommit`).
 *
 * A group changes durability, not atomicity: a crash loses the work since the last `checkpoint()`, as if it had
 * struck then. That is safe only when nothing outside the database saw that work — true of the in-process
 * simulator (its calls die with the process) and of an import run by itself (importing the file again restores
 * what a crash lost), and never of a real provider, which would have dialed real people: the engine serving real
 * calls must not use a group.
 *
 * Inside a group a store method runs straight in the group's transaction, without a savepoint of its own. SQLite
 * journals every page a savepoint changes so that the savepoint alone can be rolled back, and those journals were
 * 15 % of a simulation's CPU, for nothing: a simulation stops at the first failed store method. So a method that
 * fails inside a group rolls the whole group back at once, to its last checkpoint, exactly as a crash would, and
 * the group is spoiled: its next `checkpoint()` throws instead of committing a half-written method.
 *
 * What SQLite still journals inside a group (a statement that may fail halfway through its rows, a nested
 * `db.transaction` of the API's records) goes to memory: with the default `temp_store` those journals are
 * temporary files, and their page-cache copies were a fifth of a simulation's time.
 */

interface Group {
  /** Why the group was rolled back, once a store method failed inside it. */
  spoiledBy: unknown;
}

const openGroups = new WeakMap<Database.Database, Group>();

/** Thrown by a spoiled group's `checkpoint()`: a store method failed inside it and its work was rolled back. */
export class GroupRolledBackError extends Error {
  readonly code = 'group_rolled_back';
}

/**
 * `fn` as one store transaction: `BEGIN IMMEDIATE` (SQLite's write lock first), `COMMIT`, or `ROLLBACK` when it
 * throws. Inside an open group it runs in the group's transaction; if it throws there, the group is rolled back.
 * Store transactions do not nest.
 */
export function storeTransaction<Args extends unknown[], Result>(
  db: Database.Database,
  fn: (...args: Args) => Result,
): (...args: Args) => Result {
  const alone = db.transaction(fn);
  return (...args: Args): Result => {
    const group = openGroups.get(db);
    if (!group) return alone.immediate(...args);
    if (group.spoiledBy !== undefined) throw spoiled(group);
    try {
      return fn(...args);
    } catch (error) {
      group.spoiledBy = error;
      if (db.inTransaction) db.exec('ROLLBACK');
      throw error;
    }
  };
}

const spoiled = (group: Group) =>
  new GroupRolledBackError('a store method failed inside a group commit: its group was rolled back', {
    cause: group.spoiledBy,
  });

/** Groups the store transactions of `db` into one commit per `checkpoint()`. One group at a time per database. */
export function createGroupCommit(db: Database.Database) {
  const group: Group = { spoiledBy: undefined };
  return {
    begin(): void {
      if (openGroups.has(db)) throw new Error('a group commit is already open on this database');
      db.pragma('temp_store = MEMORY');
      db.exec('BEGIN IMMEDIATE');
      openGroups.set(db, group);
    },
    /** Makes everything so far durable and opens the next group; throws if a store method spoiled this one. */
    checkpoint(): void {
      if (group.spoiledBy !== undefined) throw spoiled(group);
      db.exec('COMMIT');
      db.exec('BEGIN IMMEDIATE');
    },
    /** Commits the last group (`ok`) or rolls it back to the last checkpoint, and closes grouping. */
    end(ok: boolean): void {
      openGroups.delete(db);
      if (db.inTransaction) db.exec(ok && group.spoiledBy === undefined ? 'COMMIT' : 'ROLLBACK');
      db.pragma('temp_store = DEFAULT');
    },
  };
}
