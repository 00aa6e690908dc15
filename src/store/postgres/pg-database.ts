import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { createTxCounters, type TxCounters } from './pg-counters.js';
import { queriesOn, type PgQueries } from './pg-queries.js';
import { createTxOutbox, type TxOutbox } from './pg-outbox.js';
import type { PgSignals } from './pg-signals.js';

/** One store transaction: statements, and what it changed that must be written or told at its end. */
export interface PgTx extends PgQueries {
  readonly counters: TxCounters;
  readonly outbox: TxOutbox;
  /** The dialers of other processes should look at this campaign again once this commits (a hint). */
  wake(campaignId: string): void;
  /** Streams rows into a table with `COPY … FROM STDIN` (`sql` is the COPY statement); resolves with the count. */
  copyIn(sql: string, source: Readable): Promise<number>;
}

export interface PgDatabase {
  /**
   * Runs `fn` as one transaction (READ COMMITTED, row locks where it takes them). A deadlock or serialization
   * failure rolls it back and runs it again: store transactions touch nothing outside the database, so a retry
   * is safe. Counters and outbox events are written last, in that order (pg-outbox.ts says why).
   */
  transaction<T>(fn: (tx: PgTx) => Promise<T>): Promise<T>;
  /** A statement outside any transaction (a read, or one atomic write). */
  readonly queries: PgQueries;
  /** Borrows one connection for a session-level task (migrations, COPY). */
  withClient<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** 40P01 deadlock_detected, 40001 serialization_failure: the transaction may simply be run again. */
const RETRYABLE = new Set(['40P01', '40001']);
const MAX_ATTEMPTS = 5;

/** int8 (bigint: times in ms, money in minor units, counts) as a JS number: every value stays below 2^53. */
const INT8_OID = 20;
const types = new pg.TypeOverrides();
types.setTypeParser(INT8_OID, (text: string) => Number(text));

/** The connection settings of a pool: the URL's, with every connection on `schema` when one is named. */
export interface PgConnection {
  readonly connectionString: string;
  readonly schema: string | null;
  readonly maxConnections: number;
}

export function poolOptions(connection: PgConnection): pg.PoolConfig {
  return {
    connectionString: connection.connectionString,
    max: connection.maxConnections,
    types,
    // A search_path set at connection start applies to every statement, prepared ones included.
    ...(connection.schema === null
      ? {}
      : { options: `-c search_path=${quoteIdentifier(connection.schema)}` }),
  };
}

/** A SQL identifier, quoted (schema names come from the `--db` URL). */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export function createPgDatabase(connection: PgConnection, signals: PgSignals): PgDatabase {
  const pool = new pg.Pool(poolOptions(connection));
  // An idle connection that dies (the server restarts) must not crash the process: the next query reconnects.
  pool.on('error', () => undefined);

  async function transaction<T>(fn: (tx: PgTx) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        const queries = queriesOn(client);
        const counters = createTxCounters();
        const outbox = createTxOutbox();
        const woken = new Set<string>();
        await client.query('BEGIN');
        const copyIn = async (sql: string, source: Readable) => {
          const stream = client.query(copyFrom(sql));
          await pipeline(source, stream);
          return stream.rowCount;
        };
        const result = await fn({ ...queries, counters, outbox, copyIn, wake: (id) => void woken.add(id) });
        await counters.flush(queries);
        const wrote = await outbox.flush(queries);
        await client.query('COMMIT');
        signals.raise({ wake: woken, outbox: wrote });
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch((rollbackError: unknown) => {
          broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
        });
        const code = (error as { code?: unknown }).code;
        if (typeof code === 'string' && RETRYABLE.has(code) && attempt < MAX_ATTEMPTS) continue;
        throw error;
      } finally {
        client.release(broken);
      }
    }
  }

  return {
    transaction,
    queries: {
      rows: (text, values) => withClient((client) => queriesOn(client).rows(text, values)),
      row: (text, values) => withClient((client) => queriesOn(client).row(text, values)),
      run: (text, values) => withClient((client) => queriesOn(client).run(text, values)),
    },
    withClient,
    close: () => pool.end(),
  };

  async function withClient<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    try {
      return await fn(client);
    } finally {
      client.release();
    }
  }
}
