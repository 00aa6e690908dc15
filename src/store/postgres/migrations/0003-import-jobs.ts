/**
 * Import jobs: the tables of SQLite's 0005-import-jobs.ts (its comments say what the columns mean), with
 * PostgreSQL's types. Append-only like every migration.
 */
export const sql = `
CREATE TABLE import_jobs (
  id text PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts(id),
  campaign_id text NOT NULL,
  file_name text,
  bytes_total bigint NOT NULL,
  default_country text NOT NULL,
  mapping text,
  status text NOT NULL CHECK (status IN ('running', 'completed', 'failed')),
  bytes_read bigint NOT NULL DEFAULT 0,
  rows_read bigint NOT NULL DEFAULT 0,
  leads_created bigint NOT NULL DEFAULT 0,
  contacts_added bigint NOT NULL DEFAULT 0,
  duplicates bigint NOT NULL DEFAULT 0,
  invalid bigint NOT NULL DEFAULT 0,
  suppressed bigint NOT NULL DEFAULT 0,
  rejected bigint NOT NULL DEFAULT 0,
  problem_code text,
  problem_message text,
  created_at bigint NOT NULL,
  updated_at bigint NOT NULL,
  finished_at bigint,
  CHECK ((status = 'running') = (finished_at IS NULL)),
  CHECK ((status = 'failed') = (problem_code IS NOT NULL)),
  CHECK ((problem_code IS NULL) = (problem_message IS NULL))
);
CREATE INDEX import_jobs_campaign ON import_jobs (campaign_id, id);

CREATE TABLE import_rejected_values (
  import_id text NOT NULL REFERENCES import_jobs(id),
  seq bigint NOT NULL,
  row_number bigint NOT NULL,
  column_name text NOT NULL,
  value text NOT NULL,
  reason text NOT NULL,
  PRIMARY KEY (import_id, seq)
);
CREATE INDEX import_rejected_values_row ON import_rejected_values (import_id, row_number, seq);
`;
