import type { ImportJobStatus, ImportProblem } from '../../domain/import-job.js';
import type { ColumnMappingInput, LeadImportCounts, RejectedValue } from './lead-importer.js';
import type { Page } from './store.js';

/**
 * Import jobs: lead files the API imports in the background, with their progress, outcome and error file (the
 * import issue; the states are in src/domain/import-job.ts). A port of its own, like the AccessStore: the engine
 * never needs it. Each method is one transaction, and `now` is always an argument.
 */
export interface ImportStore {
  /** Records a new job, `running` from `createdAt` with nothing read yet. */
  createJob(job: NewImportJob): Promise<ImportJob>;
  /** Writes a running job's progress and moves its `updatedAt`; false (nothing written) once it has ended. */
  recordProgress(jobId: string, progress: ImportProgress): Promise<boolean>;
  /**
   * Adds lines to the job's error file, after every line appended before (the pipeline hands them over batch
   * by batch), and counts them in `rejectedValues`.
   */
  appendRejected(jobId: string, values: readonly RejectedValue[]): Promise<void>;
  /** Ends a running job with its last progress; false (nothing written) when it had ended already. */
  finishJob(jobId: string, end: ImportJobEnd): Promise<boolean>;
  getJob(jobId: string): Promise<ImportJob | null>;
  /** A campaign's jobs, newest first: `page.after` is the last id of the page before. */
  listJobs(campaignId: string, page: Page): Promise<readonly ImportJob[]>;
  /**
   * The error file a page at a time, in row order (the lines of one row in the order appended): `after` is
   * the position of the last line of the page before, null for the first page.
   */
  readRejected(
    jobId: string,
    after: RejectedPosition | null,
    limit: number,
  ): Promise<readonly StoredRejectedValue[]>;
}

export interface ImportJob {
  /** `imp_…` */
  readonly id: string;
  readonly accountId: string;
  readonly campaignId: string;
  /** As the uploader named it, or null. */
  readonly fileName: string | null;
  readonly bytesTotal: number;
  /** ISO 3166-1 alpha-2: how numbers without a country code were read. */
  readonly defaultCountry: string;
  /** The mapping given with the upload; null: found from the headers. */
  readonly mapping: ColumnMappingInput | null;
  readonly status: ImportJobStatus;
  readonly bytesRead: number;
  readonly counts: LeadImportCounts;
  /** Lines in the error file. */
  readonly rejectedValues: number;
  /** Why a failed job failed; null otherwise. */
  readonly problem: ImportProblem | null;
  readonly createdAt: number;
  /** When progress was last written (`createdAt` before the first batch). */
  readonly updatedAt: number;
  readonly finishedAt: number | null;
}

export type NewImportJob = Pick<
  ImportJob,
  'id' | 'accountId' | 'campaignId' | 'fileName' | 'bytesTotal' | 'defaultCountry' | 'mapping' | 'createdAt'
>;

export interface ImportProgress {
  readonly bytesRead: number;
  readonly counts: LeadImportCounts;
  readonly now: number;
}

export type ImportJobEnd = ImportProgress &
  ({ readonly status: 'completed' } | { readonly status: 'failed'; readonly problem: ImportProblem });

/** Where a line sits in the error file. */
export interface RejectedPosition {
  readonly rowNumber: number;
  /** The line's place in the order appended (1, 2, …). */
  readonly seq: number;
}

export type StoredRejectedValue = RejectedValue & RejectedPosition;
