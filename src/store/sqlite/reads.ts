import type Database from 'better-sqlite3';
import { CALL_STATUSES, type CallStatus } from '../../domain/call-status.js';
import type { Store, StoredEvent } from '../../engine/ports/store.js';
import { createLeadListing } from './lead-listing.js';
import {
  toCallWithContext,
  toContact,
  toLead,
  type CallWithContextRow,
  type ContactRow,
  type LeadRow,
} from './rows.js';

/** The Store's read methods (shared with the PostgreSQL store). */
export type ReadMethods =
  | 'getLead'
  | 'listLeads'
  | 'nextDueLeadAt'
  | 'listLeadCalls'
  | 'getCall'
  | 'listCalls'
  | 'listEvents'
  | 'lastActivityAt';

/** An outbox row as both dialects return it. */
export interface EventRow {
  seq: number;
  account_id: string;
  campaign_id: string | null;
  type: string;
  payload: string;
  created_at: number;
}

export const toStoredEvent = (row: EventRow): StoredEvent => ({
  seq: row.seq,
  accountId: row.account_id,
  campaignId: row.campaign_id,
  type: row.type,
  payload: JSON.parse(row.payload) as Record<string, unknown>,
  createdAt: row.created_at,
});

/** A call with its lead's name and its contact: the same join in both dialects. */
export const CALL_WITH_CONTEXT = `SELECT calls.*, leads.name AS lead_name, contacts.phone, contacts.position
  FROM calls JOIN leads ON leads.id = calls.lead_id JOIN contacts ON contacts.id = calls.contact_id`;

/** The read side of leads, calls and the outbox: what the API and the dashboard show. */
export function createReads(db: Database.Database): Pick<Store, ReadMethods> {
  const q = {
    lead: db.prepare<[string], LeadRow>('SELECT * FROM leads WHERE id = ?'),
    contacts: db.prepare<[string], ContactRow>('SELECT * FROM contacts WHERE lead_id = ? ORDER BY position'),
    // The claim's index (claim.ts): its first entry is the answer.
    nextDue: db.prepare<[string], { at: number | null }>(
      `SELECT min(next_attempt_at) AS at FROM leads INDEXED BY leads_waiting
        WHERE campaign_id = ? AND status IN ('scheduled', 'rescheduled')`,
    ),
    calls: db.prepare<[string, string, number], CallWithContextRow>(
      `${CALL_WITH_CONTEXT} WHERE calls.campaign_id = ? AND calls.id > ? ORDER BY calls.id LIMIT ?`,
    ),
    // Newest first: the same index read backwards; the first page has no id to start below.
    newestCalls: db.prepare<[string, number], CallWithContextRow>(
      `${CALL_WITH_CONTEXT} WHERE calls.campaign_id = ? ORDER BY calls.id DESC LIMIT ?`,
    ),
    newestCallsBefore: db.prepare<[string, string, number], CallWithContextRow>(
      `${CALL_WITH_CONTEXT} WHERE calls.campaign_id = ? AND calls.id < ? ORDER BY calls.id DESC LIMIT ?`,
    ),
    leadCalls: db.prepare<[string], CallWithContextRow>(
      `${CALL_WITH_CONTEXT} WHERE calls.lead_id = ? ORDER BY calls.id`,
    ),
    call: db.prepare<[string], CallWithContextRow>(`${CALL_WITH_CONTEXT} WHERE calls.id = ?`),
    // Only applied status events keep their status in `call_events` (call-events.ts): stale ones are stored
    // without it.
    timeline: db.prepare<[string], { status: CallStatus; at: number }>(
      'SELECT status, at FROM call_events WHERE call_id = ? AND status IS NOT NULL',
    ),
    events: db.prepare<[string | null, string | null, number, number], EventRow>(
      'SELECT * FROM events WHERE (? IS NULL OR campaign_id = ?) AND seq > ? ORDER BY seq LIMIT ?',
    ),
    lastActivity: db.prepare<[], { at: number | null }>('SELECT max(created_at) AS at FROM events'),
  };

  return {
    getLead: async (leadId) => {
      const lead = q.lead.get(leadId);
      return lead ? { lead: toLead(lead), contacts: q.contacts.all(leadId).map(toContact) } : null;
    },
    listLeads: createLeadListing(db),
    nextDueLeadAt: async (campaignId) => q.nextDue.get(campaignId)?.at ?? null,
    listLeadCalls: async (leadId) => q.leadCalls.all(leadId).map(toCallWithContext),
    getCall: async (callId) => {
      const row = q.call.get(callId);
      if (!row) return null;
      // By the provider's time; equal times in the order applied, which is the status order since a call's
      // status only moves forward (DESIGN §2.7).
      const rank = (s: CallStatus) => CALL_STATUSES.indexOf(s);
      const timeline = q.timeline.all(callId).sort((a, b) => a.at - b.at || rank(a.status) - rank(b.status));
      return { call: toCallWithContext(row), timeline };
    },
    listCalls: async (campaignId, { after, limit, newestFirst = false }) =>
      (!newestFirst
        ? q.calls.all(campaignId, after ?? '', limit)
        : after === null
          ? q.newestCalls.all(campaignId, limit)
          : q.newestCallsBefore.all(campaignId, after, limit)
      ).map(toCallWithContext),
    listEvents: async ({ campaignId, after, limit }) =>
      q.events.all(campaignId, campaignId, after, limit).map(toStoredEvent),
    lastActivityAt: async () => q.lastActivity.get()?.at ?? null,
  };
}
