import { canAdvanceCallStatus, isTerminalCallStatus, type CallStatus } from '../../domain/call-status.js';
import type { ProviderCallEvent } from '../../engine/ports/call-provider.js';
import type { ApplyEventOutcome, CallResolution, OverdueCall } from '../../engine/ports/store.js';
import { toCall, type CallRow } from '../sqlite/rows.js';
import type { PgDatabase, PgTx } from './pg-database.js';
import type { PgSettlement } from './pg-call-settlement.js';

const RECORD_EVENT = `INSERT INTO call_events (call_id, event_id, status, at, payload) VALUES ($1, $2, $3, $4, $5)
  ON CONFLICT DO NOTHING`;

/**
 * Locks the calls of a batch of events, then their leads, each in id order, before anything else: settling one
 * call takes the campaign's row, and a batch that then waited for the next call's row could close a cycle with a
 * transaction holding that row and waiting for the campaign (DESIGN §4: calls, leads, campaign, account).
 */
async function lockCallsAndLeads(tx: PgTx, events: readonly ProviderCallEvent[]): Promise<void> {
  if (events.length < 2) return;
  const calls = await tx.rows<{ lead_id: string }>(
    `SELECT lead_id FROM calls
      WHERE (provider, provider_call_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))
      ORDER BY id FOR NO KEY UPDATE`,
    [events.map((e) => e.provider), events.map((e) => e.providerCallId)],
  );
  await tx.rows(
    `SELECT 1 FROM unnest($1::text[]) AS l (id) JOIN leads ON leads.id = l.id ORDER BY leads.id
       FOR NO KEY UPDATE OF leads`,
    [[...new Set(calls.map((c) => c.lead_id))]],
  );
}

/**
 * Provider events and reconciliation on PostgreSQL. The call's row is locked first, so two processes receiving
 * the same call's events (webhooks reach any API process) apply them one after the other; the `call_events` key
 * makes a replay a no-op (DESIGN §2.7).
 */
export function createPgCallEvents(db: PgDatabase, settlement: PgSettlement) {
  const outcome = (call: CallRow, wakeDialer: boolean): ApplyEventOutcome => ({
    applied: true,
    campaignId: call.campaign_id,
    wakeDialer,
  });

  async function applyOne(tx: PgTx, event: ProviderCallEvent, now: number): Promise<ApplyEventOutcome> {
    const call = await tx.row<CallRow>(
      'SELECT * FROM calls WHERE provider = $1 AND provider_call_id = $2 FOR NO KEY UPDATE',
      [event.provider, event.providerCallId],
    );
    if (!call) return { applied: false, reason: 'unknown_call' };
    const advances = event.type === 'status' && canAdvanceCallStatus(call.status as CallStatus, event.status);
    const status = advances ? event.status : null;
    const fresh =
      (await tx.run(RECORD_EVENT, [call.id, event.eventId, status, event.at, JSON.stringify(event)])) === 1;
    if (!fresh) return { applied: false, reason: 'duplicate' };

    if (event.type === 'variables') {
      await settlement.recordVariables(tx, call, event.variables, now);
      return outcome(call, call.phase === 'awaiting_variables');
    }
    if (!advances) return { applied: false, reason: 'stale' };
    if (!isTerminalCallStatus(event.status)) {
      await tx.run(
        `UPDATE calls SET status = $1, answered_by = coalesce($2, answered_by),
           answered_at = CASE WHEN $1 = 'in_progress' THEN coalesce(answered_at, $3) ELSE answered_at END
         WHERE id = $4`,
        [event.status, event.answeredBy ?? null, event.at, call.id],
      );
      tx.counters.callChanged(call.campaign_id, call, {
        ...call,
        status: event.status,
        answered_by: event.answeredBy ?? call.answered_by,
      });
      return outcome(call, false);
    }
    await settlement.finish(
      tx,
      call,
      {
        status: event.status,
        answeredBy: event.answeredBy ?? null,
        failureReason: event.status === 'failed' ? (event.failureReason ?? 'carrier_error') : null,
        answeredAt: null,
        endedAt: event.at,
        billedSeconds: event.billedSeconds ?? null,
      },
      now,
    );
    return outcome(call, true);
  }

  return {
    apply: (event: ProviderCallEvent, now: number) => db.transaction((tx) => applyOne(tx, event, now)),
    applyMany: (events: readonly ProviderCallEvent[], now: number) =>
      db.transaction(async (tx) => {
        await lockCallsAndLeads(tx, events);
        const outcomes: ApplyEventOutcome[] = [];
        for (const event of events) outcomes.push(await applyOne(tx, event, now));
        return outcomes;
      }),

    resolve: (callId: string, resolution: CallResolution, now: number) =>
      db.transaction(async (tx): Promise<ApplyEventOutcome> => {
        const call = await tx.row<CallRow>('SELECT * FROM calls WHERE id = $1 FOR NO KEY UPDATE', [callId]);
        if (!call) return { applied: false, reason: 'unknown_call' };
        if (isTerminalCallStatus(call.status as CallStatus)) return { applied: false, reason: 'stale' };
        await tx.run(RECORD_EVENT, [
          call.id,
          `reconciled:${now}`,
          resolution.status,
          now,
          JSON.stringify(resolution),
        ]);
        await settlement.finish(tx, call, resolution, now);
        return outcome(call, true);
      }),

    /**
     * Overdue calls, each taken by one worker: `SKIP LOCKED` leaves a call another worker is handling to it, and
     * the lease written here keeps the others off it until it is reconciled or the lease runs out.
     */
    claimOverdue: (now: number, limit: number, workerId: string, leaseMs: number) =>
      db.transaction(async (tx) => {
        const found: OverdueCall[] = [];
        const due = await tx.rows<CallRow>(
          // A written LIMIT, as in the claim (pg-claim.ts): the plan then knows how few rows it reads.
          `SELECT * FROM calls WHERE due_at IS NOT NULL AND due_at <= $1 ORDER BY due_at LIMIT ${Math.floor(limit)}
             FOR NO KEY UPDATE SKIP LOCKED`,
          [now],
        );
        for (const call of due) {
          if (call.phase === 'awaiting_variables') {
            await settlement.timeOutVariables(tx, call, now);
          } else if (call.phase === 'dialing' || call.phase === 'in_flight') {
            await tx.run('UPDATE calls SET due_at = $1, lease_owner = $2 WHERE id = $3', [
              now + leaseMs,
              workerId,
              call.id,
            ]);
            found.push({
              kind: call.phase === 'dialing' ? 'dialing_lease_expired' : 'silent_too_long',
              call: toCall(call),
            });
          } else {
            await tx.run('UPDATE calls SET due_at = NULL, lease_owner = NULL WHERE id = $1', [call.id]);
          }
        }
        return found;
      }),

    nextDeadline: async () =>
      (
        await db.queries.row<{ at: number | null }>(
          'SELECT min(due_at) AS at FROM calls WHERE due_at IS NOT NULL',
        )
      )?.at ?? null,
  };
}
