import type { BalanceLow } from '../sqlite/outbox.js';
import type { PgQueries } from './pg-queries.js';

const LOCK = `SELECT pg_advisory_xact_lock(hashtext('callwright.outbox:' || current_schema()))`;
const INSERT = `INSERT INTO events (account_id, campaign_id, type, payload, created_at)
  SELECT account_id, campaign_id, type, payload, created_at
    FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[])
         WITH ORDINALITY AS e (account_id, campaign_id, type, payload, created_at, n)
   ORDER BY n`;

/**
 * The transactional outbox on PostgreSQL (DESIGN §4). Readers page it by `seq` (SSE, webhook fan-out), so a
 * reader that has seen `seq` n must never later find an event below n. An identity column alone does not give
 * that with several writers: a transaction can take seq 100, another 101, and 101 commit first. So the events of
 * a transaction are held in memory and written at its very end under one advisory lock, which is released only
 * after the commit is visible: events become visible in `seq` order. The lock is the last one a transaction
 * takes and is held for one insert and the commit, so it never closes a cycle of waits.
 */
export function createTxOutbox() {
  const events: {
    accountId: string;
    campaignId: string | null;
    type: string;
    payload: string;
    at: number;
  }[] = [];
  const emit = (accountId: string, campaignId: string | null, type: string, payload: object, now: number) =>
    void events.push({ accountId, campaignId, type, payload: JSON.stringify(payload), at: now });
  return {
    emit,
    /** `balance.low` (DESIGN §2.8), as the SQLite outbox writes it. */
    balanceLow(low: BalanceLow, now: number): void {
      emit(low.accountId, low.campaignId, 'balance.low', low, now);
    },
    /** Writes the events; true when there were any. */
    async flush(q: PgQueries): Promise<boolean> {
      if (events.length === 0) return false;
      await q.run(LOCK);
      await q.run(INSERT, [
        events.map((e) => e.accountId),
        events.map((e) => e.campaignId),
        events.map((e) => e.type),
        events.map((e) => e.payload),
        events.map((e) => e.at),
      ]);
      events.length = 0;
      return true;
    },
  };
}

export type TxOutbox = ReturnType<typeof createTxOutbox>;
