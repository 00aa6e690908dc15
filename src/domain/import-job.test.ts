import { describe, expect, it } from 'vitest';
import { IMPORT_STALL_MS, observeImportJob, type ImportJobState } from './import-job.js';

const T = Date.parse('2026-03-06T14:00:00Z');
const running: ImportJobState = {
  status: 'running',
  problem: null,
  updatedAt: T,
  finishedAt: null,
  counts: { rows: 4000 },
};

describe('observeImportJob', () => {
  it('takes a running job at its word while its last progress is at most five minutes old', () => {
    expect(observeImportJob(running, T)).toBe(running);
    expect(observeImportJob(running, T + IMPORT_STALL_MS)).toBe(running);
  });

  it('reads a running job without progress for longer as failed, ended at its last progress', () => {
    expect(observeImportJob(running, T + IMPORT_STALL_MS + 1)).toEqual({
      status: 'failed',
      problem: {
        code: 'import_interrupted',
        message:
          'the import made no progress for 5 minutes: its server stopped; 4000 rows had been read. Import the ' +
          'same file again to finish: the rows already in count as duplicates',
      },
      updatedAt: T,
      finishedAt: T,
      counts: { rows: 4000 },
    });
  });

  it('leaves a job that ended as it ended, however old', () => {
    const completed: ImportJobState = { ...running, status: 'completed', finishedAt: T };
    expect(observeImportJob(completed, T + 365 * 24 * 3_600_000)).toBe(completed);
  });
});
