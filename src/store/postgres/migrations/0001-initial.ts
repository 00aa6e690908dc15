/**
 * The PostgreSQL schema: logically the schema SQLite reaches after its migrations 0001–0003 (the test in
 * test/store-conformance/logical-schema.test.ts compares them), with what several workers need besides.
 * Append-only: a change is a new numbered file, never an edit here.
 *
 * Types: times are epoch milliseconds and money integer minor units, both bigint (read back as JS numbers, all
 * below 2^53); flags are integers 0/1 and JSON is text, as on SQLite, because no query looks inside them.
 */
export const sql = `
CREATE TABLE accounts (
  id text PRIMARY KEY,
  name text NOT NULL,
  currency text NOT NULL,
  balance_minor bigint NOT NULL DEFAULT 0,
  reserved_minor bigint NOT NULL DEFAULT 0,
  minimum_start_balance_minor bigint NOT NULL DEFAULT 0,
  created_at bigint NOT NULL
);

-- seq is the order written (SQLite pages the ledger by its rowid).
CREATE TABLE ledger_entries (
  id text PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts(id),
  kind text NOT NULL CHECK (kind IN ('credit', 'call_charge')),
  amount_minor bigint NOT NULL,
  call_id text UNIQUE,
  note text,
  created_at bigint NOT NULL,
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE
);
CREATE INDEX ledger_entries_written ON ledger_entries (account_id, seq);

CREATE TABLE phone_numbers (
  id text PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts(id),
  number text NOT NULL,
  provider text NOT NULL,
  provider_ref text,
  label text,
  calls_per_second double precision NOT NULL DEFAULT 1,
  -- The calls-per-second bucket (dial-capacity.ts): the claim locks this row, so pacing holds across workers.
  pace_at bigint NOT NULL DEFAULT 0,
  created_at bigint NOT NULL
);
CREATE INDEX phone_numbers_account ON phone_numbers (account_id, id);

CREATE TABLE assistants (
  id text PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts(id),
  name text NOT NULL,
  provider text NOT NULL,
  provider_assistant_id text,
  phone_number_id text REFERENCES phone_numbers(id),
  timezone text NOT NULL,
  rate_micro_per_minute bigint NOT NULL,
  max_call_minutes integer NOT NULL,
  variables text NOT NULL,
  created_at bigint NOT NULL
);
CREATE INDEX assistants_account ON assistants (account_id, id);
CREATE INDEX assistants_phone_number ON assistants (phone_number_id);

CREATE TABLE campaigns (
  id text PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts(id),
  assistant_id text NOT NULL REFERENCES assistants(id),
  status text NOT NULL,
  pause_reason text,
  settings text NOT NULL,
  -- Calls holding a concurrency slot, counted in the database so maxConcurrentCalls holds across workers.
  in_flight integer NOT NULL DEFAULT 0,
  created_at bigint NOT NULL,
  started_at bigint,
  ended_at bigint
);
CREATE INDEX campaigns_status ON campaigns (status);
CREATE INDEX campaigns_account ON campaigns (account_id, id);

CREATE TABLE leads (
  id text PRIMARY KEY,
  campaign_id text NOT NULL REFERENCES campaigns(id),
  name text,
  external_id text,
  fields text NOT NULL,
  status text NOT NULL,
  completion_reason text,
  next_attempt_at bigint,
  next_contact_id text,
  resets integer NOT NULL DEFAULT 0,
  created_at bigint NOT NULL,
  updated_at bigint NOT NULL
);
CREATE INDEX leads_campaign ON leads (campaign_id, id);
CREATE INDEX leads_by_status ON leads (campaign_id, status, id);
-- The claim's index: only waiting leads, in due order. The claim's WHERE repeats this one exactly.
CREATE INDEX leads_waiting ON leads (campaign_id, next_attempt_at, id) WHERE status IN ('scheduled', 'rescheduled');

CREATE TABLE contacts (
  id text PRIMARY KEY,
  lead_id text NOT NULL REFERENCES leads(id),
  campaign_id text NOT NULL,
  position integer NOT NULL,
  phone text NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  dead integer NOT NULL DEFAULT 0,
  last_result text,
  UNIQUE (campaign_id, phone)
);
CREATE INDEX contacts_lead ON contacts (lead_id, position);

CREATE TABLE calls (
  id text PRIMARY KEY,
  account_id text NOT NULL,
  campaign_id text NOT NULL,
  lead_id text NOT NULL,
  contact_id text NOT NULL,
  attempt integer NOT NULL,
  idempotency_key text NOT NULL UNIQUE,
  provider text NOT NULL,
  provider_call_id text,
  status text NOT NULL,
  answered_by text,
  failure_reason text,
  placed_at bigint NOT NULL,
  answered_at bigint,
  ended_at bigint,
  billed_seconds integer NOT NULL DEFAULT 0,
  cost_minor bigint NOT NULL DEFAULT 0,
  reserved_minor bigint NOT NULL DEFAULT 0,
  goal integer,
  variables text,
  phase text NOT NULL,
  due_at bigint,
  lease_owner text
);
CREATE UNIQUE INDEX calls_provider_call ON calls (provider, provider_call_id);
CREATE INDEX calls_campaign ON calls (campaign_id, id);
CREATE INDEX calls_lead ON calls (lead_id);
CREATE INDEX calls_due ON calls (due_at) WHERE due_at IS NOT NULL;
-- A heartbeat extends the leases of one worker.
CREATE INDEX calls_leased ON calls (lease_owner) WHERE lease_owner IS NOT NULL;

CREATE TABLE call_events (
  call_id text NOT NULL,
  event_id text NOT NULL,
  status text,
  at bigint NOT NULL,
  payload text NOT NULL,
  PRIMARY KEY (call_id, event_id)
);

CREATE TABLE events (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id text NOT NULL,
  campaign_id text,
  type text NOT NULL,
  payload text NOT NULL,
  created_at bigint NOT NULL
);
CREATE INDEX events_campaign ON events (campaign_id, seq);

CREATE TABLE campaign_counters (
  campaign_id text PRIMARY KEY,
  leads_created bigint NOT NULL DEFAULT 0,
  leads_scheduled bigint NOT NULL DEFAULT 0,
  leads_processing bigint NOT NULL DEFAULT 0,
  leads_rescheduled bigint NOT NULL DEFAULT 0,
  leads_completed bigint NOT NULL DEFAULT 0,
  leads_max_retries bigint NOT NULL DEFAULT 0,
  calls_initiated bigint NOT NULL DEFAULT 0,
  calls_ringing bigint NOT NULL DEFAULT 0,
  calls_in_progress bigint NOT NULL DEFAULT 0,
  calls_completed bigint NOT NULL DEFAULT 0,
  calls_busy bigint NOT NULL DEFAULT 0,
  calls_unanswered bigint NOT NULL DEFAULT 0,
  calls_failed bigint NOT NULL DEFAULT 0,
  voicemail bigint NOT NULL DEFAULT 0,
  goal_achieved bigint NOT NULL DEFAULT 0,
  cost_minor bigint NOT NULL DEFAULT 0
);

CREATE TABLE api_keys (
  id text PRIMARY KEY,
  account_id text REFERENCES accounts(id),
  key_hash text NOT NULL UNIQUE,
  prefix text NOT NULL,
  label text,
  created_at bigint NOT NULL,
  revoked_at bigint
);
CREATE INDEX api_keys_account ON api_keys (account_id, created_at);

CREATE TABLE idempotency_records (
  scope text NOT NULL,
  key text NOT NULL,
  request_hash text NOT NULL,
  status_code integer NOT NULL,
  response_body text NOT NULL,
  created_at bigint NOT NULL,
  PRIMARY KEY (scope, key)
);
CREATE INDEX idempotency_records_created ON idempotency_records (created_at);

CREATE TABLE webhook_endpoints (
  id text PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts(id),
  url text NOT NULL,
  events text NOT NULL,
  secret text NOT NULL,
  created_at bigint NOT NULL,
  disabled_at bigint,
  disabled_reason text,
  last_event_seq bigint NOT NULL
);
CREATE INDEX webhook_endpoints_account ON webhook_endpoints (account_id, id);
CREATE INDEX webhook_endpoints_cursor ON webhook_endpoints (last_event_seq) WHERE disabled_at IS NULL;

CREATE TABLE webhook_deliveries (
  id text PRIMARY KEY,
  endpoint_id text NOT NULL REFERENCES webhook_endpoints(id),
  event_seq bigint NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  first_attempt_at bigint,
  next_attempt_at bigint,
  created_at bigint NOT NULL,
  CHECK ((status = 'pending') = (next_attempt_at IS NOT NULL)),
  UNIQUE (endpoint_id, event_seq)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';

CREATE TABLE webhook_delivery_attempts (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  delivery_id text NOT NULL REFERENCES webhook_deliveries(id),
  at bigint NOT NULL,
  response_status integer,
  error text,
  duration_ms bigint NOT NULL
);
CREATE INDEX webhook_delivery_attempts_delivery ON webhook_delivery_attempts (delivery_id, id);

-- PostgreSQL only: the processes sharing the database (SQLite has one). heartbeat_at is the worker's clock,
-- database_at the server's at the same beat, so an operator sees skew (DESIGN §4).
CREATE TABLE workers (
  id text PRIMARY KEY,
  description text NOT NULL,
  started_at bigint NOT NULL,
  heartbeat_at bigint NOT NULL,
  database_at bigint NOT NULL,
  skew_ms bigint,
  stopped_at bigint
);
`;
