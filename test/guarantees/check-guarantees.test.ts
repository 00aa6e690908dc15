/**
 * The checker checks: a clean run has no violation, and each kind of broken guarantee written into the tables of
 * a finished run is reported. Without this, an empty list from `checkGuarantees` could just mean it looks at
 * nothing.
 */
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/cli/simulate/scenario.js';
import { checkGuarantees } from './check-guarantees.js';
import { runEngine } from './run-engine.js';

const MINUTE = 60_000;

/** Monday 2026-03-02 10:00 EST, default settings: 09:00–18:00 mon–fri, 3 attempts 60 minutes apart. */
const scenario = (() => {
  const parsed = parseScenario({ start: '2026-03-02T10:00:00-05:00' });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  return parsed.value;
})();
const LEADS = [
  { name: 'busy then goal', phones: ['+12125550103', '+14155550100'] },
  { name: 'busy', phones: ['+16465550103'] },
  { name: 'goal', phones: ['+13055550100'] },
  { name: 'invalid', phones: ['+12125550106'] },
];

/** Runs the fixed campaign, applies `mutate` to its tables, and returns what the checker says. */
async function violationsAfter(mutate: (db: Database.Database) => void): Promise<string[]> {
  const run = await runEngine(scenario, LEADS);
  try {
    expect(run.stoppedBy).toBe('completed');
    mutate(run.db);
    return checkGuarantees(run.db);
  } finally {
    run.dispose();
  }
}

const leadId = (db: Database.Database, name: string) =>
  db.prepare<[string], { id: string }>('SELECT id FROM leads WHERE name = ?').get(name)!.id;
const callsOf = (db: Database.Database, name: string) =>
  db
    .prepare<[string], { id: string; placed_at: number; ended_at: number; cost_minor: number }>(
      'SELECT * FROM calls WHERE lead_id = ? ORDER BY placed_at',
    )
    .all(leadId(db, name));

describe('checkGuarantees', () => {
  it('finds nothing wrong in a clean run', async () => {
    expect(await violationsAfter(() => {})).toEqual([]);
  });

  it('reports a call placed outside the window', async () => {
    const found = await violationsAfter((db) => {
      const call = callsOf(db, 'goal')[0]!;
      // 10:00 EST → 03:00 EST the same day.
      db.prepare('UPDATE calls SET placed_at = placed_at - 7 * 3600000 WHERE id = ?').run(call.id);
    });
    expect(found.some((v) => v.startsWith('[G2]') && v.includes('outside the window'))).toBe(true);
  });

  it('reports a round started before the interval passed', async () => {
    const found = await violationsAfter((db) => {
      const second = callsOf(db, 'busy')[1]!;
      db.prepare(
        'UPDATE calls SET placed_at = placed_at - 60000, ended_at = ended_at - 60000 WHERE id = ?',
      ).run(second.id);
    });
    expect(found.some((v) => v.startsWith('[G2]') && v.includes('before the interval passed'))).toBe(true);
  });

  it('reports two calls of one lead in flight together', async () => {
    const found = await violationsAfter((db) => {
      const [, secondary] = callsOf(db, 'busy then goal');
      db.prepare('UPDATE calls SET placed_at = placed_at - 2000 WHERE id = ?').run(secondary!.id);
    });
    expect(found.some((v) => v.includes('two in flight'))).toBe(true);
  });

  it('reports an attempt over maxRetries, a repeated attempt number and a wrong idempotency key', async () => {
    const found = await violationsAfter((db) => {
      const last = callsOf(db, 'busy')[2]!;
      db.prepare(
        `INSERT INTO calls SELECT 'call_extra', account_id, campaign_id, lead_id, contact_id, 3, idempotency_key || 'x',
           provider, 'sim_extra', status, answered_by, failure_reason, placed_at + 7200000, answered_at,
           ended_at + 7200000, billed_seconds, cost_minor, reserved_minor, goal, variables, phase, due_at, lease_owner
           FROM calls WHERE id = ?`,
      ).run(last.id);
    });
    expect(found.some((v) => v.startsWith('[G2]') && v.includes('maxRetries is 3'))).toBe(true);
    expect(found.some((v) => v.startsWith('[G1]') && v.includes('attempts 1,2,3,3'))).toBe(true);
    expect(found.some((v) => v.startsWith('[G1]') && v.includes('idempotency key'))).toBe(true);
  });

  it('reports a dead contact dialed again', async () => {
    const found = await violationsAfter((db) => {
      const call = callsOf(db, 'invalid')[0]!;
      db.prepare(
        `INSERT INTO calls SELECT 'call_again', account_id, campaign_id, lead_id, contact_id, 2,
           lead_id || ':' || contact_id || ':2', provider, 'sim_again', 'busy', NULL, NULL, placed_at + 7200000, NULL,
           ended_at + 7203000, 0, 0, reserved_minor, NULL, NULL, 'settled', NULL, NULL FROM calls WHERE id = ?`,
      ).run(call.id);
    });
    expect(found.some((v) => v.includes('after it failed as an invalid number'))).toBe(true);
    expect(found.some((v) => v.includes("follows the lead's end"))).toBe(true);
  });

  it('reports a wrong cost, a missing charge and a balance that does not add up', async () => {
    const found = await violationsAfter((db) => {
      const call = callsOf(db, 'goal')[0]!;
      db.prepare('UPDATE calls SET cost_minor = cost_minor + 1 WHERE id = ?').run(call.id);
      db.prepare('DELETE FROM ledger_entries WHERE call_id = ?').run(callsOf(db, 'busy then goal')[1]!.id);
    });
    expect(found.some((v) => v.startsWith('[money]') && v.includes('expected ceil'))).toBe(true);
    expect(found.some((v) => v.startsWith('[money]') && v.includes('0 ledger charges'))).toBe(true);
    expect(found.some((v) => v.startsWith('[money]') && v.includes('credits'))).toBe(true);
  });

  it('reports reservations or slots left behind', async () => {
    const found = await violationsAfter((db) => {
      db.prepare('UPDATE accounts SET reserved_minor = 10').run();
      db.prepare('UPDATE campaigns SET in_flight = 1').run();
    });
    expect(found.some((v) => v.includes('reserved_minor is 10'))).toBe(true);
    expect(found.some((v) => v.includes('campaigns.in_flight is 1'))).toBe(true);
  });

  it('reports a lost status event and a lead left open in a completed campaign', async () => {
    const found = await violationsAfter((db) => {
      const call = callsOf(db, 'goal')[0]!;
      db.prepare(
        `DELETE FROM events WHERE type = 'call.ended' AND json_extract(payload, '$.callId') = ?`,
      ).run(call.id);
      db.prepare(`UPDATE leads SET status = 'rescheduled', next_attempt_at = ? WHERE id = ?`).run(
        call.ended_at + 60 * MINUTE,
        leadId(db, 'busy'),
      );
    });
    expect(found.some((v) => v.includes('0 call.ended events'))).toBe(true);
    expect(found.some((v) => v.includes('the campaign is completed but lead'))).toBe(true);
  });

  it('reports a call to the wrong contact', async () => {
    const found = await violationsAfter((db) => {
      const [first, second] = callsOf(db, 'busy then goal');
      const contacts = db
        .prepare<[string], { id: string }>('SELECT contact_id AS id FROM calls WHERE id = ?')
        .get(first!.id)!;
      db.prepare('UPDATE calls SET contact_id = ? WHERE id = ?').run(contacts.id, second!.id);
    });
    expect(found.some((v) => v.includes('but the rules name contact #1'))).toBe(true);
  });
});
