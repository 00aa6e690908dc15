import type Database from 'better-sqlite3';
import type { CampaignCounters } from './campaign-counters.js';

/**
 * How many `created` leads one transaction schedules. A start used to schedule every lead of the campaign in its
 * own transaction: 8 s for 1,000,000 leads, all that time between the click and the first dial (DESIGN §2.3: one
 * second) and with the process unable to answer anything else. 2,000 leads take about 8 ms.
 */
export const SCHEDULING_CHUNK = 2_000;

/**
 * Moves an active campaign's `created` leads to `scheduled`, due now, in import order, a chunk at a time: the
 * start schedules the first chunk and each claim of the campaign the next one (claim.ts), so the first calls go out
 * at once while the rest of a large campaign is scheduled in the background. It runs inside the caller's
 * transaction; what is left to schedule is in the database, so a restart simply carries on.
 */
export function createLeadScheduling(db: Database.Database, counters: CampaignCounters) {
  // A literal LIMIT: a bound one would make SQLite plan the statement again on every run.
  const scheduleChunk = db.prepare(
    `UPDATE leads SET status = 'scheduled', next_attempt_at = ?, updated_at = ?,
       next_contact_id = (SELECT id FROM contacts WHERE lead_id = leads.id AND dead = 0 ORDER BY position LIMIT 1)
     WHERE id IN (SELECT id FROM leads INDEXED BY leads_by_status
                   WHERE campaign_id = ? AND status = 'created' ORDER BY id LIMIT ${SCHEDULING_CHUNK})`,
  );
  return {
    /** Schedules the next chunk; true when `created` leads may be left for the next one. */
    scheduleNextChunk(campaignId: string, now: number): boolean {
      const scheduled = scheduleChunk.run(now, now, campaignId).changes;
      counters.leads(campaignId, 'created', -scheduled);
      counters.leads(campaignId, 'scheduled', scheduled);
      return scheduled === SCHEDULING_CHUNK;
    },
  };
}

export type LeadScheduling = ReturnType<typeof createLeadScheduling>;
