import { CliError } from '../cli-error.js';

/** Where Callwright keeps its data, from `--db`: a SQLite file (or `:memory:`), or a PostgreSQL URL. */
export type DatabaseTarget =
  | { readonly kind: 'sqlite'; readonly path: string }
  | {
      readonly kind: 'postgres';
      /** The URL without Callwright's own parameters, as node-postgres reads it (sslmode, options, …). */
      readonly connectionString: string;
      readonly schema: string;
      readonly pool: number;
      /** The URL with its password hidden, for messages. */
      readonly display: string;
    };

const SCHEMA = /^[a-z_][a-z0-9_]{0,62}$/;
const DEFAULT_POOL = 10;

/**
 * Reads `--db`. `postgres://user:password@host:5432/database?schema=callwright&pool=10` is PostgreSQL (also
 * `postgresql://`); `schema` (default `public`) and `pool` (connections per process, default 10) are
 * Callwright's, every other parameter goes to node-postgres. Anything else is a SQLite file path.
 */
export function parseDatabaseOption(text: string): DatabaseTarget {
  if (!/^postgres(ql)?:\/\//i.test(text)) {
    if (text.trim() === '')
      throw new CliError('invalid_option', '--db must be a file path or a postgres:// URL, got ""');
    return { kind: 'sqlite', path: text };
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch (error) {
    throw new CliError(
      'invalid_option',
      '--db is not a valid URL: use postgres://user:password@host:5432/database?schema=callwright',
      { cause: error },
    );
  }
  if (url.pathname === '' || url.pathname === '/') {
    throw new CliError(
      'invalid_option',
      `--db must name a database, as in postgres://${url.host}/callwright`,
    );
  }
  const schema = url.searchParams.get('schema') ?? 'public';
  if (!SCHEMA.test(schema)) {
    throw new CliError(
      'invalid_option',
      `--db schema must be lower-case letters, digits and _ (at most 63, not starting with a digit), got "${schema}"`,
    );
  }
  const poolText = url.searchParams.get('pool');
  const pool = poolText === null ? DEFAULT_POOL : Number(poolText);
  if (!Number.isInteger(pool) || pool < 1 || pool > 100) {
    throw new CliError('invalid_option', `--db pool must be an integer 1–100, got "${poolText}"`);
  }
  url.searchParams.delete('schema');
  url.searchParams.delete('pool');
  const display = new URL(url);
  if (display.password !== '') display.password = '***';
  display.searchParams.set('schema', schema);
  return { kind: 'postgres', connectionString: url.toString(), schema, pool, display: display.toString() };
}

/** What `--db` names, for messages: the path, or the URL without its password. */
export const describeTarget = (target: DatabaseTarget) =>
  target.kind === 'sqlite' ? target.path : target.display;
