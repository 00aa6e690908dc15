import type Database from 'better-sqlite3';
import type { DoNotCallSource } from '../../domain/do-not-call.js';
import type { Store } from '../../engine/ports/store.js';
import { storeTransaction } from './group-commit.js';
import { toDoNotCallEntry, type DoNotCallRow } from './rows.js';

/** The Store's do-not-call methods. */
export type DoNotCallMethods =
  'addToDoNotCallList' | 'removeFromDoNotCallList' | 'listDoNotCallEntries' | 'getDoNotCallEntry';

/**
 * The account's do-not-call list on SQLite (DESIGN §2.4; the rules are in src/domain/do-not-call.ts). `entries`
 * are the statements the other writers share (adding leads checks a number, an opt-out adds one); `methods` are
 * the Store port's.
 */
export function createDoNotCallList(db: Database.Database) {
  const q = {
    insert: db.prepare(
      `INSERT INTO do_not_call (account_id, phone, source, note, created_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT DO NOTHING`,
    ),
    entry: db.prepare<[string, string], DoNotCallRow>(
      'SELECT * FROM do_not_call WHERE account_id = ? AND phone = ?',
    ),
    listed: db.prepare<[string, string], { one: number }>(
      'SELECT 1 AS one FROM do_not_call WHERE account_id = ? AND phone = ?',
    ),
    page: db.prepare<[string, string, number], DoNotCallRow>(
      'SELECT * FROM do_not_call WHERE account_id = ? AND phone > ? ORDER BY phone LIMIT ?',
    ),
    remove: db.prepare('DELETE FROM do_not_call WHERE account_id = ? AND phone = ?'),
  };

  const entries = {
    /** Puts a number on the list inside the caller's transaction; false when it was already there. */
    add(
      accountId: string,
      phone: string,
      source: DoNotCallSource,
      note: string | null,
      now: number,
    ): boolean {
      return q.insert.run(accountId, phone, source, note, now).changes === 1;
    },
    isListed: (accountId: string, phone: string) => q.listed.get(accountId, phone) !== undefined,
  };

  const addTx = storeTransaction(db, (request: Parameters<Store['addToDoNotCallList']>[0]) => {
    let added = 0;
    for (const phone of request.phones) {
      if (entries.add(request.accountId, phone, request.source, request.note, request.now)) added += 1;
    }
    return { added, alreadyListed: request.phones.length - added };
  });

  const methods: Pick<Store, DoNotCallMethods> = {
    addToDoNotCallList: async (request) => addTx(request),
    removeFromDoNotCallList: async (accountId, phone) => q.remove.run(accountId, phone).changes === 1,
    listDoNotCallEntries: async (accountId, page) =>
      q.page.all(accountId, page.after ?? '', page.limit).map(toDoNotCallEntry),
    getDoNotCallEntry: async (accountId, phone) => {
      const row = q.entry.get(accountId, phone);
      return row ? toDoNotCallEntry(row) : null;
    },
  };
  return { entries, methods };
}

export type DoNotCallEntries = ReturnType<typeof createDoNotCallList>['entries'];
