import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { createBulkWrites } from '../../src/store/sqlite/bulk-writes.js';
import { createSqliteStore, openSqliteDatabase } from '../../src/store/sqlite/sqlite-store.js';
import type { Store } from '../../src/engine/ports/store.js';
import { CAMPAIGN_ID, createWorld, newLead, T0 } from './fixtures.js';

/**
 * Bulk writes (`callwright import --db`): batches grouped into large commits. What a commit covered stays; what
 * came after the last commit is gone when the job fails, exactly as a crash would leave it, and the page cache
 * the job borrowed is given back.
 */
describe('SQLite bulk writes', () => {
  let db: Database.Database;
  let store: Store;
  beforeEach(async () => {
    db = openSqliteDatabase(':memory:');
    store = createSqliteStore(db);
    await createWorld(store);
  });
  afterEach(() => db.close());

  const leadCount = () => db.prepare<[], { n: number }>('SELECT count(*) AS n FROM leads').get()!.n;

  it('keeps the batches of every commit and loses only those after the last one when the job fails', async () => {
    const cacheBefore = db.pragma('cache_size', { simple: true });
    const bulk = createBulkWrites(db);
    bulk.begin();
    await store.addLeads(CAMPAIGN_ID, [newLead(1), newLead(2)], T0);
    bulk.commit();
    await store.addLeads(CAMPAIGN_ID, [newLead(3)], T0);
    bulk.end(false);
    expect(leadCount()).toBe(2);
    expect(db.pragma('cache_size', { simple: true })).toBe(cacheBefore);
    expect(db.inTransaction).toBe(false);
  });

  it('commits the last group when the job ends well', async () => {
    const bulk = createBulkWrites(db);
    bulk.begin();
    await store.addLeads(CAMPAIGN_ID, [newLead(1)], T0);
    bulk.end(true);
    expect(leadCount()).toBe(1);
  });
});
