import { CALL_STATUSES, type CallStatus } from '../../domain/call-status.js';
import type { Store } from '../../engine/ports/store.js';
import {
  toCallWithContext,
  toContact,
  toLead,
  type CallWithContextRow,
  type ContactRow,
  type LeadRow,
} from '../sqlite/rows.js';
import { CALL_WITH_CONTEXT, toStoredEvent, type EventRow, type ReadMethods } from '../sqlite/reads.js';
import { createPgLeadListing } from './pg-lead-listing.js';
import type { PgQueries } from './pg-queries.js';

/** The read side of leads, calls and the outbox on PostgreSQL: single statements, no transaction needed. */
export function createPgReads(q: PgQueries): Pick<Store, ReadMethods> {
  return {
    getLead: async (leadId) => {
      const lead = await q.row<LeadRow>('SELECT * FROM leads WHERE id = $1', [leadId]);
      if (!lead) return null;
      const contacts = await q.rows<ContactRow>(
        'SELECT * FROM contacts WHERE lead_id = $1 ORDER BY position',
        [leadId],
      );
      return { lead: toLead(lead), contacts: contacts.map(toContact) };
    },
    listLeads: createPgLeadListing(q),
    nextDueLeadAt: async (campaignId) =>
      (
        await q.row<{ at: number | null }>(
          `SELECT min(next_attempt_at) AS at FROM leads
            WHERE campaign_id = $1 AND status IN ('scheduled', 'rescheduled')`,
          [campaignId],
        )
      )?.at ?? null,
    listLeadCalls: async (leadId) =>
      (
        await q.rows<CallWithContextRow>(`${CALL_WITH_CONTEXT} WHERE calls.lead_id = $1 ORDER BY calls.id`, [
          leadId,
        ])
      ).map(toCallWithContext),
    getCall: async (callId) => {
      const row = await q.row<CallWithContextRow>(`${CALL_WITH_CONTEXT} WHERE calls.id = $1`, [callId]);
      if (!row) return null;
      const events = await q.rows<{ status: CallStatus; at: number }>(
        'SELECT status, at FROM call_events WHERE call_id = $1 AND status IS NOT NULL',
        [callId],
      );
      // By the provider's time; equal times in status order, which is the order applied (DESIGN §2.7).
      const rank = (s: CallStatus) => CALL_STATUSES.indexOf(s);
      const timeline = events.sort((a, b) => a.at - b.at || rank(a.status) - rank(b.status));
      return { call: toCallWithContext(row), timeline };
    },
    listCalls: async (campaignId, { after, limit, newestFirst = false }) => {
      // Newest first reads the same index backwards, from its end when no page came before.
      const bound = !newestFirst ? 'AND calls.id > $3' : after === null ? '' : 'AND calls.id < $3';
      const rows = await q.rows<CallWithContextRow>(
        `${CALL_WITH_CONTEXT} WHERE calls.campaign_id = $1 ${bound}
          ORDER BY calls.id ${newestFirst ? 'DESC' : 'ASC'} LIMIT $2`,
        bound === '' ? [campaignId, limit] : [campaignId, limit, after ?? ''],
      );
      return rows.map(toCallWithContext);
    },
    listEvents: async ({ campaignId, after, limit }) =>
      (campaignId === null
        ? await q.rows<EventRow>('SELECT * FROM events WHERE seq > $1 ORDER BY seq LIMIT $2', [after, limit])
        : await q.rows<EventRow>(
            'SELECT * FROM events WHERE campaign_id = $1 AND seq > $2 ORDER BY seq LIMIT $3',
            [campaignId, after, limit],
          )
      ).map(toStoredEvent),
    lastActivityAt: async () =>
      (await q.row<{ at: number }>('SELECT created_at AS at FROM events ORDER BY seq DESC LIMIT 1'))?.at ??
      null,
  };
}
