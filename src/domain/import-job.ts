/**
 * An import job: a lead file imported into a campaign in the background (the import issue, API side).
 *
 *   (file uploaded)  → running
 *   running → running     a batch of rows is in: progress (bytes read, counts) written, `updatedAt` moves on
 *   running → completed   the whole file was read (refused rows are reported in its error file, not fatal)
 *   running → failed      the file as a whole cannot be imported (its problem: no phone column, not CSV, …), or
 *                         the import was stopped (a graceful shutdown: `import_interrupted`)
 *
 * Completed and failed are final. A process that dies mid-import finishes nothing, so a job cannot say
 * `running` on its own word alone: a running job writes progress after every batch (2,000 rows: well under a
 * second), and one whose last progress is older than `IMPORT_STALL_MS` reads as failed with
 * `import_interrupted`. This is decided when the job is read, not written by whoever reads it, so it needs no
 * cleaner and holds across processes (none can tell whether another's import is alive but by its progress).
 */
export const IMPORT_JOB_STATUSES = ['running', 'completed', 'failed'] as const;
export type ImportJobStatus = (typeof IMPORT_JOB_STATUSES)[number];

/**
 * How long a running job may go without progress before it is taken for dead. Five minutes is hundreds of
 * times the gap between two batches, yet short enough that a user who waits sees the truth.
 */
export const IMPORT_STALL_MS = 5 * 60_000;

/** The problem of a job stopped before its end: its server stopped (or died). */
export const IMPORT_INTERRUPTED = 'import_interrupted';
/** The problem of a job stopped by an unexpected error (a bug, the database gone): the server logs it. */
export const IMPORT_FAILED = 'import_failed';

export interface ImportProblem {
  readonly code: string;
  readonly message: string;
}

/** What the rule reads of a job. */
export interface ImportJobState {
  readonly status: ImportJobStatus;
  readonly problem: ImportProblem | null;
  /** The last progress written (the creation time before the first). */
  readonly updatedAt: number;
  readonly finishedAt: number | null;
  readonly counts: { readonly rows: number };
}

/** The message of a job stopped before its end: what happened and what to do about it. */
export const interruptedMessage = (rows: number, why: string) =>
  `${why}; ${rows} rows had been read. Import the same file again to finish: the rows already in count as duplicates`;

/** The job as it stands at `now`: a running job without progress for `IMPORT_STALL_MS` has died. */
export function observeImportJob<Job extends ImportJobState>(job: Job, now: number): Job {
  if (job.status !== 'running' || now - job.updatedAt <= IMPORT_STALL_MS) return job;
  const problem = {
    code: IMPORT_INTERRUPTED,
    message: interruptedMessage(
      job.counts.rows,
      `the import made no progress for ${IMPORT_STALL_MS / 60_000} minutes: its server stopped`,
    ),
  };
  return { ...job, status: 'failed', problem, finishedAt: job.updatedAt };
}
