import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { checkpointInBackground } from '../../src/store/sqlite/background-checkpoints.js';
import { openSqliteDatabase } from '../../src/store/sqlite/sqlite-store.js';

/**
 * `serve` on SQLite checkpoints the WAL from a thread of its own: the serving connection never does, yet the
 * database file still receives the pages, and stopping puts SQLite's own checkpoints back.
 */
describe('SQLite checkpoints in the background', () => {
  let dir: string;
  let db: Database.Database;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'callwright-checkpoints-'));
    db = openSqliteDatabase(join(dir, 'serve.db'));
    db.exec('CREATE TABLE filler (id INTEGER PRIMARY KEY, text TEXT NOT NULL)');
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const fileBytes = () => statSync(join(dir, 'serve.db')).size;
  const fill = () => {
    const insert = db.prepare('INSERT INTO filler (text) VALUES (?)');
    db.transaction(() => {
      for (let i = 0; i < 5_000; i += 1) insert.run('x'.repeat(200));
    })();
  };

  it('moves committed pages into the database file from another thread, and gives checkpoints back on stop', async () => {
    const errors: unknown[] = [];
    const checkpoints = checkpointInBackground(db, (error) => errors.push(error))!;
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    const before = fileBytes();
    fill();
    expect(fileBytes()).toBe(before);
    const deadline = Date.now() + 5_000;
    while (fileBytes() === before && Date.now() < deadline) await sleep(100);
    expect(fileBytes()).toBeGreaterThan(before + 1_000_000);
    await checkpoints.stop();
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    expect(errors).toEqual([]);
  });

  it('does nothing for an in-memory database', () => {
    const memory = openSqliteDatabase(':memory:');
    expect(checkpointInBackground(memory, () => undefined)).toBeNull();
    memory.close();
  });
});
