import type Database from 'better-sqlite3';

/**
 * The transactional outbox (DESIGN §4): every event is a row written inside the transaction that made the
 * change, so an event exists exactly when its change does. Delivery (webhooks, SSE) reads from here.
 */
export function createOutbox(db: Database.Database) {
  const insert = db.prepare(
    'INSERT INTO events (account_id, campaign_id, type, payload, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  return {
    emit(accountId: string, campaignId: string | null, type: string, payload: object, now: number): void {
      insert.run(accountId, campaignId, type, JSON.stringify(payload), now);
    },
  };
}

export type Outbox = ReturnType<typeof createOutbox>;
