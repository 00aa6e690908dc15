import { Readable } from 'node:stream';
import { observeImportJob } from '../../domain/import-job.js';
import { csvLine } from '../../domain/spreadsheet-cell.js';
import type { ImportJob, RejectedPosition, StoredRejectedValue } from '../../engine/ports/import-store.js';
import type { ColumnMappingInput, LeadFilePreview } from '../../engine/ports/lead-importer.js';
import { iso, isoOrNull } from './format.js';

export const importJobPath = (id: string) => `/v1/imports/${id}`;

/** An import job as the API shows it at `now`: a running job that stopped making progress reads as failed. */
export const presentImportJob = (stored: ImportJob, now: number) => {
  const job = observeImportJob(stored, now);
  return {
    id: job.id,
    campaignId: job.campaignId,
    status: job.status,
    fileName: job.fileName,
    defaultCountry: job.defaultCountry,
    mapping: job.mapping === null ? null : presentMapping(job.mapping),
    bytesTotal: job.bytesTotal,
    bytesRead: job.bytesRead,
    counts: job.counts,
    rejectedValues: job.rejectedValues,
    problem: job.problem,
    createdAt: iso(job.createdAt),
    updatedAt: iso(job.updatedAt),
    finishedAt: isoOrNull(job.finishedAt),
    errorsUrl: `${importJobPath(job.id)}/errors.csv`,
  };
};

/** The mapping's lists copied (the port's are read-only, the schema's types are not). */
const presentMapping = ({ secondary, fields, ignore, ...single }: ColumnMappingInput) => ({
  ...single,
  ...(secondary === undefined ? {} : { secondary: [...secondary] }),
  ...(fields === undefined ? {} : { fields: [...fields] }),
  ...(ignore === undefined ? {} : { ignore: [...ignore] }),
});

/** Lines of the error file read per store call. */
const ERROR_FILE_PAGE = 1000;

/**
 * The error file as CSV: `row,column,value,reason`, in row order, read a page at a time while it is sent (so
 * about one page is in memory whatever its size). Values are what the user wrote, so every cell goes through
 * `csvLine`, which makes formulas inert before a spreadsheet opens them.
 */
export function importErrorsCsv(
  readPage: (after: RejectedPosition | null, limit: number) => Promise<readonly StoredRejectedValue[]>,
): Readable {
  async function* lines() {
    yield csvLine(['row', 'column', 'value', 'reason']);
    let after: RejectedPosition | null = null;
    for (;;) {
      const page = await readPage(after, ERROR_FILE_PAGE);
      if (page.length > 0)
        yield page.map((v) => csvLine([v.rowNumber, v.column, v.value, v.reason])).join('');
      if (page.length < ERROR_FILE_PAGE) return;
      after = page.at(-1)!;
    }
  }
  return Readable.from(lines(), { highWaterMark: 1 });
}

/** A file's preview as the API shows it (the port's read-only arrays, copied for the schema's types). */
export const presentImportPreview = (preview: LeadFilePreview) => ({
  encoding: preview.encoding,
  delimiter: preview.delimiter,
  headers: [...preview.headers],
  columns: preview.columns.map(({ header, role }) => ({ header, role })),
  rows: preview.rows.map((row) => ({
    ...row,
    secondaryPhones: [...row.secondaryPhones],
    fields: { ...row.fields },
    errors: row.errors.map(({ column, value, reason }) => ({ column, value, reason })),
  })),
  problem: preview.problem,
});
