import type Database from 'better-sqlite3';

/**
 * The transactional outbox (DESIGN §4): every event is a row written inside the transaction that made the
 * change, so an event exists exactly when its change does. Delivery (webhooks, SSE) reads from here.
 */
export function createOutbox(db: Database.Database) {
  const insert = db.prepare(
    'INSERT INTO events (account_id, campaign_id, type, payload, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  const emit = (accountId: string, campaignId: string | null, type: string, payload: object, now: number) =>
    void insert.run(accountId, campaignId, type, JSON.stringify(payload), now);
  return {
    emit,
    /**
     * `balance.low` (DESIGN §2.8): the balance is below `thresholdMinor`. Account-level (campaign null) when a
     * charge takes it below the account's minimum start balance; tied to the campaign the low balance paused,
     * with one minute's cost as the threshold.
     */
    balanceLow(low: BalanceLow, now: number): void {
      emit(low.accountId, low.campaignId, 'balance.low', low, now);
    },
  };
}

export interface BalanceLow {
  readonly accountId: string;
  readonly campaignId: string | null;
  readonly balanceMinor: number;
  readonly currency: string;
  readonly thresholdMinor: number;
}

export type Outbox = ReturnType<typeof createOutbox>;
