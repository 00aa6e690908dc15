import type { LeadStatus } from '../../domain/lead-status.js';
import type { LeadStateChange } from '../sqlite/lead-state.js';
import type { LeadRow } from '../sqlite/rows.js';
import type { PgTx } from './pg-database.js';

type LeadRef = Pick<LeadRow, 'id' | 'status' | 'campaign_id'>;

const UPDATE_MANY = `UPDATE leads l SET status = c.status, next_attempt_at = c.next_attempt_at,
    next_contact_id = c.next_contact_id, completion_reason = c.completion_reason, updated_at = $6
  FROM unnest($1::text[], $2::text[], $3::bigint[], $4::text[], $5::text[])
       AS c (id, status, next_attempt_at, next_contact_id, completion_reason)
  WHERE l.id = c.id`;

/**
 * Writes leads' new states and, for each whose status changed, the counters and the `lead.status_changed`
 * event, as the SQLite store does (lead-state.ts). Set-based: a claim of 100 leads is one UPDATE.
 */
export async function changeLeads(
  tx: PgTx,
  accountId: string,
  changes: readonly { readonly lead: LeadRef; readonly next: LeadStateChange }[],
  now: number,
): Promise<void> {
  if (changes.length === 0) return;
  await tx.run(UPDATE_MANY, [
    changes.map((c) => c.lead.id),
    changes.map((c) => c.next.status),
    changes.map((c) => c.next.nextAttemptAt),
    changes.map((c) => c.next.nextContactId),
    changes.map((c) => c.next.completionReason),
    now,
  ]);
  for (const { lead, next } of changes) {
    if (next.status === lead.status) continue;
    tx.counters.leadMoved(lead.campaign_id, lead.status as LeadStatus, next.status);
    tx.outbox.emit(
      accountId,
      lead.campaign_id,
      'lead.status_changed',
      { leadId: lead.id, from: lead.status, to: next.status, reason: next.completionReason },
      now,
    );
  }
}

export const changeLead = (tx: PgTx, lead: LeadRef, accountId: string, next: LeadStateChange, now: number) =>
  changeLeads(tx, accountId, [{ lead, next }], now);
