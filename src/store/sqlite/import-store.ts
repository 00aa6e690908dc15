import type Database from 'better-sqlite3';
import type { ImportJobStatus } from '../../domain/import-job.js';
import type {
  ImportJob,
  ImportJobEnd,
  ImportProgress,
  ImportStore,
  StoredRejectedValue,
} from '../../engine/ports/import-store.js';
import type { ColumnMappingInput, RejectedValue } from '../../engine/ports/lead-importer.js';

/**
 * The ImportStore port on SQLite (tables of migration 0005), on the main store's database handle. Progress and
 * the end are written only while a job is `running`, so a job that ended stays as it ended.
 */
export function createSqliteImportStore(db: Database.Database): ImportStore {
  const q = {
    insertJob: db.prepare(
      `INSERT INTO import_jobs (id, account_id, campaign_id, file_name, bytes_total, default_country, mapping,
         status, created_at, updated_at)
       VALUES (@id, @accountId, @campaignId, @fileName, @bytesTotal, @defaultCountry, @mapping, 'running',
         @createdAt, @createdAt)`,
    ),
    job: db.prepare<[string], ImportJobRow>('SELECT * FROM import_jobs WHERE id = ?'),
    jobs: db.prepare<[string, string | null, string | null, number], ImportJobRow>(
      `SELECT * FROM import_jobs WHERE campaign_id = ? AND (? IS NULL OR id < ?) ORDER BY id DESC LIMIT ?`,
    ),
    progress: db.prepare(
      `UPDATE import_jobs SET ${PROGRESS_COLUMNS}, updated_at = @now WHERE id = @jobId AND status = 'running'`,
    ),
    finish: db.prepare(
      `UPDATE import_jobs SET ${PROGRESS_COLUMNS}, updated_at = @now, status = @status, finished_at = @now,
         problem_code = @problemCode, problem_message = @problemMessage
       WHERE id = @jobId AND status = 'running'`,
    ),
    countRejected: db.prepare<[number, string], { rejected: number }>(
      'UPDATE import_jobs SET rejected = rejected + ? WHERE id = ? RETURNING rejected',
    ),
    insertRejected: db.prepare(
      `INSERT INTO import_rejected_values (import_id, seq, row_number, column_name, value, reason)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ),
    rejected: db.prepare<[string, number, number, number], RejectedRow>(
      `SELECT * FROM import_rejected_values INDEXED BY import_rejected_values_row
        WHERE import_id = ? AND (row_number, seq) > (?, ?) ORDER BY row_number, seq LIMIT ?`,
    ),
  };

  const appendTx = db.transaction((jobId: string, values: readonly RejectedValue[]) => {
    const counted = q.countRejected.get(values.length, jobId);
    if (!counted) throw new Error(`no import job with id "${jobId}" to append rejected values to`);
    let seq = counted.rejected - values.length;
    for (const v of values) {
      seq += 1;
      q.insertRejected.run(jobId, seq, v.rowNumber, v.column, v.value, v.reason);
    }
  });

  return {
    createJob: async (job) => {
      q.insertJob.run({ ...job, mapping: mappingText(job.mapping) });
      return toImportJob(q.job.get(job.id)!);
    },
    recordProgress: async (jobId, progress) =>
      q.progress.run({ jobId, ...progressValues(progress) }).changes === 1,
    appendRejected: async (jobId, values) => {
      if (values.length > 0) appendTx.immediate(jobId, values);
    },
    finishJob: async (jobId, end) => q.finish.run({ jobId, ...endValues(end) }).changes === 1,
    getJob: async (jobId) => {
      const row = q.job.get(jobId);
      return row ? toImportJob(row) : null;
    },
    listJobs: async (campaignId, page) =>
      q.jobs.all(campaignId, page.after, page.after, page.limit).map(toImportJob),
    readRejected: async (jobId, after, limit) =>
      q.rejected.all(jobId, after?.rowNumber ?? 0, after?.seq ?? 0, limit).map(toStoredRejectedValue),
  };
}

/** The columns progress writes; their parameters come from `progressValues`. */
const PROGRESS_COLUMNS = `bytes_read = @bytesRead, rows_read = @rows, leads_created = @leads,
  contacts_added = @contacts, duplicates = @duplicates, invalid = @invalid, suppressed = @suppressed`;

/** The parameters of `PROGRESS_COLUMNS` and `updated_at`, by name. */
export const progressValues = ({ bytesRead, counts, now }: ImportProgress) => ({
  bytesRead,
  rows: counts.rows,
  leads: counts.leads,
  contacts: counts.contacts,
  duplicates: counts.duplicates,
  invalid: counts.invalid,
  suppressed: counts.suppressed,
  now,
});

/** `progressValues`, then the job's status and problem. */
export const endValues = (end: ImportJobEnd) => ({
  ...progressValues(end),
  status: end.status,
  problemCode: end.status === 'failed' ? end.problem.code : null,
  problemMessage: end.status === 'failed' ? end.problem.message : null,
});

export const mappingText = (mapping: ColumnMappingInput | null) =>
  mapping === null ? null : JSON.stringify(mapping);

export interface ImportJobRow {
  id: string;
  account_id: string;
  campaign_id: string;
  file_name: string | null;
  bytes_total: number;
  default_country: string;
  mapping: string | null;
  status: ImportJobStatus;
  bytes_read: number;
  rows_read: number;
  leads_created: number;
  contacts_added: number;
  duplicates: number;
  invalid: number;
  suppressed: number;
  rejected: number;
  problem_code: string | null;
  problem_message: string | null;
  created_at: number;
  updated_at: number;
  finished_at: number | null;
}

export interface RejectedRow {
  seq: number;
  row_number: number;
  column_name: string;
  value: string;
  reason: string;
}

export const toImportJob = (r: ImportJobRow): ImportJob => ({
  id: r.id,
  accountId: r.account_id,
  campaignId: r.campaign_id,
  fileName: r.file_name,
  bytesTotal: r.bytes_total,
  defaultCountry: r.default_country,
  mapping: r.mapping === null ? null : (JSON.parse(r.mapping) as ColumnMappingInput),
  status: r.status,
  bytesRead: r.bytes_read,
  counts: {
    rows: r.rows_read,
    leads: r.leads_created,
    contacts: r.contacts_added,
    duplicates: r.duplicates,
    invalid: r.invalid,
    suppressed: r.suppressed,
  },
  rejectedValues: r.rejected,
  problem: r.problem_code === null ? null : { code: r.problem_code, message: r.problem_message! },
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  finishedAt: r.finished_at,
});

export const toStoredRejectedValue = (r: RejectedRow): StoredRejectedValue => ({
  rowNumber: r.row_number,
  seq: r.seq,
  column: r.column_name,
  value: r.value,
  reason: r.reason,
});
