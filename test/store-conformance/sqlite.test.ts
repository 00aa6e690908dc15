import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteAccessStore } from '../../src/store/sqlite/access-store.js';
import { createSqliteStore, openSqliteDatabase } from '../../src/store/sqlite/sqlite-store.js';
import { describeAccessStoreConformance } from './access-store.js';
import { describeStoreConformance } from './store-conformance.js';

const openMemory = () =>
  Promise.resolve({ db: openSqliteDatabase(':memory:'), cleanUp: () => Promise.resolve() });

const openFile = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'callwright-store-'));
  return {
    db: openSqliteDatabase(join(dir, 'callwright.db')),
    cleanUp: () => rm(dir, { recursive: true, force: true }),
  };
};

for (const [name, open] of [
  ['SQLite in memory', openMemory],
  ['SQLite file (WAL)', openFile],
] as const) {
  const openStores = async () => {
    const { db, cleanUp } = await open();
    const store = createSqliteStore(db);
    const close = async () => {
      await store.close();
      await cleanUp();
    };
    return { db, store, close };
  };
  describeStoreConformance(name, openStores);
  describeAccessStoreConformance(name, async () => {
    const { db, ...opened } = await openStores();
    return { ...opened, access: createSqliteAccessStore(db) };
  });
}
