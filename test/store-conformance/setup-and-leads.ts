import { describe, expect, it } from 'vitest';
import {
  ACCOUNT_ID,
  ASSISTANT_ID,
  CAMPAIGN_ID,
  MINUTE,
  T0,
  account,
  assistant,
  campaign,
  contactId,
  createWorld,
  leadId,
  newLead,
  primaryPhone,
  secondaryPhone,
  startCampaign,
  useFreshStore,
  type OpenStore,
} from './fixtures.js';

/** Setup records (accounts, money in, assistants, campaigns) and adding leads (DESIGN §2.2, §2.4). */
export function describeSetupAndLeads(openStore: OpenStore): void {
  describe('setup records', () => {
    const d = useFreshStore(openStore);

    it('credits an account: the balance grows and the updated account is returned', async () => {
      const { store } = d();
      await store.createAccount(account({ balanceMinor: 0 }));
      const first = await store.creditAccount({
        id: 'led_0001',
        accountId: ACCOUNT_ID,
        amountMinor: 25_00,
        note: 'top-up',
        now: T0,
      });
      expect(first).toEqual({ ...account({ balanceMinor: 0 }), balanceMinor: 25_00 });
      const second = await store.creditAccount({
        id: 'led_0002',
        accountId: ACCOUNT_ID,
        amountMinor: 1_50,
        note: null,
        now: T0 + MINUTE,
      });
      expect(second.balanceMinor).toBe(26_50);
      expect(await store.getAccount(ACCOUNT_ID)).toEqual(second);
      expect(await store.getAccount('acc_missing')).toBeNull();
    });

    it('returns the assistant and the campaign as they were created', async () => {
      const { store } = d();
      await createWorld(store, { settings: { goal: 'appointment_booked', maxConcurrentCalls: 7 } });
      expect(await store.getAssistant(ASSISTANT_ID)).toEqual(assistant());
      expect(await store.getCampaign(CAMPAIGN_ID)).toEqual(
        campaign({ settings: { goal: 'appointment_booked', maxConcurrentCalls: 7 } }),
      );
      expect(await store.getAssistant('asst_missing')).toBeNull();
      expect(await store.getCampaign('camp_missing')).toBeNull();
      expect(await store.listCampaignIds()).toEqual([CAMPAIGN_ID]);
      expect(await store.listActiveCampaignIds()).toEqual([]);
    });

    it('returns a lead with its contacts in position order, whatever their ids', async () => {
      const { store } = d();
      await createWorld(store);
      const lead = {
        ...newLead(1),
        contacts: [
          { id: 'ct_c', phone: primaryPhone(1) },
          { id: 'ct_b', phone: secondaryPhone(1) },
          { id: 'ct_a', phone: '+13125550001' },
        ],
      };
      await store.addLeads(CAMPAIGN_ID, [lead], T0);
      const found = await store.getLead(leadId(1));
      expect(found?.lead).toEqual({
        id: leadId(1),
        campaignId: CAMPAIGN_ID,
        name: 'Lead 1',
        externalId: 'crm-1',
        fields: { company: 'Company 1' },
        status: 'created',
        completionReason: null,
        nextAttemptAt: null,
        nextContactId: null,
        createdAt: T0,
        updatedAt: T0,
      });
      expect(found?.contacts).toEqual(
        ['ct_c', 'ct_b', 'ct_a'].map((id, position) => ({
          id,
          leadId: leadId(1),
          position,
          phone: lead.contacts[position]!.phone,
          attempts: 0,
          dead: false,
          lastResult: null,
        })),
      );
      expect(await store.getLead('lead_missing')).toBeNull();
    });
  });

  describe('addLeads', () => {
    const d = useFreshStore(openStore);

    it('adds leads to a draft campaign as created, not yet scheduled', async () => {
      const { store } = d();
      await createWorld(store);
      const result = await store.addLeads(CAMPAIGN_ID, [newLead(1), newLead(2)], T0);
      expect(result).toEqual({ created: 2, duplicates: [], suppressed: [] });
      for (const n of [1, 2]) {
        const { lead } = await d().lead(n);
        expect(lead).toMatchObject({ status: 'created', nextAttemptAt: null });
      }
    });

    it('dedups numbers against the campaign and within the batch, keeping the non-duplicate numbers', async () => {
      const { store } = d();
      await createWorld(store);
      const taken = primaryPhone(1);
      await store.addLeads(CAMPAIGN_ID, [newLead(1)], T0);
      const result = await store.addLeads(
        CAMPAIGN_ID,
        [
          newLead(2, [taken, secondaryPhone(2)]), // keeps its secondary only
          newLead(3, [primaryPhone(3)]),
          newLead(4, [primaryPhone(3)]), // every number taken earlier in the batch: not created
          newLead(5, [taken]), // every number taken in the campaign: not created
        ],
        T0,
      );
      expect(result.created).toBe(2);
      expect(result.duplicates).toEqual([
        { index: 0, phone: taken },
        { index: 2, phone: primaryPhone(3) },
        { index: 3, phone: taken },
      ]);
      const kept = await d().lead(2);
      expect(kept.contacts.map((c) => [c.id, c.position, c.phone])).toEqual([
        [contactId(2, 1), 0, secondaryPhone(2)],
      ]);
      expect((await d().lead(3)).contacts.map((c) => c.phone)).toEqual([primaryPhone(3)]);
      expect(await store.getLead(leadId(4))).toBeNull();
      expect(await store.getLead(leadId(5))).toBeNull();
      expect((await store.campaignReport(CAMPAIGN_ID)).leadsByStatus.created).toBe(3);
    });

    it("adds a person's new numbers to the campaign's lead with its external id, after its own, creating no lead", async () => {
      const { store } = d();
      await createWorld(store);
      await store.addLeads(CAMPAIGN_ID, [newLead(1, [primaryPhone(1), secondaryPhone(1)])], T0);
      const samePerson = { ...newLead(7, [primaryPhone(1), primaryPhone(7)]), externalId: 'crm-1' };
      const result = await store.addLeads(CAMPAIGN_ID, [samePerson], T0);
      expect(result).toEqual({
        created: 0,
        duplicates: [{ index: 0, phone: primaryPhone(1) }],
        suppressed: [],
      });
      expect((await d().lead(1)).contacts.map((c) => [c.position, c.phone])).toEqual([
        [0, primaryPhone(1)],
        [1, secondaryPhone(1)],
        [2, primaryPhone(7)],
      ]);
      expect(await store.getLead(leadId(7))).toBeNull();
      expect((await store.campaignReport(CAMPAIGN_ID)).leadsByStatus.created).toBe(1);
    });

    it('makes one lead of the leads of a batch that share an external id, numbers in batch order', async () => {
      const { store } = d();
      await createWorld(store);
      const result = await store.addLeads(
        CAMPAIGN_ID,
        [
          { ...newLead(1), externalId: 'person' },
          newLead(2),
          { ...newLead(3, [primaryPhone(3), primaryPhone(1)]), externalId: 'person' },
        ],
        T0,
      );
      expect(result).toEqual({
        created: 2,
        duplicates: [{ index: 2, phone: primaryPhone(1) }],
        suppressed: [],
      });
      expect((await d().lead(1)).contacts.map((c) => [c.position, c.phone])).toEqual([
        [0, primaryPhone(1)],
        [1, primaryPhone(3)],
      ]);
      expect(await store.getLead(leadId(3))).toBeNull();
    });

    it('adds nothing, and fails nothing, when the very same leads come again (a simulation re-run makes the same ids)', async () => {
      const { store } = d();
      await createWorld(store);
      await store.addLeads(CAMPAIGN_ID, [newLead(1), newLead(2)], T0);
      const again = await store.addLeads(CAMPAIGN_ID, [newLead(1), newLead(2)], T0);
      expect(again).toEqual({
        created: 0,
        duplicates: [
          { index: 0, phone: primaryPhone(1) },
          { index: 1, phone: primaryPhone(2) },
        ],
        suppressed: [],
      });
      expect((await store.campaignLeadCounts(CAMPAIGN_ID)).created).toBe(2);
    });

    it('reports a number given twice for the same lead as a duplicate', async () => {
      const { store } = d();
      await createWorld(store);
      const result = await store.addLeads(CAMPAIGN_ID, [newLead(1, [primaryPhone(1), primaryPhone(1)])], T0);
      expect(result).toEqual({
        created: 1,
        duplicates: [{ index: 0, phone: primaryPhone(1) }],
        suppressed: [],
      });
    });

    it('schedules leads added to an active campaign at once, on their primary number', async () => {
      const { store } = d();
      await startCampaign(store, [newLead(1)]);
      const addedAt = T0 + 5 * MINUTE;
      expect(
        await store.addLeads(CAMPAIGN_ID, [newLead(2, [primaryPhone(2), secondaryPhone(2)])], addedAt),
      ).toEqual({ created: 1, duplicates: [], suppressed: [] });
      expect((await d().lead(2)).lead).toMatchObject({
        status: 'scheduled',
        nextAttemptAt: addedAt,
        nextContactId: contactId(2, 0),
      });
    });

    it('reopens a completed campaign when leads are added to it', async () => {
      const { store } = d();
      await startCampaign(store, [newLead(1)]);
      const callId = await d().dial(T0);
      const end = await d().answer(callId, T0 + 10_000, 30);
      expect((await d().campaign()).status).toBe('completed');

      await store.addLeads(CAMPAIGN_ID, [newLead(2)], end + MINUTE);
      expect(await d().campaign()).toMatchObject({ status: 'active', pauseReason: null });
      expect((await d().eventTypes()).slice(-1)).toEqual(['campaign.resumed']);
      expect(await store.listActiveCampaignIds()).toEqual([CAMPAIGN_ID]);
      expect((await d().lead(2)).lead).toMatchObject({ status: 'scheduled', nextAttemptAt: end + MINUTE });
      expect((await d().claimOne(end + MINUTE)).leadId).toBe(leadId(2));
    });
  });
}
