/**
 * A statement-level profiler for a better-sqlite3 database, for the benchmarks' "where the time goes" sections.
 * `instrument(db)` returns a stand-in for `db` to hand to `createSqliteStore`: every statement it prepares is timed
 * per call (`run`/`get`/`all`/`iterate`), and every transaction function is timed twice, inside (the statements and
 * the JavaScript of its body) and outside (plus `BEGIN … COMMIT`), so the commit's own cost shows as the difference.
 *
 * Timing wrappers cost a few hundred nanoseconds per call: use the profile to rank the work, and take the figures
 * themselves from an uninstrumented run.
 */
import { performance } from 'node:perf_hooks';
import type Database from 'better-sqlite3';
import { sourcePosition } from './bench-support.js';

interface Tally {
  calls: number;
  totalMs: number;
}

interface TxTally {
  calls: number;
  insideMs: number;
  outsideMs: number;
}

export interface SqlProfile {
  /** The stand-in database: pass it where the code under test expects `db`. */
  readonly db: Database.Database;
  /** Total ms spent inside statements, per SQL text. */
  readonly statements: ReadonlyMap<string, Tally>;
  /** Per transaction function (named by where it was created). */
  readonly transactions: ReadonlyMap<string, TxTally>;
  reset(): void;
  /** A printable summary: the top statements and transactions by total time. */
  report(top: number): string[];
}

const TIMED_STATEMENT_METHODS = new Set(['run', 'get', 'all', 'iterate']);
const TX_VARIANTS = ['deferred', 'immediate', 'exclusive'] as const;

type AnyFn = (...args: unknown[]) => unknown;

/** Where the code that called `db.transaction(...)` is (`src/store/sqlite/claim.ts:81`), to name it. */
function creationSite(): string {
  const frames = (new Error().stack ?? '').split('\n').slice(1);
  const outside = frames.find((f) => !f.includes('sql-profile'));
  const match = outside?.match(/(file:\/\/[^\s()]+\.js):(\d+):(\d+)/);
  if (!match) return outside?.trim() ?? 'unknown';
  const [, url, line, column] = match as unknown as [string, string, string, string];
  return (
    sourcePosition(url, Number(line) - 1, Number(column) - 1) ??
    `${url.replace(/^.*\/dist\//, 'dist/')}:${line}`
  );
}

export function instrument(target: Database.Database): SqlProfile {
  const statements = new Map<string, Tally>();
  const transactions = new Map<string, TxTally>();
  const tally = (sql: string) => {
    let t = statements.get(sql);
    if (!t) statements.set(sql, (t = { calls: 0, totalMs: 0 }));
    return t;
  };

  const wrapStatement = (statement: Database.Statement): Database.Statement => {
    const t = tally(statement.source.replace(/\s+/g, ' ').trim());
    const proxy: Database.Statement = new Proxy(statement, {
      get(stmt, prop) {
        const value: unknown = Reflect.get(stmt, prop, stmt);
        if (typeof value !== 'function') return value;
        const fn = value as AnyFn;
        // `raw()`, `pluck()`, … answer the statement itself: answer the proxy, so it stays timed.
        if (typeof prop !== 'string' || !TIMED_STATEMENT_METHODS.has(prop))
          return (...args: unknown[]) => {
            const result = fn.apply(stmt, args);
            return result === stmt ? proxy : result;
          };
        return (...args: unknown[]) => {
          const start = performance.now();
          try {
            return fn.apply(stmt, args);
          } finally {
            t.calls += 1;
            t.totalMs += performance.now() - start;
          }
        };
      },
    });
    return proxy;
  };

  const wrapTransaction = (body: AnyFn): AnyFn => {
    const site = creationSite();
    let tx = transactions.get(site);
    if (!tx) transactions.set(site, (tx = { calls: 0, insideMs: 0, outsideMs: 0 }));
    const entry = tx;
    const inner = (...args: unknown[]) => {
      const start = performance.now();
      try {
        return body(...args);
      } finally {
        entry.insideMs += performance.now() - start;
      }
    };
    const real = target.transaction(inner) as unknown as AnyFn & Record<string, AnyFn>;
    const timed = (fn: AnyFn) =>
      function (this: unknown, ...args: unknown[]) {
        const start = performance.now();
        try {
          return fn.apply(this, args);
        } finally {
          entry.calls += 1;
          entry.outsideMs += performance.now() - start;
        }
      };
    const wrapped = timed(real) as AnyFn & Record<string, AnyFn>;
    for (const variant of TX_VARIANTS) wrapped[variant] = timed(real[variant]!);
    return wrapped;
  };

  const db = new Proxy(target, {
    get(real, prop) {
      if (prop === 'prepare') {
        return (sql: string) => wrapStatement(real.prepare(sql));
      }
      if (prop === 'transaction') return wrapTransaction;
      const value: unknown = Reflect.get(real, prop, real);
      return typeof value === 'function' ? (value as AnyFn).bind(real) : value;
    },
  });

  return {
    db,
    statements,
    transactions,
    reset() {
      for (const t of statements.values()) Object.assign(t, { calls: 0, totalMs: 0 });
      for (const t of transactions.values()) Object.assign(t, { calls: 0, insideMs: 0, outsideMs: 0 });
    },
    report(top: number) {
      const lines: string[] = [];
      const stmtTotal = [...statements.values()].reduce((a, t) => a + t.totalMs, 0);
      lines.push(`statements (total ${stmtTotal.toFixed(0)} ms inside SQLite statement calls):`);
      lines.push('     total ms   share     calls   µs/call  sql');
      const rows = [...statements.entries()].filter(([, t]) => t.calls > 0);
      rows.sort((a, b) => b[1].totalMs - a[1].totalMs);
      for (const [sql, t] of rows.slice(0, top)) {
        lines.push(
          `  ${t.totalMs.toFixed(0).padStart(11)} ${((100 * t.totalMs) / stmtTotal).toFixed(1).padStart(6)}% ${String(
            t.calls,
          ).padStart(9)} ${((1000 * t.totalMs) / t.calls).toFixed(1).padStart(9)}  ${
            sql.length > 150 ? `${sql.slice(0, 147)}...` : sql
          }`,
        );
      }
      lines.push('transactions (outside = BEGIN + body + COMMIT; commit+begin = outside − inside):');
      lines.push('     calls   outside ms   inside ms   begin+commit µs/call  created at');
      const txs = [...transactions.entries()].filter(([, t]) => t.calls > 0);
      txs.sort((a, b) => b[1].outsideMs - a[1].outsideMs);
      for (const [site, t] of txs.slice(0, top)) {
        lines.push(
          `  ${String(t.calls).padStart(8)} ${t.outsideMs.toFixed(0).padStart(12)} ${t.insideMs
            .toFixed(0)
            .padStart(
              11,
            )} ${((1000 * (t.outsideMs - t.insideMs)) / t.calls).toFixed(1).padStart(22)}  ${site}`,
        );
      }
      return lines;
    },
  };
}
