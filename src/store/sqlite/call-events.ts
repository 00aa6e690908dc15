import type Database from 'better-sqlite3';
import { canAdvanceCallStatus, isTerminalCallStatus, type CallStatus } from '../../domain/call-status.js';
import type { ProviderCallEvent } from '../../engine/ports/call-provider.js';
import type { ApplyEventOutcome, CallResolution, OverdueCall } from '../../engine/ports/store.js';
import type { CallSettlement } from './call-settlement.js';
import type { CampaignCounters } from './campaign-counters.js';
import { toCall, type CallRow } from './rows.js';
import { prepareRows } from './fast-rows.js';

/**
 * Provider events and reconciliation on SQLite. Each event is recorded in `call_events` under its id first: a
 * replay hits the primary key and changes nothing (DESIGN §2.7). Status moves only forward.
 */
export function createCallEvents(
  db: Database.Database,
  settlement: CallSettlement,
  counters: CampaignCounters,
) {
  const byProviderId = prepareRows<[string, string], CallRow>(
    db,
    'SELECT * FROM calls WHERE provider = ? AND provider_call_id = ?',
  );
  const byId = prepareRows<[string], CallRow>(db, 'SELECT * FROM calls WHERE id = ?');
  const recordEvent = db.prepare(
    `INSERT INTO call_events (call_id, event_id, status, at, payload) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT DO NOTHING`,
  );
  const advance = db.prepare(
    `UPDATE calls SET status = ?, answered_by = coalesce(?, answered_by),
       answered_at = CASE WHEN ? = 'in_progress' THEN coalesce(answered_at, ?) ELSE answered_at END
     WHERE id = ?`,
  );
  const overdue = prepareRows<[number], CallRow>(
    db,
    'SELECT * FROM calls INDEXED BY calls_due WHERE due_at IS NOT NULL AND due_at <= ? ORDER BY due_at',
  );
  const lease = db.prepare('UPDATE calls SET due_at = ?, lease_owner = ? WHERE id = ?');
  const nextDeadline = db.prepare<[], { at: number | null }>(
    'SELECT min(due_at) AS at FROM calls INDEXED BY calls_due WHERE due_at IS NOT NULL',
  );

  const woke = (call: CallRow): ApplyEventOutcome => ({
    applied: true,
    campaignId: call.campaign_id,
    wakeDialer: true,
  });
  const quiet = (call: CallRow): ApplyEventOutcome => ({
    applied: true,
    campaignId: call.campaign_id,
    wakeDialer: false,
  });

  const applyOne = (event: ProviderCallEvent, now: number): ApplyEventOutcome => {
    const call = byProviderId.get(event.provider, event.providerCallId);
    if (!call) return { applied: false, reason: 'unknown_call' };
    // The status column keeps only a status that is applied: the call's timeline (getCall) reads it. A stale one
    // is still recorded, so its replay stays a duplicate, and its payload still says what the provider sent.
    const advances = event.type === 'status' && canAdvanceCallStatus(call.status as CallStatus, event.status);
    const status = advances ? event.status : null;
    const fresh =
      recordEvent.run(call.id, event.eventId, status, event.at, JSON.stringify(event)).changes === 1;
    if (!fresh) return { applied: false, reason: 'duplicate' };

    if (event.type === 'variables') {
      settlement.recordVariables(call, event.variables, now);
      return call.phase === 'awaiting_variables' ? woke(call) : quiet(call);
    }
    if (!advances) return { applied: false, reason: 'stale' };
    if (!isTerminalCallStatus(event.status)) {
      advance.run(event.status, event.answeredBy ?? null, event.status, event.at, call.id);
      const answeredBy = event.answeredBy ?? call.answered_by;
      counters.callChanged(call.campaign_id, call, {
        ...call,
        status: event.status,
        answered_by: answeredBy,
      });
      return quiet(call);
    }
    settlement.finish(
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
    return woke(call);
  };

  const apply = counters.transaction(applyOne);
  const applyMany = counters.transaction((events: readonly ProviderCallEvent[], now: number) =>
    events.map((event) => applyOne(event, now)),
  );

  const resolve = counters.transaction(
    (callId: string, resolution: CallResolution, now: number): ApplyEventOutcome => {
      const call = byId.get(callId);
      if (!call) return { applied: false, reason: 'unknown_call' };
      if (isTerminalCallStatus(call.status as CallStatus)) return { applied: false, reason: 'stale' };
      recordEvent.run(call.id, `reconciled:${now}`, resolution.status, now, JSON.stringify(resolution));
      settlement.finish(call, resolution, now);
      return woke(call);
    },
  );

  const claimOverdue = counters.transaction(
    (now: number, limit: number, workerId: string, leaseMs: number): OverdueCall[] => {
      const found: OverdueCall[] = [];
      for (const call of overdue.first(limit, now)) {
        if (call.phase === 'awaiting_variables') {
          settlement.timeOutVariables(call, now);
        } else if (call.phase === 'dialing' || call.phase === 'in_flight') {
          lease.run(now + leaseMs, workerId, call.id);
          found.push({
            kind: call.phase === 'dialing' ? 'dialing_lease_expired' : 'silent_too_long',
            call: toCall(call),
          });
        } else {
          lease.run(null, null, call.id);
        }
      }
      return found;
    },
  );

  return {
    apply: (event: ProviderCallEvent, now: number) => apply(event, now),
    applyMany: (events: readonly ProviderCallEvent[], now: number) => applyMany(events, now),
    resolve: (callId: string, resolution: CallResolution, now: number) => resolve(callId, resolution, now),
    claimOverdue: (now: number, limit: number, workerId: string, leaseMs: number) =>
      claimOverdue(now, limit, workerId, leaseMs),
    nextDeadline: () => nextDeadline.get()?.at ?? null,
  };
}
