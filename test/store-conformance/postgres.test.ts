import { describeAccessStoreConformance } from './access-store.js';
import { describeStoreConformance } from './store-conformance.js';
import { describePostgres, openTestStores, truncateSchema, useTestSchema } from '../support/postgres.js';

/** The same suites as SQLite (sqlite.test.ts), on a real PostgreSQL: a schema for this file, emptied per test. */
describePostgres('PostgreSQL', () => {
  const { schema, ready } = useTestSchema(import.meta.filename);
  const open = async () => {
    await ready();
    await truncateSchema(schema);
    const stores = await openTestStores(schema);
    return { stores, close: () => stores.close() };
  };
  describeStoreConformance('PostgreSQL', async () => {
    const { stores, close } = await open();
    return { store: stores.store, close };
  });
  describeAccessStoreConformance('PostgreSQL', async () => {
    const { stores, close } = await open();
    return { store: stores.store, access: stores.access, close };
  });
});
