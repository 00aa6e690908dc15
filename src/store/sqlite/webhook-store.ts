import type Database from 'better-sqlite3';
import { unreachable } from '../../domain/result.js';
import type { Page, StoredEvent } from '../../engine/ports/store.js';
import type {
  DeliveryAttempt,
  DeliveryStatus,
  DueDelivery,
  FanOutResult,
  WebhookDelivery,
  WebhookEndpoint,
  WebhookStore,
} from '../../engine/ports/webhook-store.js';

/**
 * The WebhookStore port on SQLite, on the main store's database handle: fan-out reads the `events` outbox
 * directly. A delivery's states:
 *
 *   (fan-out)  → pending
 *   pending    → pending    an attempt is claimed (leased) or answered with something to retry
 *   pending    → delivered  the receiver answered 2xx
 *   pending    → failed     the last retry failed, or the endpoint answered 410 Gone (then all its pending fail)
 *
 * Delivered and failed are final: an attempt recorded late (its lease had expired and another sender settled
 * the delivery) is logged but changes nothing.
 */
export function createSqliteWebhookStore(db: Database.Database): WebhookStore {
  const q = {
    insertEndpoint: db.prepare(
      `INSERT INTO webhook_endpoints (id, account_id, url, events, secret, created_at, disabled_at, disabled_reason,
         last_event_seq)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, (SELECT coalesce(max(seq), 0) FROM events))`,
    ),
    endpoint: db.prepare<[string], EndpointRow>('SELECT * FROM webhook_endpoints WHERE id = ?'),
    endpoints: db.prepare<[string, string, number], EndpointRow>(
      'SELECT * FROM webhook_endpoints WHERE account_id = ? AND id > ? ORDER BY id LIMIT ?',
    ),
    deleteAttempts: db.prepare(
      `DELETE FROM webhook_delivery_attempts
        WHERE delivery_id IN (SELECT id FROM webhook_deliveries WHERE endpoint_id = ?)`,
    ),
    deleteDeliveries: db.prepare('DELETE FROM webhook_deliveries WHERE endpoint_id = ?'),
    deleteEndpoint: db.prepare('DELETE FROM webhook_endpoints WHERE id = ?'),

    slowestCursor: db.prepare<[], { seq: number | null }>(
      'SELECT min(last_event_seq) AS seq FROM webhook_endpoints WHERE disabled_at IS NULL',
    ),
    eventsAfter: db.prepare<[number, number], { seq: number; account_id: string; type: string }>(
      'SELECT seq, account_id, type FROM events WHERE seq > ? ORDER BY seq LIMIT ?',
    ),
    endpointsBehind: db.prepare<[number], EndpointRow>(
      'SELECT * FROM webhook_endpoints WHERE disabled_at IS NULL AND last_event_seq < ?',
    ),
    insertDelivery: db.prepare(
      `INSERT INTO webhook_deliveries (id, endpoint_id, event_seq, status, next_attempt_at, created_at)
       VALUES (?, ?, ?, 'pending', ?, ?)`,
    ),
    advanceCursors: db.prepare(
      'UPDATE webhook_endpoints SET last_event_seq = ? WHERE disabled_at IS NULL AND last_event_seq < ?',
    ),

    due: db.prepare<[number, number], DueRow>(
      `SELECT d.id AS delivery_id, d.attempts, d.first_attempt_at, w.*,
              e.seq AS event_seq, e.account_id AS event_account_id, e.campaign_id AS event_campaign_id,
              e.type AS event_type, e.payload AS event_payload, e.created_at AS event_created_at
         FROM webhook_deliveries d INDEXED BY webhook_deliveries_due
         JOIN webhook_endpoints w ON w.id = d.endpoint_id
         JOIN events e ON e.seq = d.event_seq
        WHERE d.status = 'pending' AND d.next_attempt_at <= ?
        ORDER BY d.next_attempt_at LIMIT ?`,
    ),
    lease: db.prepare('UPDATE webhook_deliveries SET next_attempt_at = ? WHERE id = ?'),
    nextDue: db.prepare<[], { at: number | null }>(
      `SELECT min(next_attempt_at) AS at FROM webhook_deliveries INDEXED BY webhook_deliveries_due
        WHERE status = 'pending'`,
    ),

    delivery: db.prepare<[string], { endpoint_id: string; status: DeliveryStatus }>(
      'SELECT endpoint_id, status FROM webhook_deliveries WHERE id = ?',
    ),
    insertAttempt: db.prepare(
      `INSERT INTO webhook_delivery_attempts (delivery_id, at, response_status, error, duration_ms)
       VALUES (?, ?, ?, ?, ?)`,
    ),
    settle: db.prepare(
      `UPDATE webhook_deliveries
          SET status = ?, next_attempt_at = ?, attempts = attempts + 1, first_attempt_at = coalesce(first_attempt_at, ?)
        WHERE id = ?`,
    ),
    disableEndpoint: db.prepare(
      'UPDATE webhook_endpoints SET disabled_at = ?, disabled_reason = ? WHERE id = ? AND disabled_at IS NULL',
    ),
    failPending: db.prepare(
      `UPDATE webhook_deliveries SET status = 'failed', next_attempt_at = NULL
        WHERE endpoint_id = ? AND status = 'pending'`,
    ),

    deliveries: db.prepare<[string, string | null, number], DeliveryRow>(
      `SELECT d.*, e.type AS event_type FROM webhook_deliveries d JOIN events e ON e.seq = d.event_seq
        WHERE d.endpoint_id = ?
          AND d.event_seq > coalesce((SELECT event_seq FROM webhook_deliveries WHERE id = ?), 0)
        ORDER BY d.event_seq LIMIT ?`,
    ),
    attempts: db.prepare<[string], AttemptRow>(
      'SELECT * FROM webhook_delivery_attempts WHERE delivery_id = ? ORDER BY id',
    ),
  };

  const deleteTx = db.transaction((endpointId: string) => {
    q.deleteAttempts.run(endpointId);
    q.deleteDeliveries.run(endpointId);
    return q.deleteEndpoint.run(endpointId).changes === 1;
  });

  const fanOutTx = db.transaction((now: number, limit: number): FanOutResult => {
    const from = q.slowestCursor.get()?.seq ?? null;
    if (from === null) return { events: 0, deliveries: 0 };
    const events = q.eventsAfter.all(from, limit);
    const through = events.at(-1)?.seq;
    if (through === undefined) return { events: 0, deliveries: 0 };

    const byAccount = new Map<string, { row: EndpointRow; events: readonly string[] }[]>();
    for (const row of q.endpointsBehind.all(through)) {
      const list = byAccount.get(row.account_id) ?? [];
      list.push({ row, events: JSON.parse(row.events) as string[] });
      byAccount.set(row.account_id, list);
    }
    let deliveries = 0;
    for (const event of events) {
      for (const endpoint of byAccount.get(event.account_id) ?? []) {
        if (event.seq <= endpoint.row.last_event_seq) continue;
        if (!endpoint.events.includes('*') && !endpoint.events.includes(event.type)) continue;
        q.insertDelivery.run(messageId(event.seq, endpoint.row.id), endpoint.row.id, event.seq, now, now);
        deliveries += 1;
      }
    }
    q.advanceCursors.run(through, through);
    return { events: events.length, deliveries };
  });

  const claimTx = db.transaction((now: number, limit: number, leaseMs: number) => {
    const rows = q.due.all(now, limit);
    for (const row of rows) q.lease.run(now + leaseMs, row.delivery_id);
    return rows.map(toDueDelivery);
  });

  const recordTx = db.transaction((attempt: DeliveryAttempt) => {
    const delivery = q.delivery.get(attempt.deliveryId);
    // Its endpoint was deleted while the attempt was under way: there is nothing left to record against.
    if (!delivery) return;
    q.insertAttempt.run(
      attempt.deliveryId,
      attempt.at,
      attempt.responseStatus,
      attempt.error,
      attempt.durationMs,
    );
    if (delivery.status !== 'pending') return;
    const { next } = attempt;
    switch (next.kind) {
      case 'delivered':
        q.settle.run('delivered', null, attempt.at, attempt.deliveryId);
        return;
      case 'retry':
        q.settle.run('pending', next.at, attempt.at, attempt.deliveryId);
        return;
      case 'failed':
        q.settle.run('failed', null, attempt.at, attempt.deliveryId);
        return;
      case 'endpoint_gone':
        q.settle.run('failed', null, attempt.at, attempt.deliveryId);
        q.disableEndpoint.run(attempt.at, 'the receiver answered 410 Gone', delivery.endpoint_id);
        // A disabled endpoint is sent nothing more; left pending, its deliveries would stay due for ever.
        q.failPending.run(delivery.endpoint_id);
        return;
      default:
        return unreachable(next);
    }
  });

  return {
    createEndpoint: async (e) =>
      void q.insertEndpoint.run(
        e.id,
        e.accountId,
        e.url,
        JSON.stringify(e.events),
        e.secret,
        e.createdAt,
        e.disabledAt,
        e.disabledReason,
      ),
    getEndpoint: async (id) => {
      const row = q.endpoint.get(id);
      return row ? toEndpoint(row) : null;
    },
    listEndpoints: async (accountId, page: Page) =>
      q.endpoints.all(accountId, page.after ?? '', page.limit).map(toEndpoint),
    deleteEndpoint: async (id) => deleteTx.immediate(id),

    fanOut: async (now, limit) => fanOutTx.immediate(now, limit),
    claimDueDeliveries: async (now, limit, leaseMs) => claimTx.immediate(now, limit, leaseMs),
    recordAttempt: async (attempt) => recordTx.immediate(attempt),
    nextDeliveryDueAt: async () => q.nextDue.get()?.at ?? null,
    listDeliveries: async (endpointId, page: Page): Promise<readonly WebhookDelivery[]> =>
      q.deliveries.all(endpointId, page.after, page.limit).map((row) => ({
        id: row.id,
        endpointId: row.endpoint_id,
        eventSeq: row.event_seq,
        eventType: row.event_type,
        status: row.status,
        createdAt: row.created_at,
        nextAttemptAt: row.next_attempt_at,
        attempts: q.attempts.all(row.id).map((a) => ({
          at: a.at,
          responseStatus: a.response_status,
          error: a.error,
          durationMs: a.duration_ms,
        })),
      })),
  };
}

/**
 * The Standard Webhooks message id of one event for one endpoint. Derived, not drawn, because fan-out has no id
 * source; (event, endpoint) is exactly what a delivery is, so the id is unique and stable across retries.
 */
export const messageId = (eventSeq: number, endpointId: string) => `msg_${eventSeq}_${endpointId}`;

export interface EndpointRow {
  id: string;
  account_id: string;
  url: string;
  events: string;
  secret: string;
  created_at: number;
  disabled_at: number | null;
  disabled_reason: string | null;
  last_event_seq: number;
}

export interface DueRow extends EndpointRow {
  delivery_id: string;
  attempts: number;
  first_attempt_at: number | null;
  event_seq: number;
  event_account_id: string;
  event_campaign_id: string | null;
  event_type: string;
  event_payload: string;
  event_created_at: number;
}

export interface DeliveryRow {
  id: string;
  endpoint_id: string;
  event_seq: number;
  event_type: string;
  status: DeliveryStatus;
  created_at: number;
  next_attempt_at: number | null;
}

export interface AttemptRow {
  at: number;
  response_status: number | null;
  error: string | null;
  duration_ms: number;
}

export const toEndpoint = (r: EndpointRow): WebhookEndpoint => ({
  id: r.id,
  accountId: r.account_id,
  url: r.url,
  events: JSON.parse(r.events) as string[],
  secret: r.secret,
  createdAt: r.created_at,
  disabledAt: r.disabled_at,
  disabledReason: r.disabled_reason,
});

export const toDueDelivery = (r: DueRow): DueDelivery => {
  const event: StoredEvent = {
    seq: r.event_seq,
    accountId: r.event_account_id,
    campaignId: r.event_campaign_id,
    type: r.event_type,
    payload: JSON.parse(r.event_payload) as Record<string, unknown>,
    createdAt: r.event_created_at,
  };
  return {
    deliveryId: r.delivery_id,
    endpoint: toEndpoint(r),
    event,
    attempts: r.attempts,
    firstAttemptAt: r.first_attempt_at,
  };
};
