import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportJob, ImportStore, NewImportJob } from '../../src/engine/ports/import-store.js';
import type { LeadImportCounts, RejectedValue } from '../../src/engine/ports/lead-importer.js';
import type { Store } from '../../src/engine/ports/store.js';
import { ACCOUNT_ID, account, CAMPAIGN_ID, SECOND, T0 } from '../store-conformance/fixtures.js';

/** Opens a fresh, empty Store and the ImportStore of the same database. */
export type OpenImportStores = () => Promise<{
  store: Store;
  importJobs: ImportStore;
  close: () => Promise<void>;
}>;

const NO_COUNTS: LeadImportCounts = {
  rows: 0,
  leads: 0,
  contacts: 0,
  duplicates: 0,
  invalid: 0,
  suppressed: 0,
};
const COUNTS: LeadImportCounts = {
  rows: 2000,
  leads: 1990,
  contacts: 2100,
  duplicates: 4,
  invalid: 6,
  suppressed: 1,
};

const newJob = (n: number, overrides: Partial<NewImportJob> = {}): NewImportJob => ({
  id: `imp_${String(n).padStart(4, '0')}`,
  accountId: ACCOUNT_ID,
  campaignId: CAMPAIGN_ID,
  fileName: 'leads.csv',
  bytesTotal: 1_000_000,
  defaultCountry: 'US',
  mapping: null,
  createdAt: T0 + n * SECOND,
  ...overrides,
});

const rejected = (rowNumber: number, column = 'phone', value = 'n/a'): RejectedValue => ({
  rowNumber,
  column,
  value,
  reason: `"${value}" is not a phone number`,
});

/** The ImportStore port's conformance suite, run on every store (sqlite- and postgres-import-store.test.ts). */
export function describeImportStoreConformance(name: string, open: OpenImportStores): void {
  let importJobs: ImportStore;
  let close: () => Promise<void>;
  beforeEach(async () => {
    const opened = await open();
    await opened.store.createAccount(account());
    importJobs = opened.importJobs;
    close = opened.close;
  });
  afterEach(() => close());

  describe(`${name} import store: jobs`, () => {
    it('creates a job running from its creation, with nothing read, and gives it back as created', async () => {
      const mapping = { phone: 'Mobile', secondary: ['Office', 'Home'], externalId: 'CRM id' };
      const created = await importJobs.createJob(newJob(1, { mapping, fileName: null }));
      const expected: ImportJob = {
        ...newJob(1, { mapping, fileName: null }),
        status: 'running',
        bytesRead: 0,
        counts: NO_COUNTS,
        rejectedValues: 0,
        problem: null,
        updatedAt: T0 + SECOND,
        finishedAt: null,
      };
      expect(created).toEqual(expected);
      expect(await importJobs.getJob(created.id)).toEqual(expected);
      expect(await importJobs.getJob('imp_none')).toBeNull();
    });

    it('records progress while running and moves the time of the last progress', async () => {
      const job = await importJobs.createJob(newJob(1));
      const at = T0 + 10 * SECOND;
      expect(await importJobs.recordProgress(job.id, { bytesRead: 4096, counts: COUNTS, now: at })).toBe(
        true,
      );
      expect(await importJobs.getJob(job.id)).toMatchObject({
        status: 'running',
        bytesRead: 4096,
        counts: COUNTS,
        updatedAt: at,
        finishedAt: null,
      });
    });

    it('ends a job once, completed or failed with its problem, and keeps it as it ended', async () => {
      const done = await importJobs.createJob(newJob(1));
      const end = T0 + 20 * SECOND;
      const last = { bytesRead: 1_000_000, counts: COUNTS, now: end };
      expect(await importJobs.finishJob(done.id, { status: 'completed', ...last })).toBe(true);
      expect(await importJobs.getJob(done.id)).toMatchObject({
        status: 'completed',
        bytesRead: 1_000_000,
        counts: COUNTS,
        problem: null,
        updatedAt: end,
        finishedAt: end,
      });

      const problem = { code: 'no_phone_column', message: 'no column holds phone numbers' };
      const broken = await importJobs.createJob(newJob(2));
      const failed = { status: 'failed', problem, bytesRead: 120, counts: NO_COUNTS, now: end } as const;
      expect(await importJobs.finishJob(broken.id, failed)).toBe(true);
      expect(await importJobs.getJob(broken.id)).toMatchObject({
        status: 'failed',
        problem,
        finishedAt: end,
      });

      // A late writer (progress or a second end) changes nothing.
      const later = { bytesRead: 5, counts: NO_COUNTS, now: end + SECOND };
      expect(await importJobs.recordProgress(done.id, later)).toBe(false);
      expect(await importJobs.finishJob(done.id, { ...failed, now: end + SECOND })).toBe(false);
      expect(await importJobs.finishJob(broken.id, { status: 'completed', ...later })).toBe(false);
      expect(await importJobs.getJob(done.id)).toMatchObject({ status: 'completed', bytesRead: 1_000_000 });
      expect(await importJobs.getJob(broken.id)).toMatchObject({ status: 'failed', problem });
      expect(await importJobs.recordProgress('imp_none', later)).toBe(false);
    });

    it("lists a campaign's jobs newest first, a page at a time, and no other campaign's", async () => {
      for (const n of [1, 2, 3, 4, 5]) await importJobs.createJob(newJob(n));
      await importJobs.createJob(newJob(6, { campaignId: 'camp_other' }));
      const first = await importJobs.listJobs(CAMPAIGN_ID, { after: null, limit: 3 });
      expect(first.map((j) => j.id)).toEqual(['imp_0005', 'imp_0004', 'imp_0003']);
      const second = await importJobs.listJobs(CAMPAIGN_ID, { after: 'imp_0003', limit: 3 });
      expect(second.map((j) => j.id)).toEqual(['imp_0002', 'imp_0001']);
      expect(await importJobs.listJobs('camp_none', { after: null, limit: 3 })).toEqual([]);
    });
  });

  describe(`${name} import store: error files`, () => {
    it('reads the lines back in row order, those of one row in the order appended, page by page', async () => {
      const job = await importJobs.createJob(newJob(1));
      // Batches come in file order, but a batch's lines need not be sorted: merged rows report late.
      await importJobs.appendRejected(job.id, [rejected(7), rejected(3, 'office', '555'), rejected(3)]);
      await importJobs.appendRejected(job.id, []);
      await importJobs.appendRejected(job.id, [rejected(12, 'phone', '=cmd()'), rejected(9)]);
      expect(await importJobs.getJob(job.id)).toMatchObject({ rejectedValues: 5 });

      const all = await importJobs.readRejected(job.id, null, 100);
      expect(all).toEqual([
        { ...rejected(3, 'office', '555'), seq: 2 },
        { ...rejected(3), seq: 3 },
        { ...rejected(7), seq: 1 },
        { ...rejected(9), seq: 5 },
        { ...rejected(12, 'phone', '=cmd()'), seq: 4 },
      ]);

      const pages: number[][] = [];
      let after: { rowNumber: number; seq: number } | null = null;
      for (;;) {
        const page: readonly { rowNumber: number; seq: number }[] = await importJobs.readRejected(
          job.id,
          after,
          2,
        );
        if (page.length === 0) break;
        pages.push(page.map((line) => line.seq));
        after = page.at(-1)!;
      }
      expect(pages).toEqual([[2, 3], [1, 5], [4]]);
    });

    it("keeps each job's lines to itself", async () => {
      const one = await importJobs.createJob(newJob(1));
      const two = await importJobs.createJob(newJob(2));
      await importJobs.appendRejected(one.id, [rejected(2)]);
      await importJobs.appendRejected(two.id, [rejected(5), rejected(6)]);
      expect((await importJobs.readRejected(one.id, null, 10)).map((l) => l.rowNumber)).toEqual([2]);
      expect((await importJobs.readRejected(two.id, null, 10)).map((l) => [l.rowNumber, l.seq])).toEqual([
        [5, 1],
        [6, 2],
      ]);
    });

    it('numbers the lines of appends made at the same time one after the other', async () => {
      const job = await importJobs.createJob(newJob(1));
      await Promise.all(
        [0, 1, 2, 3].map((batch) =>
          importJobs.appendRejected(
            job.id,
            [0, 1, 2].map((i) => rejected(2 + batch * 3 + i)),
          ),
        ),
      );
      const lines = await importJobs.readRejected(job.id, null, 100);
      expect(lines.map((l) => l.seq).sort((a, b) => a - b)).toEqual(
        Array.from({ length: 12 }, (_, i) => i + 1),
      );
      expect(await importJobs.getJob(job.id)).toMatchObject({ rejectedValues: 12 });
    });

    it('refuses to append to a job that does not exist', async () => {
      await expect(importJobs.appendRejected('imp_none', [rejected(2)])).rejects.toThrow('imp_none');
    });
  });
}
