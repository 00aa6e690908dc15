import { createHash } from 'node:crypto';
import type pg from 'pg';

/** Values a statement may bind: what node-postgres serialises. */
export type SqlValue = string | number | boolean | null | readonly (string | number | boolean | null)[];

/** Runs statements on one connection; every text is prepared once per connection under a name of its hash. */
export interface PgQueries {
  rows<R>(text: string, values?: readonly SqlValue[]): Promise<R[]>;
  /** The first row, or undefined. */
  row<R>(text: string, values?: readonly SqlValue[]): Promise<R | undefined>;
  /** Rows changed. */
  run(text: string, values?: readonly SqlValue[]): Promise<number>;
}

const names = new Map<string, string>();
/** Prepared statement names: a statement is parsed and planned once per connection. */
function statementName(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    name = `cw_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`;
    names.set(text, name);
  }
  return name;
}

export function queriesOn(client: pg.ClientBase): PgQueries {
  const exec = (text: string, values: readonly SqlValue[] = []) =>
    client.query({ name: statementName(text), text, values: values as unknown[] });
  return {
    rows: async <R>(text: string, values?: readonly SqlValue[]) => (await exec(text, values)).rows as R[],
    row: async <R>(text: string, values?: readonly SqlValue[]) =>
      (await exec(text, values)).rows[0] as R | undefined,
    run: async (text: string, values?: readonly SqlValue[]) => (await exec(text, values)).rowCount ?? 0,
  };
}
