import type { ImportStore } from '../../engine/ports/import-store.js';
import {
  endValues,
  mappingText,
  progressValues,
  toImportJob,
  toStoredRejectedValue,
  type ImportJobRow,
  type RejectedRow,
} from '../sqlite/import-store.js';
import type { PgDatabase } from './pg-database.js';

/** `$1`…`$8` of `progressParameters`, written by progress and by the end. */
const PROGRESS_COLUMNS = `bytes_read = $1, rows_read = $2, leads_created = $3, contacts_added = $4,
  duplicates = $5, invalid = $6, suppressed = $7, updated_at = $8`;

const progressParameters = (values: ReturnType<typeof progressValues>) => [
  values.bytesRead,
  values.rows,
  values.leads,
  values.contacts,
  values.duplicates,
  values.invalid,
  values.suppressed,
  values.now,
];

/**
 * The ImportStore port on PostgreSQL, with the rules of the SQLite store (import-store.ts). Appending to an error
 * file counts its lines first: that update locks the job's row, so two appends to one job number their lines
 * one after the other.
 */
export function createPostgresImportStore(db: PgDatabase): ImportStore {
  const q = db.queries;
  return {
    createJob: async (job) => {
      const row = await q.row<ImportJobRow>(
        `INSERT INTO import_jobs (id, account_id, campaign_id, file_name, bytes_total, default_country, mapping,
           status, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'running', $8, $8) RETURNING *`,
        [
          job.id,
          job.accountId,
          job.campaignId,
          job.fileName,
          job.bytesTotal,
          job.defaultCountry,
          mappingText(job.mapping),
          job.createdAt,
        ],
      );
      return toImportJob(row!);
    },
    recordProgress: async (jobId, progress) =>
      (await q.run(`UPDATE import_jobs SET ${PROGRESS_COLUMNS} WHERE id = $9 AND status = 'running'`, [
        ...progressParameters(progressValues(progress)),
        jobId,
      ])) === 1,
    appendRejected: async (jobId, values) => {
      if (values.length === 0) return;
      await db.transaction(async (tx) => {
        const counted = await tx.row<{ rejected: number }>(
          'UPDATE import_jobs SET rejected = rejected + $1 WHERE id = $2 RETURNING rejected',
          [values.length, jobId],
        );
        if (!counted) throw new Error(`no import job with id "${jobId}" to append rejected values to`);
        const first = counted.rejected - values.length + 1;
        await tx.run(
          `INSERT INTO import_rejected_values (import_id, seq, row_number, column_name, value, reason)
           SELECT $1, $2 + n - 1, row_number, column_name, value, reason
             FROM unnest($3::bigint[], $4::text[], $5::text[], $6::text[])
                  WITH ORDINALITY AS v (row_number, column_name, value, reason, n)`,
          [
            jobId,
            first,
            values.map((v) => v.rowNumber),
            values.map((v) => v.column),
            values.map((v) => v.value),
            values.map((v) => v.reason),
          ],
        );
      });
    },
    finishJob: async (jobId, end) => {
      const values = endValues(end);
      return (
        (await q.run(
          `UPDATE import_jobs SET ${PROGRESS_COLUMNS}, status = $9, finished_at = $8, problem_code = $10,
             problem_message = $11
           WHERE id = $12 AND status = 'running'`,
          [...progressParameters(values), values.status, values.problemCode, values.problemMessage, jobId],
        )) === 1
      );
    },
    getJob: async (jobId) => {
      const row = await q.row<ImportJobRow>('SELECT * FROM import_jobs WHERE id = $1', [jobId]);
      return row ? toImportJob(row) : null;
    },
    listJobs: async (campaignId, page) =>
      (
        await q.rows<ImportJobRow>(
          `SELECT * FROM import_jobs WHERE campaign_id = $1 AND ($2::text IS NULL OR id < $2)
            ORDER BY id DESC LIMIT $3`,
          [campaignId, page.after, page.limit],
        )
      ).map(toImportJob),
    readRejected: async (jobId, after, limit) =>
      (
        await q.rows<RejectedRow>(
          `SELECT * FROM import_rejected_values WHERE import_id = $1 AND (row_number, seq) > ($2, $3)
            ORDER BY row_number, seq LIMIT $4`,
          [jobId, after?.rowNumber ?? 0, after?.seq ?? 0, limit],
        )
      ).map(toStoredRejectedValue),
  };
}
