import { describeCampaignFlow } from './campaign-flow.js';
import { describeDialer } from './dialer-behaviour.js';
import { describeDoNotCallFlow } from './do-not-call-flow.js';
import { createSqliteStore, openSqliteDatabase } from '../../src/store/sqlite/sqlite-store.js';

const openMemoryStore = () => Promise.resolve(createSqliteStore(openSqliteDatabase(':memory:')));

describeCampaignFlow('SQLite', openMemoryStore);
describeDialer('SQLite', openMemoryStore);
describeDoNotCallFlow('SQLite', openMemoryStore);
