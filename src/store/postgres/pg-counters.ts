import { CALL_STATUSES, type CallStatus } from '../../domain/call-status.js';
import { LEAD_STATUSES, type LeadStatus } from '../../domain/lead-status.js';
import type { CampaignReport, CampaignStats } from '../../engine/ports/store.js';
import {
  achievedGoal,
  isVoicemail,
  toCampaignReport,
  toCampaignStats,
  type CountedCall,
  type CountersRow,
} from '../sqlite/campaign-counters.js';
import type { PgQueries } from './pg-queries.js';

// The columns of `campaign_counters`, in the order of the deltas: leads by status, calls by status, then three.
const COLUMNS = [
  ...LEAD_STATUSES.map((s) => `leads_${s}`),
  ...CALL_STATUSES.map((s) => `calls_${s}`),
  'voicemail',
  'goal_achieved',
  'cost_minor',
];
const VOICEMAIL = COLUMNS.indexOf('voicemail');
const GOAL_ACHIEVED = COLUMNS.indexOf('goal_achieved');
const COST = COLUMNS.indexOf('cost_minor');
const leadAt = (status: LeadStatus) => LEAD_STATUSES.indexOf(status);
const callAt = (status: string) => LEAD_STATUSES.length + CALL_STATUSES.indexOf(status as CallStatus);

// Names every column: a status added to the domain without its migration fails at the first write.
const WRITE = `UPDATE campaign_counters SET ${COLUMNS.map((c, i) => `${c} = ${c} + $${i + 2}`).join(', ')}
  WHERE campaign_id = $1`;
// With the campaign's newest outbox event, read by the same statement (one snapshot) for `readStats`.
const READ = `SELECT k.*, c.in_flight,
    (SELECT seq FROM events e WHERE e.campaign_id = k.campaign_id ORDER BY seq DESC LIMIT 1) AS last_event_seq
  FROM campaign_counters k JOIN campaigns c ON c.id = k.campaign_id
  WHERE k.campaign_id = $1`;

/**
 * The per-campaign counters (leads and calls by status, voicemail, goals met, cost) that make the report O(1)
 * (DESIGN §8), kept exact as on SQLite: the changes of one transaction are summed in memory and written by one
 * UPDATE per campaign just before it commits. Written last, the counters row is locked for the shortest time:
 * every transaction of a campaign writes it, whichever worker runs it.
 */
export function createTxCounters() {
  const pending = new Map<string, number[]>();
  const deltasOf = (campaignId: string) => {
    let deltas = pending.get(campaignId);
    if (!deltas) pending.set(campaignId, (deltas = COLUMNS.map(() => 0)));
    return deltas;
  };
  const countCall = (deltas: number[], call: CountedCall, sign: 1 | -1) => {
    deltas[callAt(call.status)]! += sign;
    if (isVoicemail(call)) deltas[VOICEMAIL]! += sign;
    if (achievedGoal(call)) deltas[GOAL_ACHIEVED]! += sign;
    deltas[COST]! += sign * call.cost_minor;
  };
  return {
    /** `n` leads entered (or, negative, left) `status`. */
    leads(campaignId: string, status: LeadStatus, n: number): void {
      if (n !== 0) deltasOf(campaignId)[leadAt(status)]! += n;
    },
    leadMoved(campaignId: string, from: LeadStatus, to: LeadStatus): void {
      if (from === to) return;
      const deltas = deltasOf(campaignId);
      deltas[leadAt(from)]! -= 1;
      deltas[leadAt(to)]! += 1;
    },
    /** A call inserted (`before` null), changed, or deleted (`after` null). */
    callChanged(campaignId: string, before: CountedCall | null, after: CountedCall | null): void {
      const deltas = deltasOf(campaignId);
      if (before) countCall(deltas, before, -1);
      if (after) countCall(deltas, after, 1);
    },
    /** The change to `status`'s count of a campaign this transaction has made so far (not yet written). */
    pendingLeads(campaignId: string, status: LeadStatus): number {
      return pending.get(campaignId)?.[leadAt(status)] ?? 0;
    },
    /** Writes the sums; campaigns in id order, so two transactions never wait on each other's rows in a cycle. */
    async flush(q: PgQueries): Promise<void> {
      for (const campaignId of [...pending.keys()].sort()) {
        const deltas = pending.get(campaignId)!;
        if (deltas.every((d) => d === 0)) continue;
        if ((await q.run(WRITE, [campaignId, ...deltas])) !== 1) {
          throw new Error(`campaign ${campaignId} has no counters row: was it created without the store?`);
        }
      }
      pending.clear();
    },
  };
}

export type TxCounters = ReturnType<typeof createTxCounters>;

/** The counters as the report reads them; zeros for an unknown campaign. */
export async function readCounters(q: PgQueries, campaignId: string): Promise<CampaignReport> {
  return toCampaignReport(await q.row<CountersRow>(READ, [campaignId]));
}

/** The report and the campaign's newest outbox `seq` (0: none), from one statement: one snapshot. */
export async function readStats(q: PgQueries, campaignId: string): Promise<CampaignStats> {
  return toCampaignStats(await q.row<CountersRow>(READ, [campaignId]));
}
