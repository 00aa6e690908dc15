import {
  transitionCampaign,
  type CampaignAction,
  type CampaignStatus,
  type PauseReason,
} from '../../domain/campaign-lifecycle.js';
import { oneMinuteCost } from '../../domain/money.js';
import type { CampaignRow } from '../sqlite/rows.js';
import type { PgTx } from './pg-database.js';

/** Locks the campaign's row for the rest of the transaction and reads it as it is now. */
export const lockCampaign = (tx: PgTx, campaignId: string) =>
  tx.row<CampaignRow>('SELECT * FROM campaigns WHERE id = $1 FOR NO KEY UPDATE', [campaignId]);

/**
 * Campaign status writes on PostgreSQL: every transition asks the domain's one transition function and writes
 * the status with its event (DESIGN §2.2). The caller holds the campaign's row lock (`lockCampaign`).
 */
export async function writeTransition(
  tx: PgTx,
  campaign: CampaignRow,
  action: CampaignAction,
  now: number,
  pauseReason: PauseReason | null = null,
) {
  const result = transitionCampaign(campaign.status as CampaignStatus, action);
  if (!result.ok) return result;
  const { to, event } = result.value;
  await tx.run(
    `UPDATE campaigns SET status = $1, pause_reason = $2, started_at = coalesce(started_at, $3), ended_at = $4
      WHERE id = $5`,
    [
      to,
      to === 'paused' ? pauseReason : null,
      action === 'start' ? now : null,
      to === 'completed' ? now : null,
      campaign.id,
    ],
  );
  tx.outbox.emit(
    campaign.account_id,
    campaign.id,
    event,
    { campaignId: campaign.id, from: campaign.status, to, ...(to === 'paused' ? { pauseReason } : {}) },
    now,
  );
  tx.wake(campaign.id);
  // A pause for money is also a `balance.low`, measured against what it could not pay: one minute (§2.8).
  if (to === 'paused' && pauseReason === 'insufficient_balance') {
    const purse = (await tx.row<{ balance_minor: number; currency: string; rate_micro_per_minute: number }>(
      `SELECT acc.balance_minor, acc.currency, a.rate_micro_per_minute
         FROM campaigns c JOIN accounts acc ON acc.id = c.account_id JOIN assistants a ON a.id = c.assistant_id
        WHERE c.id = $1`,
      [campaign.id],
    ))!;
    tx.outbox.balanceLow(
      {
        accountId: campaign.account_id,
        campaignId: campaign.id,
        balanceMinor: purse.balance_minor,
        currency: purse.currency,
        thresholdMinor: oneMinuteCost({
          microPerMinute: purse.rate_micro_per_minute,
          currency: purse.currency,
        }),
      },
      now,
    );
  }
  return result;
}

const OPEN_STATUSES = ['created', 'scheduled', 'processing', 'rescheduled'] as const;

/**
 * An active campaign with nothing in flight and no lead left to call is complete (DESIGN §2.2). It takes the
 * campaign's row lock, so of two transactions finishing a campaign's last leads the second sees the first. Open
 * leads are read from the counters, with this transaction's changes not yet written: every transaction that
 * changes a lead's status writes the counters while it holds the campaign's row, so under that lock they are exact.
 */
export async function completeIfDone(tx: PgTx, campaignId: string, now: number): Promise<void> {
  const campaign = await lockCampaign(tx, campaignId);
  if (!campaign || campaign.status !== 'active' || campaign.in_flight > 0) return;
  const counts = await tx.row<Record<string, number>>(
    `SELECT leads_created, leads_scheduled, leads_processing, leads_rescheduled FROM campaign_counters
      WHERE campaign_id = $1`,
    [campaignId],
  );
  const open = OPEN_STATUSES.reduce(
    (n, status) => n + (counts?.[`leads_${status}`] ?? 0) + tx.counters.pendingLeads(campaignId, status),
    0,
  );
  if (open === 0) await writeTransition(tx, campaign, 'complete', now);
}
