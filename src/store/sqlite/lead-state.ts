import type Database from 'better-sqlite3';
import type { CompletionReason, LeadStatus } from '../../domain/lead-status.js';
import type { CampaignCounters } from './campaign-counters.js';
import type { Outbox } from './outbox.js';
import type { LeadRow } from './rows.js';

export interface LeadStateChange {
  readonly status: LeadStatus;
  readonly nextAttemptAt: number | null;
  readonly nextContactId: string | null;
  readonly completionReason: CompletionReason | null;
}

/** Writes a lead's new state and, when its status changed, the `lead.status_changed` event and the counters. */
export function createLeadState(db: Database.Database, outbox: Outbox, counters: CampaignCounters) {
  const update = db.prepare(
    `UPDATE leads SET status = ?, next_attempt_at = ?, next_contact_id = ?, completion_reason = ?, updated_at = ?
     WHERE id = ?`,
  );
  return {
    change(
      lead: Pick<LeadRow, 'id' | 'status' | 'campaign_id'>,
      accountId: string,
      next: LeadStateChange,
      now: number,
    ) {
      update.run(next.status, next.nextAttemptAt, next.nextContactId, next.completionReason, now, lead.id);
      if (next.status !== lead.status) {
        counters.leadMoved(lead.campaign_id, lead.status as LeadStatus, next.status);
        outbox.emit(
          accountId,
          lead.campaign_id,
          'lead.status_changed',
          { leadId: lead.id, from: lead.status, to: next.status, reason: next.completionReason },
          now,
        );
      }
    },
  };
}

export type LeadState = ReturnType<typeof createLeadState>;
