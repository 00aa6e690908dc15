import { describe, expect, it } from 'vitest';
import type { CallResolution } from '../../src/engine/ports/store.js';
import {
  CAMPAIGN_ID,
  GOAL,
  LEASE_MS,
  MINUTE,
  MINUTE_COST,
  RECONCILE_AFTER_MS,
  SECOND,
  T0,
  contactId,
  leadId,
  newLead,
  newLeads,
  startCampaign,
  useFreshStore,
  type OpenStore,
} from './fixtures.js';

const HOUR = 60 * MINUTE;
const VARIABLES_WAIT = 10 * MINUTE;

const failed = (reason: 'lost' | 'unknown_outcome', endedAt: number): CallResolution => ({
  status: 'failed',
  answeredBy: null,
  failureReason: reason,
  answeredAt: null,
  endedAt,
  billedSeconds: null,
});

/** Deadlines (DESIGN §2.7, §2.10.1): overdue calls, reconciliation, and back-pressure that undoes an attempt. */
export function describeReconciliation(openStore: OpenStore): void {
  describe('claimOverdueCalls and nextCallDeadline', () => {
    const d = useFreshStore(openStore);

    it('returns an expired dialing lease once, leased to the worker that took it', async () => {
      await startCampaign(d().store, [newLead(1)]);
      await d().claim(T0);
      const { store } = d();
      expect(await store.claimOverdueCalls(T0 + LEASE_MS - 1, 10, 'worker_b', MINUTE)).toEqual([]);
      const overdue = await store.claimOverdueCalls(T0 + LEASE_MS, 10, 'worker_b', MINUTE);
      expect(overdue).toMatchObject([
        { kind: 'dialing_lease_expired', call: { id: 'call_0001', leadId: leadId(1), phase: 'dialing' } },
      ]);
      expect(await store.claimOverdueCalls(T0 + LEASE_MS, 10, 'worker_c', MINUTE)).toEqual([]);
      expect(await store.nextCallDeadline()).toBe(T0 + LEASE_MS + MINUTE);
      expect(await store.claimOverdueCalls(T0 + LEASE_MS + MINUTE, 10, 'worker_c', MINUTE)).toHaveLength(1);
    });

    it('returns a placed call silent past its reconciliation time as silent_too_long', async () => {
      await startCampaign(d().store, [newLead(1)]);
      const callId = await d().dial(T0);
      await d().status(callId, 'in_progress', T0 + 10 * SECOND);
      const { store } = d();
      expect(await store.nextCallDeadline()).toBe(T0 + RECONCILE_AFTER_MS);
      expect(await store.claimOverdueCalls(T0 + RECONCILE_AFTER_MS - 1, 10, 'worker_a', MINUTE)).toEqual([]);
      expect(await store.claimOverdueCalls(T0 + RECONCILE_AFTER_MS, 10, 'worker_a', MINUTE)).toMatchObject([
        {
          kind: 'silent_too_long',
          call: { id: callId, status: 'in_progress', providerCallId: `pc_${callId}` },
        },
      ]);
    });

    it('settles a wait for variables after 10 minutes inside, as a goal not met, and returns nothing', async () => {
      await startCampaign(d().store, [newLead(1)], { settings: { goal: GOAL, retry: { untilGoal: true } } });
      const callId = await d().dial(T0);
      const end = await d().answer(callId, T0 + 10 * SECOND, 60);
      const { store } = d();
      expect(await store.nextCallDeadline()).toBe(end + VARIABLES_WAIT);
      expect(await store.claimOverdueCalls(end + VARIABLES_WAIT - 1, 10, 'worker_a', MINUTE)).toEqual([]);
      expect((await d().lead(1)).lead.status).toBe('processing');

      expect(await store.claimOverdueCalls(end + VARIABLES_WAIT, 10, 'worker_a', MINUTE)).toEqual([]);
      expect((await d().lead(1)).lead).toMatchObject({
        status: 'rescheduled',
        nextAttemptAt: end + HOUR,
        nextContactId: contactId(1),
      });
      expect(await d().call(callId)).toMatchObject({ phase: 'settled', goal: null });
      expect(await store.nextCallDeadline()).toBeNull();
    });

    it('reports the earliest deadline of all calls', async () => {
      await startCampaign(d().store, newLeads(2));
      const placed = await d().dial(T0);
      await d().claim(T0 + 2 * SECOND);
      expect(placed).toBe('call_0001');
      expect(await d().store.nextCallDeadline()).toBe(T0 + 2 * SECOND + LEASE_MS);
    });
  });

  describe('resolveCall', () => {
    const d = useFreshStore(openStore);

    it('ends a lost call, frees its slot for a new claim, and retries the lead as a transient failure', async () => {
      await startCampaign(d().store, newLeads(2), { settings: { maxConcurrentCalls: 1 } });
      const callId = await d().dial(T0);
      expect(await d().claim(T0 + SECOND)).toMatchObject({ attempts: [], blocked: 'concurrency_full' });

      const at = T0 + RECONCILE_AFTER_MS;
      expect(await d().store.resolveCall(callId, failed('lost', at), at)).toMatchObject({ applied: true });
      expect(await d().call(callId)).toMatchObject({
        status: 'failed',
        failureReason: 'lost',
        endedAt: at,
        billedSeconds: 0,
        costMinor: 0,
        phase: 'settled',
      });
      expect((await d().lead(1)).lead).toMatchObject({ status: 'rescheduled', nextAttemptAt: at + HOUR });
      expect((await d().claimOne(at)).leadId).toBe(leadId(2));
      expect((await d().account()).reservedMinor).toBe(MINUTE_COST);
      expect(await d().store.resolveCall(callId, failed('lost', at + 1), at + 1)).toEqual({
        applied: false,
        reason: 'stale',
      });
    });

    it('counts an attempt whose outcome is unknown, never redialing it under the same key', async () => {
      await startCampaign(d().store, [newLead(1)]);
      const { request } = await d().claimOne(T0);
      const at = T0 + LEASE_MS;
      await d().store.resolveCall(request.callId, failed('unknown_outcome', at), at);
      expect((await d().lead(1)).contacts[0]?.attempts).toBe(1);
      const next = await d().claimOne(at + HOUR);
      expect(next.request.attempt).toBe(2);
      expect(next.request.idempotencyKey).not.toBe(request.idempotencyKey);
    });

    it('answers stale for a call that already ended and unknown_call for a missing one', async () => {
      await startCampaign(d().store, [newLead(1)]);
      const callId = await d().dial(T0);
      await d().status(callId, 'busy', T0 + 5 * SECOND);
      const balance = await d().account();
      expect(
        await d().store.resolveCall(callId, { ...failed('lost', T0 + HOUR), billedSeconds: 120 }, T0 + HOUR),
      ).toEqual({ applied: false, reason: 'stale' });
      expect(await d().account()).toEqual(balance);
      expect(await d().call(callId)).toMatchObject({ status: 'busy' });
      expect(await d().store.resolveCall('call_missing', failed('lost', T0), T0)).toEqual({
        applied: false,
        reason: 'unknown_call',
      });
    });
  });

  describe('abandonAttempt', () => {
    const d = useFreshStore(openStore);

    it('undoes the attempt: attempts restored, lead due at retryAt, slot and reservation released', async () => {
      await startCampaign(d().store, newLeads(1), { settings: { maxConcurrentCalls: 1 } });
      const { request } = await d().claimOne(T0);
      const retryAt = T0 + 5 * SECOND;
      await d().store.abandonAttempt(request.callId, retryAt, T0 + 100);

      const { lead, contacts } = await d().lead(1);
      expect(lead).toMatchObject({
        status: 'scheduled',
        nextAttemptAt: retryAt,
        nextContactId: contactId(1),
      });
      expect(contacts[0]?.attempts).toBe(0);
      expect(await d().calls()).toEqual([]);
      expect((await d().account()).reservedMinor).toBe(0);
      expect((await d().store.campaignReport(CAMPAIGN_ID)).inFlight).toBe(0);
      expect(await d().store.nextCallDeadline()).toBeNull();
      const events = await d().store.listEvents({ campaignId: CAMPAIGN_ID, after: 0, limit: 100 });
      expect(events.at(-1)).toMatchObject({
        type: 'lead.status_changed',
        payload: { leadId: leadId(1), from: 'processing', to: 'scheduled' },
      });

      expect(await d().claim(T0 + SECOND)).toMatchObject({ attempts: [], nextCheckAt: retryAt });
      const again = await d().claimOne(retryAt);
      expect(again.request).toMatchObject({ attempt: 1, idempotencyKey: request.idempotencyKey });
    });

    it('leaves a lead marked completed while dialing completed', async () => {
      await startCampaign(d().store, newLeads(1));
      const { request } = await d().claimOne(T0);
      expect((await d().store.overrideLeadStatus(leadId(1), 'completed', T0 + 50)).ok).toBe(true);
      await d().store.abandonAttempt(request.callId, T0 + 5 * SECOND, T0 + 100);
      expect((await d().lead(1)).lead).toMatchObject({ status: 'completed', completionReason: 'manual' });
      expect((await d().claim(T0 + 5 * SECOND)).attempts).toEqual([]);
    });
  });
}
