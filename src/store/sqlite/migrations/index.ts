import { sql as initial } from './0001-initial.js';
import { sql as apiRecords } from './0002-api-records.js';
import { sql as webhooks } from './0003-webhooks.js';
import { sql as doNotCall } from './0004-do-not-call.js';
import { sql as importJobs } from './0005-import-jobs.js';
import { sql as leadsByExternalId } from './0006-leads-by-external-id.js';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** Every migration in order. Numbered, append-only; the ledger records which ran (DESIGN §5). */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial', sql: initial },
  { version: 2, name: 'api-records', sql: apiRecords },
  { version: 3, name: 'webhooks', sql: webhooks },
  { version: 4, name: 'do-not-call', sql: doNotCall },
  { version: 5, name: 'import-jobs', sql: importJobs },
  { version: 6, name: 'leads-by-external-id', sql: leadsByExternalId },
];
