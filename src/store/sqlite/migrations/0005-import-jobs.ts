/**
 * Import jobs (the import issue): lead files the API imports in the background, their progress and outcome, and
 * the lines of their error files. Append-only like every migration.
 */
export const sql = `
-- status: running, then completed or failed (src/domain/import-job.ts); finished_at is set exactly when it ended.
-- updated_at moves with every batch of progress: a running job whose updated_at is old has lost its process.
-- campaign_id has no foreign key: a draft campaign can be deleted, and its import history stays readable.
CREATE TABLE import_jobs (
  id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts(id),
  campaign_id TEXT NOT NULL,
  file_name TEXT,
  bytes_total INTEGER NOT NULL,
  default_country TEXT NOT NULL,
  mapping TEXT,
  status TEXT NOT NULL CHECK (status IN ('running', 'completed', 'failed')),
  bytes_read INTEGER NOT NULL DEFAULT 0,
  rows_read INTEGER NOT NULL DEFAULT 0,
  leads_created INTEGER NOT NULL DEFAULT 0,
  contacts_added INTEGER NOT NULL DEFAULT 0,
  duplicates INTEGER NOT NULL DEFAULT 0,
  invalid INTEGER NOT NULL DEFAULT 0,
  suppressed INTEGER NOT NULL DEFAULT 0,
  rejected INTEGER NOT NULL DEFAULT 0,
  problem_code TEXT,
  problem_message TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  finished_at INTEGER,
  CHECK ((status = 'running') = (finished_at IS NULL)),
  CHECK ((status = 'failed') = (problem_code IS NOT NULL)),
  CHECK ((problem_code IS NULL) = (problem_message IS NULL))
);
CREATE INDEX import_jobs_campaign ON import_jobs (campaign_id, id);

-- One line of a job's error file. seq numbers the lines in the order appended; the file is read in row order.
CREATE TABLE import_rejected_values (
  import_id TEXT NOT NULL REFERENCES import_jobs(id),
  seq INTEGER NOT NULL,
  row_number INTEGER NOT NULL,
  column_name TEXT NOT NULL,
  value TEXT NOT NULL,
  reason TEXT NOT NULL,
  PRIMARY KEY (import_id, seq)
);
CREATE INDEX import_rejected_values_row ON import_rejected_values (import_id, row_number, seq);
`;
