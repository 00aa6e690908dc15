import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateSqlite } from '../../src/store/sqlite/migrate.js';
import { MIGRATIONS } from '../../src/store/sqlite/migrations/index.js';
import { createSqliteStore, openSqliteDatabase } from '../../src/store/sqlite/sqlite-store.js';
import { playCountedCampaign } from './counters.js';
import { CAMPAIGN_ID, createDriver } from './fixtures.js';

type CountersRow = Record<string, number | string>;

/** The `campaign_counters` table as stored. */
const storedCounters = (db: Database.Database) =>
  db.prepare<[], CountersRow>('SELECT * FROM campaign_counters ORDER BY campaign_id').all();

/** What `campaign_counters` must hold, counted afresh with `count(*)` over every campaign's leads and calls. */
function freshCounters(db: Database.Database): CountersRow[] {
  const columns = db
    .prepare<[string], { name: string }>('SELECT name FROM pragma_table_info(?)')
    .all('campaign_counters')
    .map((c) => c.name)
    .filter((name) => name !== 'campaign_id');
  const rows = new Map<string, CountersRow>();
  for (const { id } of db.prepare<[], { id: string }>('SELECT id FROM campaigns ORDER BY id').all()) {
    rows.set(id, { campaign_id: id, ...Object.fromEntries(columns.map((c) => [c, 0])) });
  }
  const add = (campaignId: string, column: string, n: number) => {
    const row = rows.get(campaignId)!;
    row[column] = Number(row[column]) + n;
  };
  const leads = db.prepare<[], { campaign_id: string; status: string; n: number }>(
    'SELECT campaign_id, status, count(*) AS n FROM leads GROUP BY campaign_id, status',
  );
  for (const r of leads.all()) add(r.campaign_id, `leads_${r.status}`, r.n);
  const calls = db.prepare<
    [],
    { campaign_id: string; status: string; n: number; machine: number; goal: number; cost: number }
  >(
    `SELECT campaign_id, status, count(*) AS n, count(*) FILTER (WHERE answered_by = 'machine') AS machine,
            count(*) FILTER (WHERE goal = 1) AS goal, sum(cost_minor) AS cost
       FROM calls GROUP BY campaign_id, status`,
  );
  for (const r of calls.all()) {
    add(r.campaign_id, `calls_${r.status}`, r.n);
    if (r.status === 'completed') add(r.campaign_id, 'voicemail', r.machine);
    add(r.campaign_id, 'goal_achieved', r.goal);
    add(r.campaign_id, 'cost_minor', r.cost);
  }
  return [...rows.values()];
}

describe('SQLite campaign counters', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('equal a count(*) of the rows after every step of a whole campaign', async () => {
    const db = openSqliteDatabase(':memory:');
    const steps: string[] = [];
    await playCountedCampaign(createDriver(createSqliteStore(db)), (step) => {
      steps.push(step);
      expect(storedCounters(db), `after: ${step}`).toEqual(freshCounters(db));
      return Promise.resolve();
    });
    expect(steps).toContain('draft deleted');
    expect(storedCounters(db).map((r) => r.campaign_id)).toEqual([CAMPAIGN_ID]);
    db.close();
  });

  it('are backfilled by migration 0002 for a database written before it', async () => {
    dir = await mkdtemp(join(tmpdir(), 'callwright-counters-'));
    const sourcePath = join(dir, 'source.db');
    const source = createSqliteStore(openSqliteDatabase(sourcePath));
    await playCountedCampaign(createDriver(source), () => Promise.resolve());
    const report = await source.campaignReport(CAMPAIGN_ID);
    await source.close();

    // The same rows in a database at schema version 1, then migrated.
    const db = new Database(join(dir, 'old.db'));
    migrateSqlite(db, MIGRATIONS.slice(0, 1));
    db.prepare('ATTACH ? AS source').run(sourcePath);
    const tables = ['accounts', 'phone_numbers', 'assistants', 'campaigns', 'leads', 'contacts', 'calls'];
    // Only the columns version 1 has: later migrations added some (an assistant's opt-out variable).
    const columnsOf = db.prepare<[string], { name: string }>("SELECT name FROM pragma_table_info(?, 'main')");
    for (const table of tables) {
      const columns = columnsOf
        .all(table)
        .map((c) => c.name)
        .join(', ');
      db.exec(`INSERT INTO main.${table} (${columns}) SELECT ${columns} FROM source.${table}`);
    }
    db.exec('DETACH source');
    expect(migrateSqlite(db)).toEqual(MIGRATIONS.slice(1).map((m) => m.version));

    expect(storedCounters(db)).toEqual(freshCounters(db));
    expect(await createSqliteStore(db).campaignReport(CAMPAIGN_ID)).toEqual(report);
    db.close();
  });
});
