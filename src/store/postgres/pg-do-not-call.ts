import type { DoNotCallSource } from '../../domain/do-not-call.js';
import type { Store } from '../../engine/ports/store.js';
import type { DoNotCallMethods } from '../sqlite/do-not-call.js';
import { toDoNotCallEntry, type DoNotCallRow } from '../sqlite/rows.js';
import type { PgDatabase } from './pg-database.js';
import type { PgQueries } from './pg-queries.js';

/**
 * Puts numbers on an account's list, on `q` (a transaction's or the pool's); answers how many were not there yet.
 * `DO NOTHING` also skips a number given twice in one statement.
 */
export const addToDoNotCall = (
  q: PgQueries,
  accountId: string,
  phones: readonly string[],
  source: DoNotCallSource,
  note: string | null,
  now: number,
) =>
  q.run(
    `INSERT INTO do_not_call (account_id, phone, source, note, created_at)
     SELECT $1, phone, $3, $4, $5 FROM unnest($2::text[]) AS p (phone)
     ON CONFLICT DO NOTHING`,
    [accountId, phones, source, note, now],
  );

/** The account's do-not-call list on PostgreSQL (DESIGN §2.4; the rules are in src/domain/do-not-call.ts). */
export function createPgDoNotCallList(db: PgDatabase): Pick<Store, DoNotCallMethods> {
  const q = db.queries;
  return {
    addToDoNotCallList: async ({ accountId, phones, source, note, now }) => {
      const added = await addToDoNotCall(q, accountId, phones, source, note, now);
      return { added, alreadyListed: phones.length - added };
    },
    removeFromDoNotCallList: async (accountId, phone) =>
      (await q.run('DELETE FROM do_not_call WHERE account_id = $1 AND phone = $2', [accountId, phone])) === 1,
    listDoNotCallEntries: async (accountId, page) =>
      (
        await q.rows<DoNotCallRow>(
          'SELECT * FROM do_not_call WHERE account_id = $1 AND phone > $2 ORDER BY phone LIMIT $3',
          [accountId, page.after ?? '', page.limit],
        )
      ).map(toDoNotCallEntry),
    getDoNotCallEntry: async (accountId, phone) => {
      const row = await q.row<DoNotCallRow>(
        'SELECT * FROM do_not_call WHERE account_id = $1 AND phone = $2',
        [accountId, phone],
      );
      return row ? toDoNotCallEntry(row) : null;
    },
  };
}
