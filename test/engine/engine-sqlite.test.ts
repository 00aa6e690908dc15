import { describeCampaignFlow } from './campaign-flow.js';
import { describeDialer } from './dialer-behaviour.js';
import { createSqliteStore, openSqliteDatabase } from '../../src/store/sqlite/sqlite-store.js';

const openMemoryStore = () => Promise.resolve(createSqliteStore(openSqliteDatabase(':memory:')));

describeCampaignFlow('SQLite', openMemoryStore);
describeDialer('SQLite', openMemoryStore);
