/**
 * Both dialects' migrations must reach the same logical schema (CONVENTIONS §9): the same tables, columns,
 * column kinds and nullability, primary keys and unique keys. Indexes that only serve speed are each dialect's
 * own business and are not compared. What one dialect has and the other has not is listed below, with why.
 */
import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { migrateSqlite } from '../../src/store/sqlite/migrate.js';
import { describePostgres, useTestSchema, withAdmin } from '../support/postgres.js';

/** Only on PostgreSQL. */
const POSTGRES_ONLY = {
  // SQLite pages the ledger in the order written by its implicit rowid; PostgreSQL needs a column for that.
  'ledger_entries.seq': 'column',
  // Several processes share a PostgreSQL database; SQLite has one.
  workers: 'table',
} as const;

type Kind = 'integer' | 'text' | 'real';
interface LogicalSchema {
  /** `table.column` → kind and nullability. */
  readonly columns: Record<string, { kind: Kind; nullable: boolean }>;
  /** `table(col, …)`, primary keys marked `pk`. */
  readonly keys: readonly string[];
}

const sqliteKind = (declared: string): Kind =>
  /INT/i.test(declared) ? 'integer' : /REAL|FLOA|DOUB/i.test(declared) ? 'real' : 'text';
const postgresKind = (type: string): Kind =>
  ['bigint', 'integer', 'smallint'].includes(type)
    ? 'integer'
    : type === 'double precision'
      ? 'real'
      : 'text';

function sqliteSchema(): LogicalSchema {
  const db = new Database(':memory:');
  migrateSqlite(db);
  const tables = db
    .prepare<[], { name: string }>(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .all()
    .map((t) => t.name);
  const columns: LogicalSchema['columns'] = {};
  const keys: string[] = [];
  for (const table of tables) {
    const info = db
      .prepare<[string], { name: string; type: string; notnull: number; pk: number }>(
        'SELECT * FROM pragma_table_info(?)',
      )
      .all(table);
    // A primary key column is never null (SQLite alone would allow it on a non-integer key).
    for (const c of info)
      columns[`${table}.${c.name}`] = { kind: sqliteKind(c.type), nullable: c.notnull === 0 && c.pk === 0 };
    const pk = info.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
    if (pk.length > 0) keys.push(`pk ${table}(${pk.map((c) => c.name).join(', ')})`);
    const indexes = db
      .prepare<[string], { name: string; unique: number; origin: string }>(
        'SELECT * FROM pragma_index_list(?)',
      )
      .all(table);
    for (const index of indexes.filter((i) => i.unique === 1 && i.origin !== 'pk')) {
      const cols = db
        .prepare<[string], { name: string }>('SELECT name FROM pragma_index_info(?) ORDER BY seqno')
        .all(index.name);
      keys.push(`unique ${table}(${cols.map((c) => c.name).join(', ')})`);
    }
  }
  db.close();
  return { columns, keys: keys.sort() };
}

async function postgresSchema(schema: string): Promise<LogicalSchema> {
  return withAdmin(async (client) => {
    const columns: LogicalSchema['columns'] = {};
    const cols = await client.query<{
      table_name: string;
      column_name: string;
      data_type: string;
      is_nullable: string;
    }>(
      `SELECT c.table_name, c.column_name, c.data_type, c.is_nullable FROM information_schema.columns c
         JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
        WHERE c.table_schema = $1 AND t.table_type = 'BASE TABLE'`,
      [schema],
    );
    for (const c of cols.rows) {
      columns[`${c.table_name}.${c.column_name}`] = {
        kind: postgresKind(c.data_type),
        nullable: c.is_nullable === 'YES',
      };
    }
    const indexes = await client.query<{
      table: string;
      unique: boolean;
      primary: boolean;
      columns: string[];
    }>(
      `SELECT t.relname AS table, i.indisunique AS unique, i.indisprimary AS primary,
              array_agg(a.attname::text ORDER BY k.n) AS columns
         FROM pg_index i
         JOIN pg_class t ON t.oid = i.indrelid
         JOIN pg_namespace s ON s.oid = t.relnamespace
         CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k (attnum, n)
         JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
        WHERE s.nspname = $1 AND i.indisunique AND i.indpred IS NULL
        GROUP BY t.relname, i.indexrelid, i.indisunique, i.indisprimary`,
      [schema],
    );
    const keys = indexes.rows.map(
      (i) => `${i.primary ? 'pk' : 'unique'} ${i.table}(${i.columns.join(', ')})`,
    );
    return { columns, keys: keys.sort() };
  });
}

/** Leaves out what `POSTGRES_ONLY` names. */
function withoutPostgresOnly(schema: LogicalSchema): LogicalSchema {
  const only = Object.keys(POSTGRES_ONLY);
  const dropped = (name: string) => only.includes(name) || only.includes(name.split('.')[0]!);
  return {
    columns: Object.fromEntries(Object.entries(schema.columns).filter(([name]) => !dropped(name))),
    keys: schema.keys.filter((key) => {
      const [, table, columns] = /^\w+ (\w+)\((.*)\)$/.exec(key)!;
      return !dropped(table!) && !columns!.split(', ').some((c) => dropped(`${table}.${c}`));
    }),
  };
}

describePostgres('logical schema', () => {
  const { schema, ready } = useTestSchema(import.meta.filename);

  it('is the same after every migration of SQLite and of PostgreSQL', async () => {
    await ready();
    const postgres = await postgresSchema(schema);
    for (const [name, what] of Object.entries(POSTGRES_ONLY)) {
      const present =
        what === 'table'
          ? Object.keys(postgres.columns).some((c) => c.startsWith(`${name}.`))
          : name in postgres.columns;
      expect(present, `${name}, listed as PostgreSQL-only, exists there`).toBe(true);
    }
    const sqlite = sqliteSchema();
    // The comparison is only as good as what it reads: both sides must see the whole schema.
    expect(Object.keys(sqlite.columns).length).toBeGreaterThan(150);
    expect(sqlite.keys).toContain('unique contacts(campaign_id, phone)');
    expect(sqlite.keys).toContain('pk call_events(call_id, event_id)');
    expect(withoutPostgresOnly(postgres).columns).toEqual(sqlite.columns);
    expect(withoutPostgresOnly(postgres).keys).toEqual(sqlite.keys);
  });
});
