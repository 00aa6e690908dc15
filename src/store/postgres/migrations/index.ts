import type { Migration } from '../../sqlite/migrations/index.js';
import { sql as initial } from './0001-initial.js';
import { sql as doNotCall } from './0002-do-not-call.js';
import { sql as importJobs } from './0003-import-jobs.js';
import { sql as leadsByExternalId } from './0004-leads-by-external-id.js';

/**
 * PostgreSQL's own numbered, append-only sequence (CONVENTIONS §9): each dialect has one, and a test checks that
 * both reach the same logical schema.
 */
export const PG_MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial', sql: initial },
  { version: 2, name: 'do-not-call', sql: doNotCall },
  { version: 3, name: 'import-jobs', sql: importJobs },
  { version: 4, name: 'leads-by-external-id', sql: leadsByExternalId },
];
