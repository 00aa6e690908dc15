import type Database from 'better-sqlite3';
import { CALL_STATUSES, type CallStatus } from '../../domain/call-status.js';
import { localDateTime, localToInstant } from '../../domain/calling-window.js';
import type { CallTimelineBucket, Store, TimelineBucketSize } from '../../engine/ports/store.js';
import { achievedGoal, isVoicemail } from './campaign-counters.js';

/**
 * The call timeline (`Store.callTimeline`) of both dialects: what their GROUP BY needs, and what its rows become.
 *
 * A call's bucket is `(placed_at + offset) / size` in integer arithmetic. For hours the offset is 0: UTC hours.
 * For days it is the zone's UTC offset at `placed_at`, which makes the quotient the local date. The dialects share
 * no time zone support (SQLite has none), so the offsets come in as segments, stretches of time with one offset
 * found here with Intl, and the SQL joins each call to its segment: one segment for a zone without DST, two a year
 * for one with it.
 *
 * The SQL answers one row per bucket, status, `answered_by` and `goal`; they are summed here, so that what counts
 * as voicemail or a goal met is decided once, in TypeScript, as for the counters.
 */

const SECOND = 1000;
const HOUR = 3600 * SECOND;
const DAY = 24 * HOUR;
/** The range of a JS Date: where the first segment starts and the last one ends. */
const EARLIEST = -8.64e15;
const LATEST = 8.64e15;

/** `[from, to)`, over which local time is `instant + offset`. */
export interface OffsetSegment {
  readonly from: number;
  readonly to: number;
  readonly offset: number;
}

export interface TimelinePlan {
  /** The bucket's length in ms (a day of local time: DST days are 23 or 25 hours of real time). */
  readonly size: number;
  /** Every instant lies in exactly one: the SQL's join matches each call once. */
  readonly segments: readonly OffsetSegment[];
  /** The first instant of the bucket the SQL numbered `bucket`. */
  readonly startOf: (bucket: number) => number;
}

/** When a campaign's first and last calls (by id) were placed; null without calls. */
export interface CallSpan {
  readonly first: number | null;
  readonly last: number | null;
}

/** One row of the GROUP BY: how many calls of a bucket have this status, `answered_by` and goal. */
export interface TimelineRow {
  readonly bucket: number;
  readonly status: CallStatus;
  readonly answered_by: string | null;
  readonly goal: number | null;
  readonly calls: number;
}

/**
 * How to bucket the calls placed between `span.first` and `span.last` (the campaign's first and last call by id).
 * Ids sort by creation time, but a worker's clock may run apart from another's: offsets are found a day beyond
 * both ends, and the outer segments reach as far as time goes.
 */
export function planTimeline(
  size: TimelineBucketSize,
  timezone: string,
  span: { readonly first: number; readonly last: number },
): TimelinePlan {
  switch (size) {
    case 'hour':
      return {
        size: HOUR,
        segments: [{ from: EARLIEST, to: LATEST, offset: 0 }],
        startOf: (bucket) => bucket * HOUR,
      };
    case 'day':
      return {
        size: DAY,
        segments: offsetSegments(timezone, span.first - DAY, span.last + DAY),
        startOf: (bucket) => {
          // The bucket is a local date as days since 1970-01-01; it starts at that date's first instant.
          const date = new Date(bucket * DAY);
          const [year, month, day] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
          return localToInstant(timezone, year, month, day, 0);
        },
      };
  }
}

/** `Store.callTimeline` on SQLite. */
export function createCallTimeline(db: Database.Database): Pick<Store, 'callTimeline'> {
  // The first and last call by id, two probes of `calls_campaign`: where the offsets are needed.
  const span = db.prepare<[string, string], CallSpan>(
    `SELECT (SELECT placed_at FROM calls INDEXED BY calls_campaign WHERE campaign_id = ? ORDER BY id LIMIT 1)
              AS first,
            (SELECT placed_at FROM calls INDEXED BY calls_campaign WHERE campaign_id = ? ORDER BY id DESC LIMIT 1)
              AS last`,
  );
  // One pass over the campaign's calls (CROSS JOIN keeps them the outer loop), each matched to its offset
  // segment; then the newest buckets. The size is cast: a JS number binds as a REAL.
  const count = db.prepare<[string, number, string, number], TimelineRow>(
    `WITH segments (from_ms, to_ms, offset_ms) AS MATERIALIZED (
       SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?)
     ),
     counted AS (
       SELECT (c.placed_at + s.offset_ms) / CAST(? AS INTEGER) AS bucket, c.status, c.answered_by, c.goal,
              count(*) AS calls
         FROM calls c INDEXED BY calls_campaign CROSS JOIN segments s
        WHERE c.campaign_id = ? AND c.placed_at >= s.from_ms AND c.placed_at < s.to_ms
        GROUP BY bucket, c.status, c.answered_by, c.goal
     )
     SELECT * FROM counted
      WHERE bucket >= (SELECT min(bucket) FROM (SELECT DISTINCT bucket FROM counted ORDER BY bucket DESC LIMIT ?))
      ORDER BY bucket`,
  );
  return {
    callTimeline: async ({ campaignId, bucket, timezone, limit }) => {
      const { first, last } = span.get(campaignId, campaignId)!;
      if (first === null || last === null) return [];
      const plan = planTimeline(bucket, timezone, { first, last });
      const segments = JSON.stringify(plan.segments.map((s) => [s.from, s.to, s.offset]));
      return toTimeline(count.all(segments, plan.size, campaignId, limit), plan);
    },
  };
}

/** A bucket while its rows are summed. */
interface Tally {
  start: number;
  callsByStatus: Record<CallStatus, number>;
  voicemail: number;
  goalAchieved: number;
}

const noCalls = () => Object.fromEntries(CALL_STATUSES.map((s) => [s, 0])) as Record<CallStatus, number>;

/** Sums the rows, in bucket order, into the timeline's buckets. */
export function toTimeline(rows: readonly TimelineRow[], plan: TimelinePlan): CallTimelineBucket[] {
  const buckets: Tally[] = [];
  let last: number | null = null;
  for (const row of rows) {
    if (row.bucket !== last) {
      buckets.push({
        start: plan.startOf(row.bucket),
        callsByStatus: noCalls(),
        voicemail: 0,
        goalAchieved: 0,
      });
      last = row.bucket;
    }
    const bucket = buckets.at(-1)!;
    bucket.callsByStatus[row.status] += row.calls;
    if (isVoicemail(row)) bucket.voicemail += row.calls;
    if (achievedGoal(row)) bucket.goalAchieved += row.calls;
  }
  return buckets;
}

/** `[EARLIEST, LATEST)` cut where the zone's offset changes between `from` and `to`. */
function offsetSegments(timezone: string, from: number, to: number): OffsetSegment[] {
  const segments: OffsetSegment[] = [];
  let start = EARLIEST;
  let offset = offsetAt(timezone, from);
  // A probe a day finds every change: no zone changes its offset twice within a day (calling-window.ts).
  for (let probe = from; probe < to; probe += DAY) {
    const next = Math.min(probe + DAY, to);
    const nextOffset = offsetAt(timezone, next);
    if (nextOffset === offset) continue;
    const change = firstSecondWithNewOffset(timezone, probe, next);
    segments.push({ from: start, to: change, offset });
    start = change;
    offset = nextOffset;
  }
  segments.push({ from: start, to: LATEST, offset });
  return segments;
}

/** The zone's offset at `instant` in ms: its local wall-clock time read as UTC, less the instant. */
function offsetAt(timezone: string, instant: number): number {
  const local = localDateTime(timezone, instant);
  const wallAsUtc = Date.UTC(local.year, local.month - 1, local.day, 0, local.minuteOfDay, local.second);
  return wallAsUtc - Math.floor(instant / SECOND) * SECOND;
}

/** The instant the offset of `before` gives way to that of `after`: offsets change on whole seconds. */
function firstSecondWithNewOffset(timezone: string, before: number, after: number): number {
  const old = offsetAt(timezone, before);
  let lo = Math.floor(before / SECOND);
  let hi = Math.ceil(after / SECOND);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (offsetAt(timezone, mid * SECOND) === old) lo = mid;
    else hi = mid;
  }
  return hi * SECOND;
}
