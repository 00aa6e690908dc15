import { describe, expect, it } from 'vitest';
import {
  CAMPAIGN_ID,
  MINUTE_COST,
  SECOND,
  T0,
  newLead,
  startCampaign,
  useFreshStore,
  type OpenStore,
} from './fixtures.js';

const BALANCE = 100_00;

/** markCallsPlaced + applyCallEvent (DESIGN §2.7, §2.8): once per event, forward only, charged exactly once. */
export function describeCallEvents(openStore: OpenStore): void {
  describe('applyCallEvent', () => {
    const d = useFreshStore(openStore);

    it('records the provider call id and moves the call out of dialing', async () => {
      await startCampaign(d().store, [newLead(1)]);
      const callId = await d().dial(T0);
      expect(await d().call(callId)).toMatchObject({ providerCallId: `pc_${callId}`, phase: 'in_flight' });
      expect(await d().status(callId, 'ringing', T0 + SECOND)).toEqual({
        applied: true,
        campaignId: CAMPAIGN_ID,
        wakeDialer: false,
      });
      expect((await d().call(callId)).status).toBe('ringing');
    });

    it('answers unknown_call for a provider call id it has never recorded', async () => {
      await startCampaign(d().store, [newLead(1)]);
      await d().claim(T0); // dialing, but not yet placed: no provider id recorded
      expect(await d().status('call_0001', 'ringing', T0 + SECOND)).toEqual({
        applied: false,
        reason: 'unknown_call',
      });
      expect(
        await d().store.applyCallEvent(
          {
            type: 'status',
            provider: 'other',
            providerCallId: 'pc_x',
            eventId: 'e',
            at: T0,
            status: 'ringing',
          },
          T0,
        ),
      ).toEqual({ applied: false, reason: 'unknown_call' });
    });

    it('applies each event id once: a replay is a duplicate and charges nothing more', async () => {
      await startCampaign(d().store, [newLead(1)]);
      const callId = await d().dial(T0);
      await d().status(callId, 'in_progress', T0 + 10 * SECOND, { eventId: 'answered' });
      const end = T0 + 100 * SECOND;
      expect(
        (await d().status(callId, 'completed', end, { eventId: 'ended', answeredBy: 'human' })).applied,
      ).toBe(true);
      const balance = (await d().account()).balanceMinor;
      for (const eventId of ['answered', 'ended']) {
        const status = eventId === 'ended' ? 'completed' : 'in_progress';
        expect(await d().status(callId, status, end, { eventId })).toEqual({
          applied: false,
          reason: 'duplicate',
        });
      }
      expect((await d().account()).balanceMinor).toBe(balance);
      expect((await d().eventTypes()).filter((t) => t === 'call.ended')).toHaveLength(1);
    });

    it('moves a call forward only: a late ringing and a second terminal status are stale', async () => {
      await startCampaign(d().store, [newLead(1)]);
      const callId = await d().dial(T0);
      await d().status(callId, 'in_progress', T0 + 10 * SECOND);
      expect(await d().status(callId, 'ringing', T0 + 5 * SECOND)).toEqual({
        applied: false,
        reason: 'stale',
      });
      expect((await d().call(callId)).status).toBe('in_progress');

      await d().status(callId, 'completed', T0 + 100 * SECOND, { answeredBy: 'human' });
      const after = await d().account();
      expect(
        await d().status(callId, 'failed', T0 + 200 * SECOND, { failureReason: 'carrier_error' }),
      ).toEqual({
        applied: false,
        reason: 'stale',
      });
      expect(await d().call(callId)).toMatchObject({ status: 'completed', billedSeconds: 90 });
      expect(await d().account()).toEqual(after);
    });

    it('charges rate × billed seconds from answer to end, rounded up to the cent, once', async () => {
      await startCampaign(d().store, [newLead(1)]);
      const callId = await d().dial(T0);
      expect((await d().account()).reservedMinor).toBe(MINUTE_COST);
      const answeredAt = T0 + 10 * SECOND;
      const end = await d().answer(callId, answeredAt, 90);
      expect(await d().call(callId)).toMatchObject({
        status: 'completed',
        answeredBy: 'human',
        answeredAt,
        endedAt: end,
        billedSeconds: 90,
        costMinor: 15,
        phase: 'settled',
      });
      expect(await d().account()).toMatchObject({ balanceMinor: BALANCE - 15, reservedMinor: 0 });
      const ended = (await d().store.listEvents({ campaignId: CAMPAIGN_ID, after: 0, limit: 100 })).filter(
        (e) => e.type === 'call.ended',
      );
      expect(ended).toHaveLength(1);
      expect(ended[0]?.payload).toMatchObject({
        callId,
        costMinor: 15,
        billedSeconds: 90,
        status: 'completed',
      });
      expect(ended[0]?.createdAt).toBe(end);
    });

    it('uses the billed seconds the provider reports: 61 s at 0.10/min is 0.11', async () => {
      await startCampaign(d().store, [newLead(1)]);
      const callId = await d().dial(T0);
      await d().status(callId, 'in_progress', T0 + 10 * SECOND);
      await d().status(callId, 'completed', T0 + 75 * SECOND, { answeredBy: 'human', billedSeconds: 61 });
      expect(await d().call(callId)).toMatchObject({ billedSeconds: 61, costMinor: 11 });
      expect(await d().account()).toMatchObject({ balanceMinor: BALANCE - 11, reservedMinor: 0 });
    });

    it.each(['busy', 'unanswered'] as const)(
      'bills nothing for a %s call and releases its reservation',
      async (status) => {
        await startCampaign(d().store, [newLead(1)]);
        const callId = await d().dial(T0);
        await d().status(callId, 'ringing', T0 + SECOND);
        expect(await d().status(callId, status, T0 + 30 * SECOND)).toEqual({
          applied: true,
          campaignId: CAMPAIGN_ID,
          wakeDialer: true,
        });
        expect(await d().call(callId)).toMatchObject({
          status,
          billedSeconds: 0,
          costMinor: 0,
          endedAt: T0 + 30 * SECOND,
        });
        expect(await d().account()).toMatchObject({ balanceMinor: BALANCE, reservedMinor: 0 });
        expect((await d().store.campaignReport(CAMPAIGN_ID)).inFlight).toBe(0);
        expect((await d().lead(1)).contacts[0]?.lastResult).toBe(status);
      },
    );

    it('does not bring a settled attempt back to life when markCallsPlaced comes late', async () => {
      await startCampaign(d().store, [newLead(1)]);
      const attempt = await d().claimOne(T0);
      const callId = attempt.request.callId;
      await d().store.resolveCall(
        callId,
        {
          status: 'failed',
          answeredBy: null,
          failureReason: 'unknown_outcome',
          answeredAt: null,
          endedAt: T0 + 40 * SECOND,
          billedSeconds: 0,
        },
        T0 + 40 * SECOND,
      );
      await d().store.markCallsPlaced([{ callId, providerCallId: 'pc_late', reconcileAt: T0 + 41 * SECOND }]);
      expect(await d().call(callId)).toMatchObject({ status: 'failed', phase: 'settled' });
      expect((await d().store.campaignReport(CAMPAIGN_ID)).inFlight).toBe(0);
      expect(await d().store.nextCallDeadline()).toBeNull();
    });
  });
}
