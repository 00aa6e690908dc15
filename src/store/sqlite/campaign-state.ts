import type Database from 'better-sqlite3';
import {
  transitionCampaign,
  type CampaignAction,
  type CampaignStatus,
  type PauseReason,
} from '../../domain/campaign-lifecycle.js';
import { oneMinuteCost } from '../../domain/money.js';
import type { Outbox } from './outbox.js';
import type { CampaignRow } from './rows.js';
import { prepareRows } from './fast-rows.js';

/**
 * Campaign status writes. Every transition goes through `transition`, which asks the domain's one transition
 * function and writes the status and its event together (DESIGN §2.2).
 */
export function createCampaignState(db: Database.Database, outbox: Outbox) {
  const byId = prepareRows<[string], CampaignRow>(db, 'SELECT * FROM campaigns WHERE id = ?');
  const progressOf = prepareRows<[string], { status: string; in_flight: number }>(
    db,
    'SELECT status, in_flight FROM campaigns WHERE id = ?',
  );
  const update = db.prepare(
    `UPDATE campaigns SET status = ?, pause_reason = ?,
       started_at = coalesce(started_at, ?), ended_at = ? WHERE id = ?`,
  );
  const purse = db.prepare<
    [string],
    { balance_minor: number; currency: string; rate_micro_per_minute: number }
  >(
    `SELECT acc.balance_minor, acc.currency, a.rate_micro_per_minute
       FROM campaigns c JOIN accounts acc ON acc.id = c.account_id JOIN assistants a ON a.id = c.assistant_id
      WHERE c.id = ?`,
  );
  const openLead = db.prepare<[string], { one: number }>(
    `SELECT 1 AS one FROM leads WHERE campaign_id = ?
       AND status IN ('created', 'scheduled', 'processing', 'rescheduled') LIMIT 1`,
  );

  function transition(
    campaign: CampaignRow,
    action: CampaignAction,
    now: number,
    pauseReason: PauseReason | null = null,
  ) {
    const result = transitionCampaign(campaign.status as CampaignStatus, action);
    if (!result.ok) return result;
    const { to, event } = result.value;
    const startedAt = action === 'start' ? now : null;
    const endedAt = to === 'completed' ? now : null;
    update.run(to, to === 'paused' ? pauseReason : null, startedAt, endedAt, campaign.id);
    outbox.emit(
      campaign.account_id,
      campaign.id,
      event,
      { campaignId: campaign.id, from: campaign.status, to, ...(to === 'paused' ? { pauseReason } : {}) },
      now,
    );
    // A pause for money is also a `balance.low`, measured against what it could not pay: one minute (§2.8).
    if (to === 'paused' && pauseReason === 'insufficient_balance') {
      const facts = purse.get(campaign.id)!;
      const rate = { microPerMinute: facts.rate_micro_per_minute, currency: facts.currency };
      outbox.balanceLow(
        {
          accountId: campaign.account_id,
          campaignId: campaign.id,
          balanceMinor: facts.balance_minor,
          currency: facts.currency,
          thresholdMinor: oneMinuteCost(rate),
        },
        now,
      );
    }
    return result;
  }

  return {
    byId: (id: string) => byId.get(id),
    transition,
    /** An active campaign with nothing in flight and no lead left to call is complete (DESIGN §2.2). */
    completeIfDone(campaignId: string, now: number): void {
      // Asked after every settled call, and almost always answered by the narrow read alone.
      const progress = progressOf.get(campaignId);
      if (!progress || progress.status !== 'active' || progress.in_flight > 0) return;
      if (openLead.get(campaignId)) return;
      const campaign = byId.get(campaignId);
      if (campaign) transition(campaign, 'complete', now);
    },
  };
}

export type CampaignState = ReturnType<typeof createCampaignState>;
