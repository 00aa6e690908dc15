/**
 * Outbound webhooks (DESIGN §7): subscriptions, one delivery per (subscription, outbox event), and the log of
 * attempts. Append-only like every migration.
 */
export const sql = `
-- last_event_seq is the fan-out cursor: the newest outbox event (events.seq) offered to this endpoint. It starts
-- at the newest event when the endpoint is created, so a new subscription does not replay history.
CREATE TABLE webhook_endpoints (
  id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts(id),
  url TEXT NOT NULL,
  events TEXT NOT NULL,
  secret TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  disabled_at INTEGER,
  disabled_reason TEXT,
  last_event_seq INTEGER NOT NULL
);
CREATE INDEX webhook_endpoints_account ON webhook_endpoints (account_id, id);
-- Fan-out reads only enabled endpoints, from the one furthest behind.
CREATE INDEX webhook_endpoints_cursor ON webhook_endpoints (last_event_seq) WHERE disabled_at IS NULL;

-- id is the Standard Webhooks message id (the webhook-id header): the same on every attempt.
-- next_attempt_at is set exactly while a delivery is pending. A claim moves it to the end of its lease, so a
-- sender that dies between claim and record only delays the delivery until then.
CREATE TABLE webhook_deliveries (
  id TEXT PRIMARY KEY,
  endpoint_id TEXT NOT NULL REFERENCES webhook_endpoints(id),
  event_seq INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  first_attempt_at INTEGER,
  next_attempt_at INTEGER,
  created_at INTEGER NOT NULL,
  CHECK ((status = 'pending') = (next_attempt_at IS NOT NULL)),
  UNIQUE (endpoint_id, event_seq)
);
-- The claim's and the sleep's index: only pending deliveries, in due order, so neither reads settled history.
-- Their WHERE must repeat this one exactly.
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';

CREATE TABLE webhook_delivery_attempts (
  id INTEGER PRIMARY KEY,
  delivery_id TEXT NOT NULL REFERENCES webhook_deliveries(id),
  at INTEGER NOT NULL,
  response_status INTEGER,
  error TEXT,
  duration_ms INTEGER NOT NULL
);
CREATE INDEX webhook_delivery_attempts_delivery ON webhook_delivery_attempts (delivery_id, id);
`;
