/**
 * What the HTTP API needs: per-campaign counters so its stats answer in O(1) on a campaign of 1,000,000 leads
 * (DESIGN §8), indexes for its paged lists, and the tables of the AccessStore port (API keys, idempotency).
 * Append-only: a change to the schema is a new numbered file, never an edit here.
 */

export const sql = `
-- Per-campaign counters: leads by status, calls by status, voicemail (completed calls a machine answered), goals
-- met and cost, as the report counts them. The store keeps them exact in the transaction of every change
-- (campaign-counters.ts), so the API's stats read one row instead of counting a million (DESIGN §8).
CREATE TABLE campaign_counters (
  campaign_id TEXT PRIMARY KEY,
  leads_created INTEGER NOT NULL DEFAULT 0,
  leads_scheduled INTEGER NOT NULL DEFAULT 0,
  leads_processing INTEGER NOT NULL DEFAULT 0,
  leads_rescheduled INTEGER NOT NULL DEFAULT 0,
  leads_completed INTEGER NOT NULL DEFAULT 0,
  leads_max_retries INTEGER NOT NULL DEFAULT 0,
  calls_initiated INTEGER NOT NULL DEFAULT 0,
  calls_ringing INTEGER NOT NULL DEFAULT 0,
  calls_in_progress INTEGER NOT NULL DEFAULT 0,
  calls_completed INTEGER NOT NULL DEFAULT 0,
  calls_busy INTEGER NOT NULL DEFAULT 0,
  calls_unanswered INTEGER NOT NULL DEFAULT 0,
  calls_failed INTEGER NOT NULL DEFAULT 0,
  voicemail INTEGER NOT NULL DEFAULT 0,
  goal_achieved INTEGER NOT NULL DEFAULT 0,
  cost_minor INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

-- Backfill from the rows already there.
INSERT INTO campaign_counters (campaign_id) SELECT id FROM campaigns;
UPDATE campaign_counters SET
  (leads_created, leads_scheduled, leads_processing, leads_rescheduled, leads_completed, leads_max_retries) = (
    SELECT count(*) FILTER (WHERE status = 'created'), count(*) FILTER (WHERE status = 'scheduled'),
           count(*) FILTER (WHERE status = 'processing'), count(*) FILTER (WHERE status = 'rescheduled'),
           count(*) FILTER (WHERE status = 'completed'), count(*) FILTER (WHERE status = 'max_retries')
      FROM leads WHERE leads.campaign_id = campaign_counters.campaign_id),
  (calls_initiated, calls_ringing, calls_in_progress, calls_completed, calls_busy, calls_unanswered, calls_failed,
   voicemail, goal_achieved, cost_minor) = (
    SELECT count(*) FILTER (WHERE status = 'initiated'), count(*) FILTER (WHERE status = 'ringing'),
           count(*) FILTER (WHERE status = 'in_progress'), count(*) FILTER (WHERE status = 'completed'),
           count(*) FILTER (WHERE status = 'busy'), count(*) FILTER (WHERE status = 'unanswered'),
           count(*) FILTER (WHERE status = 'failed'),
           count(*) FILTER (WHERE status = 'completed' AND answered_by = 'machine'),
           count(*) FILTER (WHERE goal = 1), coalesce(sum(cost_minor), 0)
      FROM calls WHERE calls.campaign_id = campaign_counters.campaign_id);

-- A campaign's leads of one status in id order: the API's filtered lead list reads its first page straight from
-- here, without sorting. It also serves what \`leads_due\` served (the open-lead and callable-lead checks), which no
-- query reads by next_attempt_at any more (the claim has \`leads_waiting\`), so \`leads_due\` goes.
DROP INDEX leads_due;
CREATE INDEX leads_by_status ON leads (campaign_id, status, id);

-- An account's ledger in the order written: every index ends with the rowid, so this one is already in that
-- order. It replaces an index by (account_id, created_at) that no query used.
DROP INDEX ledger_entries_account;
CREATE INDEX ledger_entries_written ON ledger_entries (account_id);

-- The catalogue's paged lists (by id), and the check that a phone number is still some assistant's caller id.
CREATE INDEX phone_numbers_account ON phone_numbers (account_id, id);
CREATE INDEX assistants_account ON assistants (account_id, id);
CREATE INDEX assistants_phone_number ON assistants (phone_number_id);
CREATE INDEX campaigns_account ON campaigns (account_id, id);

-- API keys, stored as a SHA-256 hash only; account_id NULL is an operator (admin) key.
CREATE TABLE api_keys (
  id TEXT PRIMARY KEY,
  account_id TEXT REFERENCES accounts(id),
  key_hash TEXT NOT NULL UNIQUE,
  prefix TEXT NOT NULL,
  label TEXT,
  created_at INTEGER NOT NULL,
  revoked_at INTEGER
);
CREATE INDEX api_keys_account ON api_keys (account_id, created_at);

-- The first response to each Idempotency-Key, per account (or 'admin'), kept a day.
CREATE TABLE idempotency_records (
  scope TEXT NOT NULL,
  key TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  status_code INTEGER NOT NULL,
  response_body TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (scope, key)
);
CREATE INDEX idempotency_records_created ON idempotency_records (created_at);
`;
