import { SCHEDULING_CHUNK } from '../sqlite/lead-scheduling.js';
import type { PgTx } from './pg-database.js';

const SCHEDULE_CHUNK = `UPDATE leads SET status = 'scheduled', next_attempt_at = $2, updated_at = $2,
    next_contact_id = (SELECT id FROM contacts WHERE lead_id = leads.id AND dead = 0 ORDER BY position LIMIT 1)
  WHERE id IN (SELECT id FROM leads WHERE campaign_id = $1 AND status = 'created' ORDER BY id LIMIT ${SCHEDULING_CHUNK}
               FOR NO KEY UPDATE SKIP LOCKED)`;

/**
 * An active campaign's `created` leads become `scheduled` a chunk at a time, as on SQLite (lead-scheduling.ts):
 * the start schedules the first chunk and each claim the next, so a campaign of a million leads dials at once.
 * Returns true when `created` leads may be left.
 */
export async function scheduleNextChunk(tx: PgTx, campaignId: string, now: number): Promise<boolean> {
  const scheduled = await tx.run(SCHEDULE_CHUNK, [campaignId, now]);
  tx.counters.leads(campaignId, 'created', -scheduled);
  tx.counters.leads(campaignId, 'scheduled', scheduled);
  return scheduled === SCHEDULING_CHUNK;
}

/** Whether a campaign still has `created` leads, from its counters (no count over the leads). */
export async function hasCreatedLeads(tx: PgTx, campaignId: string): Promise<boolean> {
  const row = await tx.row<{ leads_created: number }>(
    'SELECT leads_created FROM campaign_counters WHERE campaign_id = $1',
    [campaignId],
  );
  return (row?.leads_created ?? 0) > 0;
}
