import type { Store } from '../../engine/ports/store.js';
import { planTimeline, toTimeline, type CallSpan, type TimelineRow } from '../sqlite/call-timeline.js';
import type { PgQueries } from './pg-queries.js';

// The first and last call by id, two probes of `calls_campaign`: where the offsets are needed.
const SPAN = `SELECT (SELECT placed_at FROM calls WHERE campaign_id = $1 ORDER BY id LIMIT 1) AS first,
  (SELECT placed_at FROM calls WHERE campaign_id = $1 ORDER BY id DESC LIMIT 1) AS last`;

// One pass over the campaign's calls, each matched to its offset segment; then the newest buckets.
const COUNT = `WITH counted AS (
    SELECT (c.placed_at + s.offset_ms) / $2::bigint AS bucket, c.status, c.answered_by, c.goal, count(*) AS calls
      FROM calls c
      JOIN unnest($3::bigint[], $4::bigint[], $5::bigint[]) AS s (from_ms, to_ms, offset_ms)
        ON c.placed_at >= s.from_ms AND c.placed_at < s.to_ms
     WHERE c.campaign_id = $1
     GROUP BY 1, 2, 3, 4
  )
  SELECT * FROM counted
   WHERE bucket >= (SELECT min(bucket) FROM (SELECT DISTINCT bucket FROM counted ORDER BY bucket DESC LIMIT $6) newest)
   ORDER BY bucket`;

/** `Store.callTimeline` on PostgreSQL: SQLite's (`call-timeline.ts`) in this dialect, with the same plan. */
export function createPgCallTimeline(q: PgQueries): Pick<Store, 'callTimeline'> {
  return {
    callTimeline: async ({ campaignId, bucket, timezone, limit }) => {
      const { first, last } = (await q.row<CallSpan>(SPAN, [campaignId]))!;
      if (first === null || last === null) return [];
      const plan = planTimeline(bucket, timezone, { first, last });
      const { segments } = plan;
      const rows = await q.rows<TimelineRow>(COUNT, [
        campaignId,
        plan.size,
        segments.map((s) => s.from),
        segments.map((s) => s.to),
        segments.map((s) => s.offset),
        limit,
      ]);
      return toTimeline(rows, plan);
    },
  };
}
