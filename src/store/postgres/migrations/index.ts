import type { Migration } from '../../sqlite/migrations/index.js';
import { sql as initial } from './0001-initial.js';

/**
 * PostgreSQL's own numbered, append-only sequence (CONVENTIONS §9): each dialect has one, and a test checks that
 * both reach the same logical schema.
 */
export const PG_MIGRATIONS: readonly Migration[] = [{ version: 1, name: 'initial', sql: initial }];
