/**
 * Helpers shared by the benchmarks (DESIGN §8): machine description, generated phone numbers, temporary database
 * files, percentiles and number formatting. Benchmarks generate all their data; nothing here reads a fixture.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { SourceMap } from 'node:module';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type Database from 'better-sqlite3';
import type { SeededRandom } from '../src/domain/seeded-random.js';

/** The machine and runtime a figure was measured on, one fact per line. */
export function describeMachine(db: Database.Database): string[] {
  const cpus = os.cpus();
  const sqlite = db.prepare<[], { v: string }>('SELECT sqlite_version() AS v').get()?.v ?? '?';
  return [
    `cpu:      ${cpus[0]?.model ?? 'unknown'} × ${cpus.length} logical cores`,
    `memory:   ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `os:       ${os.platform()} ${os.release()} (${os.arch()})`,
    `node:     ${process.version}, SQLite ${sqlite} (better-sqlite3)`,
    `load:     ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} (1/5/15 min averages when measured: above the core count, other work shared the CPUs)`,
  ];
}

/** 1234567 → "1,234,567". */
export const int = (n: number) => Math.round(n).toLocaleString('en-US');

/** Milliseconds with sensible precision. */
export const ms = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));

/** Peak resident set size of this process so far, in MiB (`maxRSS` is in KiB). */
export const peakRssMiB = () => process.resourceUsage().maxRSS / 1024;

/** The nearest-rank percentile `p` (0–100) of ascending `sorted` values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

/**
 * A generator of distinct, valid-looking US numbers in E.164 (`+1 NPA NXX XXXX`). Area codes and exchanges start
 * with 2–9 and are never N11; exchange 555 is skipped entirely, so no number is one of the simulator's magic
 * `555-01XY` numbers (DESIGN §6) and every call draws its outcome from the configured rates.
 */
export function createUsNumbers(random: SeededRandom) {
  const seen = new Set<string>();
  const threeDigits = () => {
    for (;;) {
      const a = random.int(2, 9);
      const b = random.int(0, 9);
      const c = random.int(0, 9);
      if (b === 1 && c === 1) continue; // N11 service codes
      return a * 100 + b * 10 + c;
    }
  };
  return (): string => {
    for (;;) {
      const npa = threeDigits();
      const nxx = threeDigits();
      if (nxx === 555) continue;
      const line = random.int(0, 9999).toString().padStart(4, '0');
      const number = `+1${npa}${nxx}${line}`;
      if (seen.has(number)) continue;
      seen.add(number);
      return number;
    }
  };
}

/** `count` generated items, `item(i)` each, in arrays of `size` (the last may be shorter), made as they are taken. */
export function* inBatches<T>(count: number, size: number, item: (i: number) => T): Generator<T[]> {
  let batch: T[] = [];
  for (let i = 0; i < count; i++) {
    batch.push(item(i));
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/** A fresh directory under the OS temp dir for a benchmark's database; `remove` deletes it and its files. */
export function createTempDir(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(os.tmpdir(), `callwright-${prefix}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** `--name value` from argv, or `fallback`. */
export function argValue(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? process.argv[index + 1] : undefined;
  return value ?? fallback;
}

export const hasFlag = (name: string) => process.argv.includes(`--${name}`);

/** Today in ISO form, for the report header. */
export const today = () => new Date().toISOString().slice(0, 10);

const sourceMaps = new Map<string, SourceMap | null>();

/**
 * `src/store/sqlite/claim.ts:81` for a position in compiled code (`file://…/dist/src/store/sqlite/claim.js`,
 * 0-based line and column), through the `.js.map` tsc writes next to each file; null when there is none.
 */
export function sourcePosition(url: string, line: number, column: number): string | null {
  if (!url.startsWith('file://')) return null;
  let map = sourceMaps.get(url);
  if (map === undefined) {
    const path = `${fileURLToPath(url)}.map`;
    map = existsSync(path)
      ? new SourceMap(JSON.parse(readFileSync(path, 'utf8')) as ConstructorParameters<typeof SourceMap>[0])
      : null;
    sourceMaps.set(url, map);
  }
  const entry = map?.findEntry(line, column) as
    { originalSource?: string; originalLine?: number } | undefined;
  if (!entry?.originalSource || entry.originalLine === undefined) return null;
  const source = entry.originalSource.replace(/^file:\/\//, '').replace(/^(\.\.\/)+/, '');
  return `${source}:${entry.originalLine + 1}`;
}
