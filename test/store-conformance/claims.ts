import { describe, expect, it } from 'vitest';
import {
  ACCOUNT_ID,
  ASSISTANT_ID,
  CALLER_ID,
  CAMPAIGN_ID,
  FRIDAY_1830_NY,
  GOAL,
  MINUTE,
  MINUTE_COST,
  MONDAY_0900_EDT,
  PROVIDER,
  SECOND,
  T0,
  contactId,
  createWorld,
  leadId,
  newLead,
  newLeads,
  primaryPhone,
  startCampaign,
  useFreshStore,
  type OpenStore,
} from './fixtures.js';

/** claimAttempts (DESIGN §4): window, capacity (slots, calls per second, money), due order, atomicity. */
export function describeClaims(openStore: OpenStore): void {
  describe('claimAttempts', () => {
    const d = useFreshStore(openStore);

    it('writes one attempt per claimed lead before anything is dialed', async () => {
      await startCampaign(d().store, [newLead(1)]);
      const outcome = await d().claim(T0 + SECOND);
      expect(outcome.attempts).toEqual([
        {
          campaignId: CAMPAIGN_ID,
          leadId: leadId(1),
          provider: PROVIDER,
          request: {
            callId: 'call_0001',
            idempotencyKey: `${leadId(1)}:${contactId(1)}:1`,
            assistant: {
              id: ASSISTANT_ID,
              providerAssistantId: 'sim-asst-1',
              maxCallMinutes: 30,
              variables: [{ name: GOAL, type: 'boolean' }],
            },
            from: CALLER_ID,
            fromProviderRef: 'PN-REF-1',
            to: primaryPhone(1),
            attempt: 1,
            variables: { company: 'Company 1' },
          },
        },
      ]);
      const { lead, contacts } = await d().lead(1);
      expect(lead.status).toBe('processing');
      expect(contacts[0]?.attempts).toBe(1);
      expect(await d().calls()).toMatchObject([
        {
          id: 'call_0001',
          leadId: leadId(1),
          contactId: contactId(1),
          attempt: 1,
          idempotencyKey: `${leadId(1)}:${contactId(1)}:1`,
          phase: 'dialing',
          status: 'initiated',
          providerCallId: null,
          placedAt: T0 + SECOND,
          contactPhone: primaryPhone(1),
        },
      ]);
      expect((await d().account()).reservedMinor).toBe(MINUTE_COST);
      expect((await d().store.campaignReport(CAMPAIGN_ID)).inFlight).toBe(1);
      // Nothing else is due: the next look is left to an event.
      expect(outcome).toMatchObject({ blocked: null, nextCheckAt: null });
    });

    it('claims nothing outside the window and names the next opening, across the DST change', async () => {
      await startCampaign(d().store, newLeads(2));
      expect(await d().claim(FRIDAY_1830_NY)).toEqual({
        attempts: [],
        blocked: 'outside_window',
        nextCheckAt: MONDAY_0900_EDT,
      });
      expect((await d().lead(1)).lead.status).toBe('scheduled');
      expect((await d().lead(1)).contacts[0]?.attempts).toBe(0);
    });

    it('never has more calls in flight than maxConcurrentCalls', async () => {
      await startCampaign(d().store, newLeads(3), { settings: { maxConcurrentCalls: 2 } });
      const first = await d().claim(T0);
      expect(first.attempts.map((a) => a.leadId)).toEqual([leadId(1), leadId(2)]);
      expect(first).toMatchObject({ blocked: 'concurrency_full', nextCheckAt: null });
      expect(await d().claim(T0 + 10 * SECOND)).toEqual({
        attempts: [],
        blocked: 'concurrency_full',
        nextCheckAt: null,
      });

      await d().place('call_0001', T0);
      await d().status('call_0001', 'busy', T0 + 20 * SECOND);
      expect((await d().claim(T0 + 21 * SECOND)).attempts.map((a) => a.leadId)).toEqual([leadId(3)]);
    });

    it('places at most callsPerSecond calls a second from one caller id', async () => {
      await startCampaign(d().store, newLeads(3), { callsPerSecond: 1 });
      const first = await d().claim(T0);
      expect(first.attempts).toHaveLength(1);
      expect(first).toMatchObject({ blocked: 'calls_per_second', nextCheckAt: T0 + SECOND });
      expect(await d().claim(T0 + 500)).toEqual({
        attempts: [],
        blocked: 'calls_per_second',
        nextCheckAt: T0 + SECOND,
      });
      expect((await d().claim(T0 + SECOND)).attempts).toHaveLength(1);
    });

    it('dials only what the balance minus the reservations of calls in flight can pay a minute of', async () => {
      await startCampaign(d().store, newLeads(3), { balanceMinor: 25, minimumStartBalanceMinor: 0 });
      const first = await d().claim(T0);
      expect(first.attempts).toHaveLength(2);
      expect(first).toMatchObject({ blocked: 'insufficient_balance', nextCheckAt: null });
      expect(await d().account()).toMatchObject({ balanceMinor: 25, reservedMinor: 2 * MINUTE_COST });
      expect((await d().claim(T0 + SECOND)).attempts).toEqual([]);
      // Calls are in flight: the campaign waits for them rather than pausing.
      expect((await d().campaign()).status).toBe('active');
    });

    it('stops at maxClaims and asks to be called again at once', async () => {
      await startCampaign(d().store, newLeads(3));
      expect(await d().claim(T0, { maxClaims: 1 })).toMatchObject({ blocked: null, nextCheckAt: T0 });
      expect((await d().claim(T0, { maxClaims: 1 })).attempts.map((a) => a.leadId)).toEqual([leadId(2)]);
    });

    it('takes due leads in the order they came due, not in id order', async () => {
      const { store } = d();
      await startCampaign(store, [newLead(3)]);
      await store.addLeads(CAMPAIGN_ID, [newLead(2)], T0 + SECOND);
      await store.addLeads(CAMPAIGN_ID, [newLead(1)], T0 + 2 * SECOND);
      const order: string[] = [];
      for (let i = 0; i < 3; i += 1) order.push((await d().claimOne(T0 + 3 * SECOND)).leadId);
      expect(order).toEqual([leadId(3), leadId(2), leadId(1)]);
    });

    it('does not claim a lead before its time and names that time as the next check', async () => {
      await startCampaign(d().store, [newLead(1)]);
      const callId = await d().dial(T0);
      await d().status(callId, 'busy', T0 + 5 * SECOND);
      const retryAt = T0 + 5 * SECOND + 60 * MINUTE;
      expect(await d().claim(T0 + 10 * SECOND)).toEqual({
        attempts: [],
        blocked: 'no_due_leads',
        nextCheckAt: retryAt,
      });
      expect(await d().claim(retryAt - 1)).toMatchObject({ attempts: [], nextCheckAt: retryAt });
      expect((await d().claim(retryAt)).attempts.map((a) => a.request.attempt)).toEqual([2]);
    });

    it('names the next window opening when the next lead comes due after the window closes', async () => {
      await startCampaign(d().store, [newLead(1)], { settings: { retry: { intervalMinutes: 120 } } });
      const callId = await d().dial(T0);
      await d().status(callId, 'busy', T0 + 5 * SECOND);
      expect(await d().claim(T0 + 10 * SECOND)).toMatchObject({ attempts: [], nextCheckAt: MONDAY_0900_EDT });
    });

    it('pauses a campaign that cannot pay one minute with nothing in flight, and carries on after a top-up', async () => {
      const { store } = d();
      await startCampaign(store, newLeads(1), { balanceMinor: MINUTE_COST - 1, minimumStartBalanceMinor: 0 });
      expect(await d().claim(T0)).toMatchObject({ attempts: [], blocked: 'insufficient_balance' });
      expect(await d().campaign()).toMatchObject({ status: 'paused', pauseReason: 'insufficient_balance' });
      const types = await d().eventTypes();
      expect(types).toContain('balance.low');
      expect(types.filter((t) => t === 'campaign.paused')).toHaveLength(1);
      expect(await d().claim(T0 + SECOND)).toMatchObject({ attempts: [], blocked: 'not_active' });

      await store.creditAccount({
        id: 'led_top',
        accountId: ACCOUNT_ID,
        amountMinor: 100,
        note: null,
        now: T0 + MINUTE,
      });
      await store.transitionCampaign({ campaignId: CAMPAIGN_ID, action: 'resume', now: T0 + MINUTE });
      expect((await d().claimOne(T0 + MINUTE)).leadId).toBe(leadId(1));
    });

    it('claims nothing for a draft campaign', async () => {
      await createWorld(d().store);
      await d().store.addLeads(CAMPAIGN_ID, newLeads(1), T0);
      expect(await d().claim(T0)).toEqual({ attempts: [], blocked: 'not_active', nextCheckAt: null });
      expect(await d().calls()).toEqual([]);
    });

    it('never gives the same lead to two concurrent claims', async () => {
      await startCampaign(d().store, newLeads(4));
      const [a, b] = await Promise.all([
        d().claim(T0, { maxClaims: 3, workerId: 'worker_a' }),
        d().claim(T0, { maxClaims: 3, workerId: 'worker_b' }),
      ]);
      const claimed = [...a.attempts, ...b.attempts].map((attempt) => attempt.leadId);
      expect(claimed.length).toBeGreaterThan(0);
      expect(new Set(claimed).size).toBe(claimed.length);
      expect((await d().calls()).map((c) => c.leadId).sort()).toEqual([...claimed].sort());
      for (const id of claimed) {
        const n = Number(id.slice('lead_'.length));
        expect((await d().lead(n)).contacts[0]?.attempts).toBe(1);
      }
    });

    describe('a large campaign', () => {
      const COUNT = 4_500;
      const counts = () => d().store.campaignLeadCounts(CAMPAIGN_ID);
      /** Claims nothing, as the dialer does when every slot is taken, until no lead is left `created`. */
      async function scheduleTheRest(now: number): Promise<number> {
        let claims = 0;
        while ((await counts()).created > 0) {
          const outcome = await d().claim(now, { maxClaims: 0 });
          claims += 1;
          expect(claims, 'every claim schedules some leads').toBeLessThan(COUNT);
          if ((await counts()).created > 0) expect(outcome.nextCheckAt).toBe(now);
        }
        return claims;
      }

      it('dials at the first claim while the rest of its leads are scheduled claim by claim, in import order', async () => {
        await startCampaign(d().store, newLeads(COUNT));
        const afterStart = await counts();
        expect(afterStart.scheduled).toBeGreaterThan(0);
        expect(afterStart.created + afterStart.scheduled).toBe(COUNT);

        const first = await d().claim(T0, { maxClaims: 1 });
        expect(first.attempts.map((a) => a.leadId)).toEqual([leadId(1)]);
        if ((await counts()).created > 0) expect(first.nextCheckAt).toBe(T0);

        await scheduleTheRest(T0);
        expect(await counts()).toMatchObject({ created: 0, scheduled: COUNT - 1, processing: 1 });
        const later = await d().claim(T0 + 10 * SECOND, { maxClaims: 1 });
        expect(later.attempts.map((a) => a.leadId)).toEqual([leadId(2)]);
        const { lead } = await d().lead(COUNT);
        expect(lead).toMatchObject({ status: 'scheduled', nextAttemptAt: T0 });
      });

      it('schedules nothing more while paused, and carries on once resumed', async () => {
        await startCampaign(d().store, newLeads(COUNT));
        const afterStart = await counts();
        const pause = await d().store.transitionCampaign({
          campaignId: CAMPAIGN_ID,
          action: 'pause',
          now: T0,
        });
        expect(pause.ok).toBe(true);
        expect(await d().claim(T0 + MINUTE)).toMatchObject({ attempts: [], blocked: 'not_active' });
        expect(await counts()).toEqual(afterStart);

        const resume = await d().store.transitionCampaign({
          campaignId: CAMPAIGN_ID,
          action: 'resume',
          now: T0 + 2 * MINUTE,
        });
        expect(resume.ok).toBe(true);
        await scheduleTheRest(T0 + 2 * MINUTE);
        expect(await counts()).toMatchObject({ created: 0, scheduled: COUNT });
      });
    });
  });
}
