import { createSqliteImportStore } from '../../src/store/sqlite/import-store.js';
import { createSqliteStore, openSqliteDatabase } from '../../src/store/sqlite/sqlite-store.js';
import { describeImportStoreConformance } from './import-store-conformance.js';

describeImportStoreConformance('SQLite', () => {
  const db = openSqliteDatabase(':memory:');
  const store = createSqliteStore(db);
  return Promise.resolve({ store, importJobs: createSqliteImportStore(db), close: () => store.close() });
});
