import type Database from 'better-sqlite3';
import type { AddLeadsResult, LeadOverrideOutcome, NewLead } from '../../engine/ports/store.js';
import type { CampaignCounters } from './campaign-counters.js';
import type { CampaignState } from './campaign-state.js';
import type { DoNotCallEntries } from './do-not-call.js';
import type { LeadState } from './lead-state.js';
import { toLead, type CampaignRow, type LeadRow } from './rows.js';

/**
 * Adding leads (with per-campaign dedup by number and the account's do-not-call list) and the manual overrides of
 * DESIGN §2.4.
 */
export function createLeadWrites(
  db: Database.Database,
  campaigns: CampaignState,
  leads: LeadState,
  counters: CampaignCounters,
  doNotCall: DoNotCallEntries,
) {
  const numberTaken = db.prepare<[string, string], { one: number }>(
    'SELECT 1 AS one FROM contacts WHERE campaign_id = ? AND phone = ?',
  );
  const insertLead = db.prepare(
    `INSERT INTO leads (id, campaign_id, name, external_id, fields, status, next_attempt_at, next_contact_id,
       created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  // One descent of the campaign's number index both checks and inserts: a lookup first, then the insert, was a
  // quarter of a million-lead import (the index is written in random order).
  const insertContactUnlessTaken = db.prepare(
    `INSERT INTO contacts (id, lead_id, campaign_id, position, phone) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (campaign_id, phone) DO NOTHING`,
  );

  const leadById = db.prepare<[string], LeadRow>('SELECT * FROM leads WHERE id = ?');
  /** The campaign's leads for these people (a JSON array of external ids), and the position each next number takes. */
  const leadsOfPeople = db.prepare<
    [string, string],
    { external_id: string; id: string; next_position: number }
  >(
    `SELECT l.external_id, min(l.id) AS id,
            (SELECT coalesce(max(c.position) + 1, 0) FROM contacts c WHERE c.lead_id = min(l.id)) AS next_position
       FROM leads l INDEXED BY leads_external_id
      WHERE l.campaign_id = ? AND l.external_id IN (SELECT value FROM json_each(?))
      GROUP BY l.external_id`,
  );
  const firstLiveContact = db.prepare<[string], { id: string }>(
    'SELECT id FROM contacts WHERE lead_id = ? AND dead = 0 ORDER BY position LIMIT 1',
  );
  const resetAttempts = db.prepare('UPDATE contacts SET attempts = 0, last_result = NULL WHERE lead_id = ?');
  const countReset = db.prepare('UPDATE leads SET resets = resets + 1 WHERE id = ?');
  const liveCall = db.prepare<[string], { one: number }>(
    "SELECT 1 AS one FROM calls WHERE lead_id = ? AND phase != 'settled' LIMIT 1",
  );
  const accountOf = db.prepare<[string], { account_id: string }>(
    'SELECT account_id FROM campaigns WHERE id = ?',
  );

  const add = counters.transaction(
    (campaign: CampaignRow, batch: readonly NewLead[], now: number): AddLeadsResult => {
      const started = campaign.status !== 'draft';
      const duplicates: { index: number; phone: string }[] = [];
      const suppressed: { index: number; phone: string }[] = [];
      // Every number named so far in the batch, kept or not: the first row to name a number decides its fate.
      const named = new Set<string>();
      let created = 0;
      // A lead's contacts go in before the lead, whose row needs its first kept number and exists only if one is
      // kept: their reference to it is checked at commit (reset by SQLite when this transaction ends).
      db.pragma('defer_foreign_keys = ON');
      // One person, one lead: a lead whose external id the campaign already has (or an earlier lead of this batch
      // has) adds its numbers to that lead. One lookup for the whole batch.
      const externalIds = batch.flatMap((lead) => (lead.externalId === null ? [] : [lead.externalId]));
      const people = new Map(
        externalIds.length === 0
          ? []
          : leadsOfPeople
              .all(campaign.id, JSON.stringify(externalIds))
              .map((p) => [p.external_id, { id: p.id, nextPosition: p.next_position }]),
      );
      batch.forEach((lead, index) => {
        const person = lead.externalId === null ? undefined : people.get(lead.externalId);
        const owner = person?.id ?? lead.id;
        const firstPosition = person?.nextPosition ?? 0;
        let first: string | null = null;
        let kept = 0;
        for (const c of lead.contacts) {
          // One number is one contact of one lead (DESIGN §2.4): the first to name it keeps it, whether the other
          // is already in the campaign, earlier in this batch, or earlier in this very lead.
          if (named.has(c.phone)) {
            duplicates.push({ index, phone: c.phone });
            continue;
          }
          named.add(c.phone);
          // A number on the account's do-not-call list is never dialed (DESIGN §2.4): it is not even added. One
          // the campaign already has is a duplicate first.
          if (doNotCall.isListed(campaign.account_id, c.phone)) {
            (numberTaken.get(campaign.id, c.phone) ? duplicates : suppressed).push({ index, phone: c.phone });
            continue;
          }
          const position = firstPosition + kept;
          if (insertContactUnlessTaken.run(c.id, owner, campaign.id, position, c.phone).changes === 0) {
            duplicates.push({ index, phone: c.phone });
            continue;
          }
          first ??= c.id;
          kept += 1;
        }
        if (person !== undefined) person.nextPosition += kept;
        if (first === null || person !== undefined) return;
        if (lead.externalId !== null) people.set(lead.externalId, { id: lead.id, nextPosition: kept });
        insertLead.run(
          lead.id,
          campaign.id,
          lead.name,
          lead.externalId,
          JSON.stringify(lead.fields),
          started ? 'scheduled' : 'created',
          started ? now : null,
          started ? first : null,
          now,
          now,
        );
        created += 1;
      });
      counters.leads(campaign.id, started ? 'scheduled' : 'created', created);
      if (created > 0 && campaign.status === 'completed') campaigns.transition(campaign, 'reopen', now);
      return { created, duplicates, suppressed };
    },
  );

  const override = counters.transaction(
    (leadId: string, to: 'created' | 'completed', now: number): LeadOverrideOutcome => {
      const lead = leadById.get(leadId);
      const campaign = lead ? campaigns.byId(lead.campaign_id) : undefined;
      if (!lead || !campaign)
        return { ok: false, code: 'not_found', message: `lead ${leadId} does not exist` };
      const accountId = accountOf.get(lead.campaign_id)!.account_id;
      if (to === 'completed') {
        leads.change(
          lead,
          accountId,
          { status: 'completed', nextAttemptAt: null, nextContactId: null, completionReason: 'manual' },
          now,
        );
        campaigns.completeIfDone(campaign.id, now);
      } else {
        // Not only `processing`: a lead marked completed by hand may still have its last call live.
        if (lead.status === 'processing' || liveCall.get(lead.id)) {
          return {
            ok: false,
            code: 'lead_processing',
            message: 'the lead has a call in flight: reset it once the call has ended',
          };
        }
        resetAttempts.run(lead.id);
        countReset.run(lead.id);
        const started = campaign.status !== 'draft';
        const first = firstLiveContact.get(lead.id)?.id ?? null;
        leads.change(
          lead,
          accountId,
          first === null
            ? { status: 'max_retries', nextAttemptAt: null, nextContactId: null, completionReason: null }
            : {
                status: started ? 'scheduled' : 'created',
                nextAttemptAt: started ? now : null,
                nextContactId: started ? first : null,
                completionReason: null,
              },
          now,
        );
        if (first !== null && campaign.status === 'completed') campaigns.transition(campaign, 'reopen', now);
      }
      return { ok: true, lead: toLead(leadById.get(leadId)!) };
    },
  );

  return {
    add: (campaign: CampaignRow, batch: readonly NewLead[], now: number) => add(campaign, batch, now),
    override: (leadId: string, to: 'created' | 'completed', now: number) => override(leadId, to, now),
  };
}
