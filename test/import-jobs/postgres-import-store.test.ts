import { describePostgres, openTestStores, truncateSchema, useTestSchema } from '../support/postgres.js';
import { describeImportStoreConformance } from './import-store-conformance.js';

describePostgres('PostgreSQL', () => {
  const { schema, ready } = useTestSchema(import.meta.filename);
  describeImportStoreConformance('PostgreSQL', async () => {
    await ready();
    await truncateSchema(schema);
    const stores = await openTestStores(schema);
    return { store: stores.store, importJobs: stores.importJobs, close: () => stores.close() };
  });
});
