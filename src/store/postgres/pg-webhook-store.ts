import { unreachable } from '../../domain/result.js';
import type { DeliveryStatus, WebhookStore } from '../../engine/ports/webhook-store.js';
import {
  messageId,
  toDueDelivery,
  toEndpoint,
  type AttemptRow,
  type DeliveryRow,
  type DueRow,
  type EndpointRow,
} from '../sqlite/webhook-store.js';
import type { PgDatabase } from './pg-database.js';

/**
 * The WebhookStore port on PostgreSQL, with the delivery states of the SQLite store (webhook-store.ts). Several
 * API processes may run the delivery loop: fan-out runs under one advisory lock (its cursors are shared), and
 * due deliveries are claimed with `FOR NO KEY UPDATE SKIP LOCKED`, so each attempt is made by one process.
 */
export function createPostgresWebhookStore(db: PgDatabase): WebhookStore {
  const q = db.queries;
  const settle = `UPDATE webhook_deliveries
      SET status = $1, next_attempt_at = $2, attempts = attempts + 1, first_attempt_at = coalesce(first_attempt_at, $3)
    WHERE id = $4`;

  return {
    createEndpoint: async (e) =>
      void (await q.run(
        `INSERT INTO webhook_endpoints (id, account_id, url, events, secret, created_at, disabled_at, disabled_reason,
           last_event_seq)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, (SELECT coalesce(max(seq), 0) FROM events))`,
        [
          e.id,
          e.accountId,
          e.url,
          JSON.stringify(e.events),
          e.secret,
          e.createdAt,
          e.disabledAt,
          e.disabledReason,
        ],
      )),
    getEndpoint: async (id) => {
      const row = await q.row<EndpointRow>('SELECT * FROM webhook_endpoints WHERE id = $1', [id]);
      return row ? toEndpoint(row) : null;
    },
    listEndpoints: async (accountId, page) =>
      (
        await q.rows<EndpointRow>(
          'SELECT * FROM webhook_endpoints WHERE account_id = $1 AND id > $2 ORDER BY id LIMIT $3',
          [accountId, page.after ?? '', page.limit],
        )
      ).map(toEndpoint),
    deleteEndpoint: (endpointId) =>
      db.transaction(async (tx) => {
        await tx.run(
          `DELETE FROM webhook_delivery_attempts
            WHERE delivery_id IN (SELECT id FROM webhook_deliveries WHERE endpoint_id = $1)`,
          [endpointId],
        );
        await tx.run('DELETE FROM webhook_deliveries WHERE endpoint_id = $1', [endpointId]);
        return (await tx.run('DELETE FROM webhook_endpoints WHERE id = $1', [endpointId])) === 1;
      }),

    fanOut: (now, limit) =>
      db.transaction(async (tx) => {
        await tx.run(`SELECT pg_advisory_xact_lock(hashtext('callwright.fan-out:' || current_schema()))`);
        const from = (
          await tx.row<{ seq: number | null }>(
            'SELECT min(last_event_seq) AS seq FROM webhook_endpoints WHERE disabled_at IS NULL',
          )
        )?.seq;
        if (from === null || from === undefined) return { events: 0, deliveries: 0 };
        const events = await tx.rows<{ seq: number; account_id: string; type: string }>(
          'SELECT seq, account_id, type FROM events WHERE seq > $1 ORDER BY seq LIMIT $2',
          [from, limit],
        );
        const through = events.at(-1)?.seq;
        if (through === undefined) return { events: 0, deliveries: 0 };
        const byAccount = new Map<string, { row: EndpointRow; events: readonly string[] }[]>();
        for (const row of await tx.rows<EndpointRow>(
          'SELECT * FROM webhook_endpoints WHERE disabled_at IS NULL AND last_event_seq < $1',
          [through],
        )) {
          const list = byAccount.get(row.account_id) ?? [];
          list.push({ row, events: JSON.parse(row.events) as string[] });
          byAccount.set(row.account_id, list);
        }
        const ids: string[] = [];
        const endpoints: string[] = [];
        const seqs: number[] = [];
        for (const event of events) {
          for (const endpoint of byAccount.get(event.account_id) ?? []) {
            if (event.seq <= endpoint.row.last_event_seq) continue;
            if (!endpoint.events.includes('*') && !endpoint.events.includes(event.type)) continue;
            ids.push(messageId(event.seq, endpoint.row.id));
            endpoints.push(endpoint.row.id);
            seqs.push(event.seq);
          }
        }
        if (ids.length > 0) {
          await tx.run(
            `INSERT INTO webhook_deliveries (id, endpoint_id, event_seq, status, next_attempt_at, created_at)
             SELECT id, endpoint_id, event_seq, 'pending', $4, $4
               FROM unnest($1::text[], $2::text[], $3::bigint[]) AS d (id, endpoint_id, event_seq)`,
            [ids, endpoints, seqs, now],
          );
        }
        await tx.run(
          'UPDATE webhook_endpoints SET last_event_seq = $1 WHERE disabled_at IS NULL AND last_event_seq < $1',
          [through],
        );
        return { events: events.length, deliveries: ids.length };
      }),
    claimDueDeliveries: (now, limit, leaseMs) =>
      db.transaction(async (tx) => {
        const rows = await tx.rows<DueRow>(
          `SELECT d.id AS delivery_id, d.attempts, d.first_attempt_at, w.*,
                  e.seq AS event_seq, e.account_id AS event_account_id, e.campaign_id AS event_campaign_id,
                  e.type AS event_type, e.payload AS event_payload, e.created_at AS event_created_at
             FROM webhook_deliveries d
             JOIN webhook_endpoints w ON w.id = d.endpoint_id
             JOIN events e ON e.seq = d.event_seq
            WHERE d.status = 'pending' AND d.next_attempt_at <= $1
            ORDER BY d.next_attempt_at LIMIT $2
            FOR NO KEY UPDATE OF d SKIP LOCKED`,
          [now, limit],
        );
        if (rows.length > 0) {
          await tx.run('UPDATE webhook_deliveries SET next_attempt_at = $1 WHERE id = ANY($2::text[])', [
            now + leaseMs,
            rows.map((r) => r.delivery_id),
          ]);
        }
        return rows.map(toDueDelivery);
      }),
    recordAttempt: (attempt) =>
      db.transaction(async (tx) => {
        const delivery = await tx.row<{ endpoint_id: string; status: DeliveryStatus }>(
          'SELECT endpoint_id, status FROM webhook_deliveries WHERE id = $1 FOR NO KEY UPDATE',
          [attempt.deliveryId],
        );
        // Its endpoint was deleted while the attempt was under way: there is nothing left to record against.
        if (!delivery) return;
        await tx.run(
          `INSERT INTO webhook_delivery_attempts (delivery_id, at, response_status, error, duration_ms)
           VALUES ($1, $2, $3, $4, $5)`,
          [attempt.deliveryId, attempt.at, attempt.responseStatus, attempt.error, attempt.durationMs],
        );
        if (delivery.status !== 'pending') return;
        const { next } = attempt;
        switch (next.kind) {
          case 'delivered':
            await tx.run(settle, ['delivered', null, attempt.at, attempt.deliveryId]);
            return;
          case 'retry':
            await tx.run(settle, ['pending', next.at, attempt.at, attempt.deliveryId]);
            return;
          case 'failed':
            await tx.run(settle, ['failed', null, attempt.at, attempt.deliveryId]);
            return;
          case 'endpoint_gone':
            await tx.run(settle, ['failed', null, attempt.at, attempt.deliveryId]);
            await tx.run(
              'UPDATE webhook_endpoints SET disabled_at = $1, disabled_reason = $2 WHERE id = $3 AND disabled_at IS NULL',
              [attempt.at, 'the receiver answered 410 Gone', delivery.endpoint_id],
            );
            // A disabled endpoint is sent nothing more; left pending, its deliveries would stay due for ever.
            await tx.run(
              `UPDATE webhook_deliveries SET status = 'failed', next_attempt_at = NULL
                WHERE endpoint_id = $1 AND status = 'pending'`,
              [delivery.endpoint_id],
            );
            return;
          default:
            return unreachable(next);
        }
      }),
    nextDeliveryDueAt: async () =>
      (
        await q.row<{ at: number | null }>(
          "SELECT min(next_attempt_at) AS at FROM webhook_deliveries WHERE status = 'pending'",
        )
      )?.at ?? null,
    listDeliveries: async (endpointId, page) => {
      const rows = await q.rows<DeliveryRow>(
        `SELECT d.*, e.type AS event_type FROM webhook_deliveries d JOIN events e ON e.seq = d.event_seq
          WHERE d.endpoint_id = $1
            AND d.event_seq > coalesce((SELECT event_seq FROM webhook_deliveries WHERE id = $2), 0)
          ORDER BY d.event_seq LIMIT $3`,
        [endpointId, page.after, page.limit],
      );
      const attempts = await q.rows<AttemptRow & { delivery_id: string }>(
        'SELECT * FROM webhook_delivery_attempts WHERE delivery_id = ANY($1::text[]) ORDER BY id',
        [rows.map((r) => r.id)],
      );
      return rows.map((row) => ({
        id: row.id,
        endpointId: row.endpoint_id,
        eventSeq: row.event_seq,
        eventType: row.event_type,
        status: row.status,
        createdAt: row.created_at,
        nextAttemptAt: row.next_attempt_at,
        attempts: attempts
          .filter((a) => a.delivery_id === row.id)
          .map((a) => ({
            at: a.at,
            responseStatus: a.response_status,
            error: a.error,
            durationMs: a.duration_ms,
          })),
      }));
    },
  };
}
