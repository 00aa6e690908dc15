import type Database from 'better-sqlite3';
import { CALL_STATUSES, type CallStatus } from '../../domain/call-status.js';
import { LEAD_STATUSES, type LeadStatus } from '../../domain/lead-status.js';
import type { CampaignReport, CampaignStats } from '../../engine/ports/store.js';
import { storeTransaction } from './group-commit.js';

/** What a call counts for: the columns of `calls` the counters read. */
export interface CountedCall {
  readonly status: string;
  readonly answered_by: string | null;
  readonly goal: number | null;
  readonly cost_minor: number;
}

/** What a call counts for besides its status, in both stores' counters and in the call timeline. */
export const isVoicemail = (call: Pick<CountedCall, 'status' | 'answered_by'>) =>
  call.status === 'completed' && call.answered_by === 'machine';
export const achievedGoal = (call: Pick<CountedCall, 'goal'>) => call.goal === 1;

// One delta per column of `campaign_counters`, in this order: leads by status, calls by status, then the three
// below. Statuses map to their positions up front: the hot path adds numbers, it builds no names.
const COLUMNS = [
  ...LEAD_STATUSES.map((s) => `leads_${s}`),
  ...CALL_STATUSES.map((s) => `calls_${s}`),
  'voicemail',
  'goal_achieved',
  'cost_minor',
];
const LEAD_AT = Object.fromEntries(LEAD_STATUSES.map((s, i) => [s, i])) as Record<LeadStatus, number>;
const CALL_AT = Object.fromEntries(CALL_STATUSES.map((s, i) => [s, LEAD_STATUSES.length + i])) as Record<
  CallStatus,
  number
>;
const VOICEMAIL = COLUMNS.indexOf('voicemail');
const GOAL_ACHIEVED = COLUMNS.indexOf('goal_achieved');
const COST = COLUMNS.indexOf('cost_minor');

/** A `campaign_counters` row with the campaign's `in_flight` and its newest outbox `seq`, in either dialect. */
export type CountersRow = Record<string, number>;

const countsOf = <S extends string>(row: CountersRow | undefined, prefix: string, statuses: readonly S[]) =>
  Object.fromEntries(statuses.map((s) => [s, row?.[`${prefix}_${s}`] ?? 0])) as Record<S, number>;

/**
 * The per-campaign counters of migration 0002 (leads and calls by status, voicemail, goals met, cost), kept exact
 * so that the report reads one row instead of counting a campaign's rows (DESIGN §8: O(1) at 1,000,000 leads).
 *
 * Every write that changes what they count says so here; the changes of one store transaction are summed in memory
 * and written by one UPDATE per campaign before it commits. A claim of 100 leads writes them once, where SQLite
 * triggers would have run 200 times (measured: triggers cost three times as many SQLite instructions in a
 * simulation); and what counts (voicemail, a goal met) is written once, in TypeScript, not in one dialect's SQL.
 * Only `transaction` may run the writes that report changes: a change reported outside one throws, so a write
 * path that forgot it fails its tests instead of drifting.
 */
export function createCampaignCounters(db: Database.Database) {
  // Names every column: a status added to the domain without its migration fails here, at start-up.
  const write = db.prepare(
    `UPDATE campaign_counters SET ${COLUMNS.map((c) => `${c} = ${c} + ?`).join(', ')} WHERE campaign_id = ?`,
  );
  // With the campaign's newest outbox event, read in the same statement (one snapshot) for `stats`.
  const read = db.prepare<[string], CountersRow>(
    `SELECT k.*, (SELECT in_flight FROM campaigns WHERE id = k.campaign_id) AS in_flight,
            (SELECT seq FROM events INDEXED BY events_campaign WHERE campaign_id = k.campaign_id
              ORDER BY seq DESC LIMIT 1) AS last_event_seq
       FROM campaign_counters k WHERE k.campaign_id = ?`,
  );
  const pending = new Map<string, number[]>();
  let open = false;

  /** The deltas of a campaign in the transaction under way. */
  function deltasOf(campaignId: string): number[] {
    if (!open)
      throw new Error('campaign counters changed outside a counted transaction: use counters.transaction');
    let deltas = pending.get(campaignId);
    if (!deltas) pending.set(campaignId, (deltas = COLUMNS.map(() => 0)));
    return deltas;
  }

  /** What a call adds to its campaign's counters (`sign` 1), or takes back from them (-1). */
  function countCall(deltas: number[], call: CountedCall, sign: 1 | -1): void {
    deltas[CALL_AT[call.status as CallStatus]]! += sign;
    if (isVoicemail(call)) deltas[VOICEMAIL]! += sign;
    if (achievedGoal(call)) deltas[GOAL_ACHIEVED]! += sign;
    deltas[COST]! += sign * call.cost_minor;
  }

  function flush(): void {
    for (const [campaignId, deltas] of pending) {
      if (write.run(...deltas, campaignId).changes !== 1) {
        throw new Error(`campaign ${campaignId} has no counters row: was it created without the store?`);
      }
    }
    pending.clear();
  }

  return {
    /** A campaign's leads by status; zeros for an unknown campaign. */
    leadCounts: (campaignId: string) => countsOf(read.get(campaignId), 'leads', LEAD_STATUSES),
    report: (campaignId: string) => toCampaignReport(read.get(campaignId)),
    stats: (campaignId: string) => toCampaignStats(read.get(campaignId)),

    /** `n` leads entered (or, negative, left) `status`. */
    leads(campaignId: string, status: LeadStatus, n: number): void {
      deltasOf(campaignId)[LEAD_AT[status]]! += n;
    },
    leadMoved(campaignId: string, from: LeadStatus, to: LeadStatus): void {
      if (from === to) return;
      const deltas = deltasOf(campaignId);
      deltas[LEAD_AT[from]]! -= 1;
      deltas[LEAD_AT[to]]! += 1;
    },
    /** A call inserted (`before` null), changed, or deleted (`after` null). */
    callChanged(campaignId: string, before: CountedCall | null, after: CountedCall | null): void {
      const deltas = deltasOf(campaignId);
      if (before) countCall(deltas, before, -1);
      if (after) countCall(deltas, after, 1);
    },
    /**
     * `fn` as a store transaction (`storeTransaction`) that writes the counters `fn` changed inside the same
     * transaction, or forgets them when it throws (the rollback undoes the rest). Store transactions do not nest.
     */
    transaction<Args extends unknown[], Result>(fn: (...args: Args) => Result) {
      return storeTransaction(db, (...args: Args): Result => {
        open = true;
        try {
          const result = fn(...args);
          flush();
          return result;
        } finally {
          open = false;
          pending.clear();
        }
      });
    },
  };
}

export type CampaignCounters = ReturnType<typeof createCampaignCounters>;

/** The report's figures from a counters row; zeros for an unknown campaign (no row). */
export function toCampaignReport(row: CountersRow | undefined): CampaignReport {
  return {
    leadsByStatus: countsOf(row, 'leads', LEAD_STATUSES),
    callsByStatus: countsOf(row, 'calls', CALL_STATUSES),
    voicemail: row?.voicemail ?? 0,
    goalAchieved: row?.goal_achieved ?? 0,
    costMinor: row?.cost_minor ?? 0,
    inFlight: row?.in_flight ?? 0,
  };
}

/** The report with the campaign's newest outbox `seq` (0: none), read by the same statement. */
export const toCampaignStats = (row: CountersRow | undefined): CampaignStats => ({
  ...toCampaignReport(row),
  lastEventSeq: row?.last_event_seq ?? 0,
});
