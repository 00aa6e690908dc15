/**
 * DESIGN §2.10 checked from a PostgreSQL schema after several workers ran a campaign on it: the independent
 * checker of the SQLite tests (check-guarantees.ts) on the same tables, plus what only several workers could
 * break — the concurrency limit at every moment, across all of them.
 */
import pg from 'pg';
import { poolOptions } from '../../src/store/postgres/pg-database.js';
import {
  GUARANTEE_QUERIES,
  checkGuaranteeTables,
  type GuaranteeTables,
} from '../guarantees/check-guarantees.js';
import { TEST_DATABASE_URL } from '../support/postgres.js';

/** A connection on `schema` that reads bigint as numbers, as the store does. */
export async function withSchema<T>(schema: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(
    poolOptions({ connectionString: TEST_DATABASE_URL, schema, maxConnections: 1 }),
  );
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function readGuaranteeTables(schema: string): Promise<GuaranteeTables> {
  return withSchema(schema, async (client) => {
    const tables: Record<string, unknown[]> = {};
    // One snapshot for all the tables: they must agree with one another.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    for (const [table, sql] of Object.entries(GUARANTEE_QUERIES))
      tables[table] = (await client.query(sql)).rows;
    await client.query('COMMIT');
    return tables as unknown as GuaranteeTables;
  });
}

/**
 * The most calls in flight at once, replaying the outbox in commit order (its `seq` order is commit order:
 * pg-outbox.ts): a claim moves a lead to `processing`, an end writes `call.ended`. This is the count the claims
 * saw, whichever worker made them, so it is what `maxConcurrentCalls` bounds. (Call timestamps cannot say it
 * exactly: each worker stamps a claim with the time its pass began, so a call may be stamped a little before the
 * end of the call whose slot it took.)
 */
export function peakInFlight(events: GuaranteeTables['events']): number {
  let open = 0;
  let peak = 0;
  for (const event of events) {
    if (event.type === 'call.ended') open -= 1;
    else if (
      event.type === 'lead.status_changed' &&
      (JSON.parse(event.payload) as { to: string }).to === 'processing'
    ) {
      open += 1;
      peak = Math.max(peak, open);
    }
  }
  return peak;
}

/** The most calls whose [placed, ended) spans overlap, by their timestamps: for the report (see peakInFlight). */
export function peakOverlap(calls: GuaranteeTables['calls']): number {
  const edges: [number, number][] = [];
  for (const call of calls) {
    edges.push([call.placed_at, 1]);
    if (call.ended_at !== null) edges.push([call.ended_at, -1]);
  }
  edges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let open = 0;
  let peak = 0;
  for (const [, delta] of edges) peak = Math.max(peak, (open += delta));
  return peak;
}

/** Every violation of DESIGN §2.10 the schema shows, the concurrency limit included; `[]` when all hold. */
export function checkPostgresGuarantees(tables: GuaranteeTables, maxConcurrentCalls: number): string[] {
  const violations = checkGuaranteeTables(tables);
  const peak = peakInFlight(tables.events);
  if (peak > maxConcurrentCalls) {
    violations.push(`[G2] ${peak} calls were in flight at once, maxConcurrentCalls is ${maxConcurrentCalls}`);
  }
  return violations;
}
