import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createVirtualClock } from '../../src/engine/clock/virtual-clock.js';
import type { ImportStore, NewImportJob } from '../../src/engine/ports/import-store.js';
import type { LeadImporter, LeadImportRequest } from '../../src/engine/ports/lead-importer.js';
import { createSqliteImportStore } from '../../src/store/sqlite/import-store.js';
import { createSqliteStore, openSqliteDatabase } from '../../src/store/sqlite/sqlite-store.js';
import { ApiProblem } from '../../src/api/http/problem.js';
import { createImportJobRunner } from '../../src/api/import-jobs/import-job-runner.js';
import type { SpooledFile } from '../../src/api/import-jobs/upload.js';

const NOW = Date.parse('2026-03-06T19:00:00Z');
const FILE = 'phone\n+12125550100\n';
const COUNTS = { rows: 2000, leads: 1990, contacts: 1995, duplicates: 5, invalid: 5, suppressed: 0 };

const newJob = (id: string): NewImportJob => ({
  id,
  accountId: 'acct_1',
  campaignId: 'cmp_1',
  fileName: null,
  bytesTotal: FILE.length,
  defaultCountry: 'US',
  mapping: null,
  createdAt: NOW,
});

/** An importer that writes one batch, then waits for `release` before reading on (or failing). */
function createGatedImporter(next: (request: LeadImportRequest) => Promise<void>) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let wroteBatch!: () => void;
  const batchWritten = new Promise<void>((resolve) => (wroteBatch = resolve));
  const importer: LeadImporter = {
    async importLeads(request) {
      await request.onProgress?.({ bytesRead: 10, counts: COUNTS });
      wroteBatch();
      await released;
      await next(request);
      return { ok: true, counts: COUNTS };
    },
  };
  return { importer, release, batchWritten };
}

describe('the import job runner', () => {
  let jobs: ImportStore;
  let close: () => Promise<void>;
  let folder: string;
  const errors: unknown[] = [];
  let files = 0;
  const spooled = (): SpooledFile => {
    const path = join(folder, `upload-${(files += 1)}.csv`);
    writeFileSync(path, FILE);
    return { path, bytes: FILE.length, remove: () => rm(path, { force: true }) };
  };
  const runnerOf = (importer: LeadImporter) =>
    createImportJobRunner({
      importer,
      jobs,
      clock: createVirtualClock(NOW),
      logError: (error) => errors.push(error),
    });

  beforeEach(async () => {
    const db = openSqliteDatabase(':memory:');
    const store = createSqliteStore(db);
    await store.createAccount({
      id: 'acct_1',
      name: 'Acme',
      currency: 'USD',
      balanceMinor: 0,
      reservedMinor: 0,
      minimumStartBalanceMinor: 0,
      createdAt: NOW,
    });
    jobs = createSqliteImportStore(db);
    close = () => store.close();
    folder = mkdtempSync(join(tmpdir(), 'callwright-runner-test-'));
    errors.length = 0;
  });
  afterEach(async () => {
    await close();
    await rm(folder, { recursive: true, force: true });
  });

  it('ends a job that failed unexpectedly as import_failed at its last batch, logs why and removes the file', async () => {
    const failure = new Error('the database went away');
    const gated = createGatedImporter(() => Promise.reject(failure));
    const file = spooled();
    const { finished } = await runnerOf(gated.importer).start(newJob('imp_1'), file);
    gated.release();
    expect(await finished).toMatchObject({
      status: 'failed',
      bytesRead: 10,
      counts: COUNTS,
      problem: {
        code: 'import_failed',
        message:
          'the import failed on an unexpected error (it is in the server log); 2000 rows had been read. Import ' +
          'the same file again to finish: the rows already in count as duplicates',
      },
    });
    expect(errors).toEqual([failure]);
    expect(existsSync(file.path)).toBe(false);
  });

  it('stops an import after the batch it holds, ends it import_interrupted, and refuses new ones', async () => {
    const gated = createGatedImporter(async (request) => {
      for await (const chunk of request.source) void chunk;
    });
    const runner = runnerOf(gated.importer);
    const { finished } = await runner.start(newJob('imp_1'), spooled());
    await gated.batchWritten;
    const stopping = runner.stop();
    gated.release();
    await stopping;
    expect(await finished).toMatchObject({
      status: 'failed',
      counts: COUNTS,
      problem: { code: 'import_interrupted' },
    });

    const late = spooled();
    const refused = await runner.start(newJob('imp_2'), late).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ApiProblem);
    expect(refused).toMatchObject({ status: 503, code: 'shutting_down' });
    expect(existsSync(late.path)).toBe(false);
    expect(await jobs.getJob('imp_2')).toBeNull();
  });

  it('completes a job with the whole file read and removes the file', async () => {
    const gated = createGatedImporter(() => Promise.resolve());
    const file = spooled();
    const { job, finished } = await runnerOf(gated.importer).start(newJob('imp_1'), file);
    expect(job).toMatchObject({ status: 'running', bytesRead: 0 });
    gated.release();
    expect(await finished).toMatchObject({
      status: 'completed',
      bytesRead: FILE.length,
      counts: COUNTS,
      problem: null,
    });
    expect(existsSync(file.path)).toBe(false);
  });
});
