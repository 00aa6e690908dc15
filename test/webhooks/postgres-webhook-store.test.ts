import { describePostgres, openTestStores, truncateSchema, useTestSchema } from '../support/postgres.js';
import { describeWebhookStoreConformance } from './webhook-store-conformance.js';

describePostgres('PostgreSQL', () => {
  const { schema, ready } = useTestSchema(import.meta.filename);
  describeWebhookStoreConformance('PostgreSQL', async () => {
    await ready();
    await truncateSchema(schema);
    const stores = await openTestStores(schema);
    return { store: stores.store, webhooks: stores.webhooks, close: () => stores.close() };
  });
});
