import { describe, expect, it } from 'vitest';
import {
  MINUTE,
  SECOND,
  T0,
  contactId,
  leadId,
  newLead,
  primaryPhone,
  secondaryPhone,
  startCampaign,
  useFreshStore,
  type OpenStore,
} from './fixtures.js';

/** A lead's calls and one call's status timeline (DESIGN §2.7, the dashboard's call log). */
export function describeCallHistory(openStore: OpenStore): void {
  describe('listLeadCalls', () => {
    const d = useFreshStore(openStore);

    it('lists every call of one lead in the order placed, with its contact', async () => {
      await startCampaign(d().store, [newLead(1, [primaryPhone(1), secondaryPhone(1)]), newLead(2)]);
      const first = await d().claim(T0, { maxClaims: 2 });
      const [call1, call2] = first.attempts.map((a) => a.request.callId);
      await d().place(call1!, T0);
      await d().status(call1!, 'busy', T0 + 5 * SECOND);
      const call3 = await d().dial(T0 + 5 * SECOND);

      const calls = await d().store.listLeadCalls(leadId(1));
      expect(calls.map((c) => [c.id, c.contactId, c.contactPhone, c.contactPosition, c.status])).toEqual([
        [call1, contactId(1, 0), primaryPhone(1), 0, 'busy'],
        [call3, contactId(1, 1), secondaryPhone(1), 1, 'initiated'],
      ]);
      expect(calls[0]).toMatchObject({ leadId: leadId(1), leadName: 'Lead 1', attempt: 1 });
      expect((await d().store.listLeadCalls(leadId(2))).map((c) => c.id)).toEqual([call2]);
      expect(await d().store.listLeadCalls('lead_missing')).toEqual([]);
    });
  });

  describe('getCall', () => {
    const d = useFreshStore(openStore);

    it('returns the call with the statuses applied, by provider time, without duplicates or stale ones', async () => {
      await startCampaign(d().store, [newLead(1)]);
      const callId = await d().dial(T0);
      await d().status(callId, 'ringing', T0 + 2 * SECOND, { eventId: 'ring' });
      await d().status(callId, 'ringing', T0 + 2 * SECOND, { eventId: 'ring' }); // a replay
      await d().status(callId, 'in_progress', T0 + 10 * SECOND);
      await d().status(callId, 'ringing', T0 + 3 * SECOND); // late: stale
      await d().status(callId, 'completed', T0 + 70 * SECOND, { answeredBy: 'human' });
      await d().status(callId, 'failed', T0 + 80 * SECOND); // after the end: stale
      await d().variables(callId, { note: 'x' }, T0 + 90 * SECOND);

      const detail = await d().store.getCall(callId);
      expect(detail?.call).toEqual(await d().call(callId));
      expect(detail?.timeline).toEqual([
        { status: 'ringing', at: T0 + 2 * SECOND },
        { status: 'in_progress', at: T0 + 10 * SECOND },
        { status: 'completed', at: T0 + 70 * SECOND },
      ]);
      expect(await d().store.getCall('call_missing')).toBeNull();
    });

    it('orders statuses reported at the same instant as they were applied', async () => {
      await startCampaign(d().store, [newLead(1)]);
      const callId = await d().dial(T0);
      const at = T0 + 5 * SECOND;
      await d().status(callId, 'ringing', at, { eventId: 'z_ring' });
      await d().status(callId, 'in_progress', at, { eventId: 'a_answer' });
      await d().status(callId, 'busy', at, { eventId: 'm_end' });
      expect((await d().store.getCall(callId))?.timeline.map((s) => s.status)).toEqual([
        'ringing',
        'in_progress',
        'busy',
      ]);
    });

    it('shows a reconciled end at the time it was decided', async () => {
      await startCampaign(d().store, [newLead(1)]);
      const callId = await d().dial(T0);
      await d().status(callId, 'in_progress', T0 + 10 * SECOND);
      const at = T0 + 40 * MINUTE;
      const resolution = {
        status: 'failed',
        answeredBy: null,
        failureReason: 'lost',
        answeredAt: null,
        endedAt: at,
        billedSeconds: null,
      } as const;
      await d().store.resolveCall(callId, resolution, at);
      expect((await d().store.getCall(callId))?.timeline).toEqual([
        { status: 'in_progress', at: T0 + 10 * SECOND },
        { status: 'failed', at },
      ]);
    });
  });
}
