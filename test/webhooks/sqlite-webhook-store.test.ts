import { describeWebhookStoreConformance } from './webhook-store-conformance.js';
import { openSqliteWebhookStores } from './webhook-world.js';

describeWebhookStoreConformance('SQLite', openSqliteWebhookStores);
