import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteStore, openSqliteDatabase } from '../../src/store/sqlite/sqlite-store.js';
import { describeStoreConformance } from './store-conformance.js';

describeStoreConformance('SQLite in memory', () => {
  const store = createSqliteStore(openSqliteDatabase(':memory:'));
  return Promise.resolve({ store, close: () => store.close() });
});

describeStoreConformance('SQLite file (WAL)', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'callwright-store-'));
  const store = createSqliteStore(openSqliteDatabase(join(dir, 'callwright.db')));
  return {
    store,
    close: async () => {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});
