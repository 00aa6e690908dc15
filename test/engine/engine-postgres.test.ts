import { afterEach } from 'vitest';
import type { PostgresStores } from '../../src/store/postgres/open-postgres.js';
import { describePostgres, openTestStores, truncateSchema, useTestSchema } from '../support/postgres.js';
import { describeCampaignFlow } from './campaign-flow.js';
import { describeDialer } from './dialer-behaviour.js';
import { describeDoNotCallFlow } from './do-not-call-flow.js';

/** The engine's end-to-end tests on PostgreSQL: the same as on SQLite (engine-sqlite.test.ts). */
describePostgres('engine on PostgreSQL', () => {
  const { schema, ready } = useTestSchema(import.meta.filename);
  const opened: PostgresStores[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((s) => s.close()));
  });
  const openStore = async () => {
    await ready();
    await truncateSchema(schema);
    const stores = await openTestStores(schema);
    opened.push(stores);
    return stores.store;
  };
  describeCampaignFlow('PostgreSQL', openStore);
  describeDialer('PostgreSQL', openStore);
  describeDoNotCallFlow('PostgreSQL', openStore);
});
