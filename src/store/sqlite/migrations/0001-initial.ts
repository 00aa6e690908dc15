/** The first schema. Append-only: a change to the schema is a new numbered file, never an edit here. */
export const sql = `
CREATE TABLE accounts (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  currency TEXT NOT NULL,
  balance_minor INTEGER NOT NULL DEFAULT 0,
  reserved_minor INTEGER NOT NULL DEFAULT 0,
  minimum_start_balance_minor INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL
);

CREATE TABLE ledger_entries (
  id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts(id),
  kind TEXT NOT NULL CHECK (kind IN ('credit', 'call_charge')),
  amount_minor INTEGER NOT NULL,
  call_id TEXT UNIQUE,
  note TEXT,
  created_at INTEGER NOT NULL
);
CREATE INDEX ledger_entries_account ON ledger_entries (account_id, created_at);

CREATE TABLE phone_numbers (
  id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts(id),
  number TEXT NOT NULL,
  provider TEXT NOT NULL,
  provider_ref TEXT,
  label TEXT,
  calls_per_second REAL NOT NULL DEFAULT 1,
  pace_at INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL
);

CREATE TABLE assistants (
  id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts(id),
  name TEXT NOT NULL,
  provider TEXT NOT NULL,
  provider_assistant_id TEXT,
  phone_number_id TEXT REFERENCES phone_numbers(id),
  timezone TEXT NOT NULL,
  rate_micro_per_minute INTEGER NOT NULL,
  max_call_minutes INTEGER NOT NULL,
  variables TEXT NOT NULL,
  created_at INTEGER NOT NULL
);

CREATE TABLE campaigns (
  id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts(id),
  assistant_id TEXT NOT NULL REFERENCES assistants(id),
  status TEXT NOT NULL,
  pause_reason TEXT,
  settings TEXT NOT NULL,
  in_flight INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  started_at INTEGER,
  ended_at INTEGER
);
CREATE INDEX campaigns_status ON campaigns (status);

CREATE TABLE leads (
  id TEXT PRIMARY KEY,
  campaign_id TEXT NOT NULL REFERENCES campaigns(id),
  name TEXT,
  external_id TEXT,
  fields TEXT NOT NULL,
  status TEXT NOT NULL,
  completion_reason TEXT,
  next_attempt_at INTEGER,
  next_contact_id TEXT,
  -- Manual resets so far: part of the attempt key, so attempt 1 after a reset is a new attempt (DESIGN §2.10.1).
  resets INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
-- A campaign's leads in creation order, for paging.
CREATE INDEX leads_campaign ON leads (campaign_id, id);
-- Leads of a campaign by status: completion checks and counts.
CREATE INDEX leads_due ON leads (campaign_id, status, next_attempt_at);
-- The claim's index: only waiting leads, already in due order, so taking the first 100 of 1,000,000 due leads
-- reads 100 entries and sorts nothing (DESIGN §8: ≤ 10 ms). The claim's WHERE must repeat this one exactly.
CREATE INDEX leads_waiting ON leads (campaign_id, next_attempt_at, id) WHERE status IN ('scheduled', 'rescheduled');

CREATE TABLE contacts (
  id TEXT PRIMARY KEY,
  lead_id TEXT NOT NULL REFERENCES leads(id),
  campaign_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  phone TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  dead INTEGER NOT NULL DEFAULT 0,
  last_result TEXT,
  UNIQUE (campaign_id, phone)
);
CREATE INDEX contacts_lead ON contacts (lead_id, position);

CREATE TABLE calls (
  id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL,
  campaign_id TEXT NOT NULL,
  lead_id TEXT NOT NULL,
  contact_id TEXT NOT NULL,
  attempt INTEGER NOT NULL,
  idempotency_key TEXT NOT NULL UNIQUE,
  provider TEXT NOT NULL,
  provider_call_id TEXT,
  status TEXT NOT NULL,
  answered_by TEXT,
  failure_reason TEXT,
  placed_at INTEGER NOT NULL,
  answered_at INTEGER,
  ended_at INTEGER,
  billed_seconds INTEGER NOT NULL DEFAULT 0,
  cost_minor INTEGER NOT NULL DEFAULT 0,
  reserved_minor INTEGER NOT NULL DEFAULT 0,
  goal INTEGER,
  variables TEXT,
  phase TEXT NOT NULL,
  due_at INTEGER,
  lease_owner TEXT
);
CREATE UNIQUE INDEX calls_provider_call ON calls (provider, provider_call_id);
CREATE INDEX calls_campaign ON calls (campaign_id, id);
CREATE INDEX calls_lead ON calls (lead_id);
CREATE INDEX calls_due ON calls (due_at) WHERE due_at IS NOT NULL;

-- Every provider event applied, once: the key makes a replay a no-op (DESIGN §2.7).
CREATE TABLE call_events (
  call_id TEXT NOT NULL,
  event_id TEXT NOT NULL,
  status TEXT,
  at INTEGER NOT NULL,
  payload TEXT NOT NULL,
  PRIMARY KEY (call_id, event_id)
) WITHOUT ROWID;

-- The transactional outbox: events written in the same transaction as the change they describe.
CREATE TABLE events (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  account_id TEXT NOT NULL,
  campaign_id TEXT,
  type TEXT NOT NULL,
  payload TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX events_campaign ON events (campaign_id, seq);
`;
