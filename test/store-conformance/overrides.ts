import { describe, expect, it } from 'vitest';
import {
  CAMPAIGN_ID,
  MINUTE,
  SECOND,
  T0,
  contactId,
  createWorld,
  leadId,
  newLead,
  newLeads,
  primaryPhone,
  secondaryPhone,
  startCampaign,
  useFreshStore,
  type OpenStore,
} from './fixtures.js';

const BALANCE = 100_00;

/** overrideLeadStatus: the manual overrides of DESIGN §2.4. */
export function describeOverrides(openStore: OpenStore): void {
  describe('overrideLeadStatus', () => {
    const d = useFreshStore(openStore);

    it('→ created resets every contact and calls the lead again in a started campaign', async () => {
      await startCampaign(d().store, [newLead(1, [primaryPhone(1), secondaryPhone(1)])]);
      const first = await d().dial(T0);
      await d().status(first, 'busy', T0 + 5 * SECOND);
      const second = await d().dial(T0 + 5 * SECOND);
      await d().status(second, 'busy', T0 + 10 * SECOND);
      expect((await d().lead(1)).contacts.map((c) => c.attempts)).toEqual([1, 1]);

      const at = T0 + MINUTE;
      const outcome = await d().store.overrideLeadStatus(leadId(1), 'created', at);
      expect(outcome).toMatchObject({ ok: true, lead: { status: 'scheduled', nextAttemptAt: at } });
      const { lead, contacts } = await d().lead(1);
      expect(lead).toMatchObject({ status: 'scheduled', nextAttemptAt: at, nextContactId: contactId(1, 0) });
      expect(contacts.map((c) => c.attempts)).toEqual([0, 0]);
    });

    it('→ created lets the dialer call the lead again, as a new attempt under a new key', async () => {
      await startCampaign(d().store, [newLead(1)]);
      const first = await d().claimOne(T0);
      await d().place(first.request.callId, T0);
      await d().status(first.request.callId, 'busy', T0 + 5 * SECOND);
      await d().store.overrideLeadStatus(leadId(1), 'created', T0 + MINUTE);
      const again = await d().claimOne(T0 + MINUTE);
      expect(again.request).toMatchObject({ to: primaryPhone(1), attempt: 1 });
      expect(again.request.idempotencyKey).not.toBe(first.request.idempotencyKey);
      expect(await d().calls()).toHaveLength(2);
    });

    it('→ created keeps a lead of a draft campaign created', async () => {
      await createWorld(d().store);
      await d().store.addLeads(CAMPAIGN_ID, newLeads(1), T0);
      expect(await d().store.overrideLeadStatus(leadId(1), 'created', T0 + 1)).toMatchObject({
        ok: true,
        lead: { status: 'created', nextAttemptAt: null },
      });
    });

    it('→ created reopens a completed campaign', async () => {
      await startCampaign(d().store, newLeads(1));
      const callId = await d().dial(T0);
      const end = await d().answer(callId, T0 + 10 * SECOND, 30);
      expect((await d().campaign()).status).toBe('completed');
      await d().store.overrideLeadStatus(leadId(1), 'created', end + MINUTE);
      expect(await d().campaign()).toMatchObject({ status: 'active', pauseReason: null });
      expect((await d().eventTypes()).slice(-1)).toEqual(['campaign.resumed']);
    });

    it('refuses → created while a call is in flight, changing nothing', async () => {
      await startCampaign(d().store, newLeads(1));
      await d().dial(T0);
      const outcome = await d().store.overrideLeadStatus(leadId(1), 'created', T0 + SECOND);
      expect(outcome).toMatchObject({ ok: false, code: 'lead_processing' });
      const { lead, contacts } = await d().lead(1);
      expect(lead.status).toBe('processing');
      expect(contacts[0]?.attempts).toBe(1);
    });

    it('→ completed while in flight: the call ends and is charged, the lead stays completed, nothing follows', async () => {
      await startCampaign(d().store, newLeads(1));
      const callId = await d().dial(T0);
      const outcome = await d().store.overrideLeadStatus(leadId(1), 'completed', T0 + SECOND);
      expect(outcome).toMatchObject({ ok: true, lead: { status: 'completed', completionReason: 'manual' } });
      expect((await d().campaign()).status).toBe('active'); // a call is still in flight

      await d().status(callId, 'in_progress', T0 + 10 * SECOND);
      await d().status(callId, 'failed', T0 + 100 * SECOND, {
        failureReason: 'carrier_error',
        billedSeconds: 90,
      });
      expect(await d().call(callId)).toMatchObject({ status: 'failed', costMinor: 15 });
      expect(await d().account()).toMatchObject({ balanceMinor: BALANCE - 15, reservedMinor: 0 });
      expect((await d().lead(1)).lead).toMatchObject({
        status: 'completed',
        completionReason: 'manual',
        nextAttemptAt: null,
      });
      expect(await d().campaign()).toMatchObject({ status: 'completed' });
      expect((await d().store.campaignReport(CAMPAIGN_ID)).inFlight).toBe(0);
    });

    it('refuses → created while a call is in flight, even after a manual → completed', async () => {
      await startCampaign(d().store, newLeads(1));
      await d().dial(T0);
      await d().store.overrideLeadStatus(leadId(1), 'completed', T0 + SECOND);
      const outcome = await d().store.overrideLeadStatus(leadId(1), 'created', T0 + 2 * SECOND);
      expect(outcome).toMatchObject({ ok: false, code: 'lead_processing' });
      expect((await d().lead(1)).lead.status).toBe('completed');
    });

    it('answers not_found for an unknown lead', async () => {
      await createWorld(d().store);
      expect(await d().store.overrideLeadStatus('lead_missing', 'completed', T0)).toMatchObject({
        ok: false,
        code: 'not_found',
      });
    });
  });
}
