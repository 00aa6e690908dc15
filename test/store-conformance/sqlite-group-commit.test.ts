import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { createGroupCommit, GroupRolledBackError } from '../../src/store/sqlite/group-commit.js';
import { createSqliteStore, openSqliteDatabase } from '../../src/store/sqlite/sqlite-store.js';
import { createDriver, newLeads, SECOND, startCampaign, T0, type Driver } from './fixtures.js';

/**
 * Group commits (simulations only): store methods run inside one transaction per checkpoint without savepoints
 * of their own, so a method that fails must take the whole group down with it — never leave half its writes to
 * be committed by the next checkpoint.
 */
describe('SQLite group commit', () => {
  let db: Database.Database;
  let driver: Driver;
  let group: ReturnType<typeof createGroupCommit>;
  let callId: string;

  beforeEach(async () => {
    db = openSqliteDatabase(':memory:');
    driver = createDriver(createSqliteStore(db));
    await startCampaign(driver.store, newLeads(2));
    callId = await driver.dial(T0);
    group = createGroupCommit(db);
    group.begin();
  });
  afterEach(() => {
    group.end(false);
    db.close();
  });

  const callStatus = () =>
    db.prepare<[string], { status: string }>('SELECT status FROM calls WHERE id = ?').get(callId)?.status;
  /** Makes the outbox refuse `call.ended`: the settlement fails after it has already written the call. */
  const breakOutbox = () =>
    db.exec(`CREATE TEMP TRIGGER refuse_call_ended BEFORE INSERT ON events WHEN NEW.type = 'call.ended'
             BEGIN SELECT RAISE(ABORT, 'injected failure'); END`);

  it('commits every method of the group at a checkpoint', async () => {
    await driver.status(callId, 'ringing', T0 + SECOND);
    group.checkpoint();
    group.end(true);
    expect(callStatus()).toBe('ringing');
    expect(db.inTransaction).toBe(false);
  });

  it('rolls the whole group back when a method fails, and refuses to go on', async () => {
    await driver.status(callId, 'ringing', T0 + SECOND);
    group.checkpoint();
    await driver.status(callId, 'in_progress', T0 + 2 * SECOND);
    breakOutbox();
    await expect(driver.status(callId, 'completed', T0 + 60 * SECOND)).rejects.toThrow(/injected failure/);

    // Back to the last checkpoint, as after a crash: neither the answer nor the half-settled end is kept.
    expect(db.inTransaction).toBe(false);
    expect(callStatus()).toBe('ringing');
    const ledger = db.prepare('SELECT count(*) AS n FROM ledger_entries WHERE call_id = ?').get(callId);
    expect(ledger).toEqual({ n: 0 });

    await expect(driver.status(callId, 'in_progress', T0 + 3 * SECOND)).rejects.toBeInstanceOf(
      GroupRolledBackError,
    );
    expect(() => group.checkpoint()).toThrow(GroupRolledBackError);
    expect(callStatus()).toBe('ringing');
  });

  it('commits each method alone once the group has ended', async () => {
    group.end(true);
    await driver.status(callId, 'ringing', T0 + SECOND);
    expect(db.inTransaction).toBe(false);
    expect(callStatus()).toBe('ringing');
  });
});
