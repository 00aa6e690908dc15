import { describe, expect, it } from 'vitest';
import type { Store } from '../../src/engine/ports/store.js';
import {
  ACCOUNT_ID,
  ASSISTANT_ID,
  CAMPAIGN_ID,
  MINUTE,
  PHONE_NUMBER_ID,
  SECOND,
  T0,
  account,
  assistant,
  campaign,
  createWorld,
  leadId,
  newLead,
  newLeads,
  phoneNumber,
  primaryPhone,
  startCampaign,
  useFreshStore,
  type OpenStore,
} from './fixtures.js';

const OTHER_ACCOUNT_ID = 'acc_0002';

/** Collects a whole list by following its cursor `limit` rows at a time. */
async function everyPage<T extends { id: string }>(
  list: (page: { after: string | null; limit: number }) => Promise<readonly T[]>,
  limit: number,
): Promise<T[]> {
  const all: T[] = [];
  for (;;) {
    const page = await list({ after: all.at(-1)?.id ?? null, limit });
    expect(page.length).toBeLessThanOrEqual(limit);
    all.push(...page);
    if (page.length < limit) return all;
  }
}

/** A second account with its own caller id, assistant and draft campaign: nothing of it may show in the first. */
async function createOtherAccount(store: Store): Promise<void> {
  await store.createAccount({ ...account(), id: OTHER_ACCOUNT_ID, name: 'Other' });
  await store.createPhoneNumber({ ...phoneNumber(), id: 'pn_0009', accountId: OTHER_ACCOUNT_ID });
  await store.createAssistant({
    ...assistant(),
    id: 'asst_0009',
    accountId: OTHER_ACCOUNT_ID,
    phoneNumberId: 'pn_0009',
  });
  await store.createCampaign({
    ...campaign({}, 'camp_0009'),
    accountId: OTHER_ACCOUNT_ID,
    assistantId: 'asst_0009',
  });
}

/** The account's catalogue (DESIGN §1): ledger, phone numbers, assistants, campaigns; paged lists by id. */
export function describeCatalog(openStore: OpenStore): void {
  describe('listLedgerEntries', () => {
    const d = useFreshStore(openStore);

    it('lists credits and call charges in the order written, a page at a time, one account only', async () => {
      const { store } = d();
      await startCampaign(store, newLeads(1), { balanceMinor: 0, minimumStartBalanceMinor: 0 });
      await createOtherAccount(store);
      const credit = (id: string, accountId: string, amountMinor: number, now: number) =>
        store.creditAccount({ id, accountId, amountMinor, note: `top-up ${id}`, now });
      await credit('led_b', ACCOUNT_ID, 10_00, T0);
      await credit('led_x', OTHER_ACCOUNT_ID, 5_00, T0);
      const callId = await d().dial(T0 + SECOND);
      const end = await d().answer(callId, T0 + 10 * SECOND, 90);
      // Written after the charge, but sorts before it by id: the order is the order written.
      await credit('led_a', ACCOUNT_ID, 1_00, end + MINUTE);

      const entries = await everyPage((page) => store.listLedgerEntries(ACCOUNT_ID, page), 1);
      expect(entries).toEqual([
        {
          id: 'led_b',
          accountId: ACCOUNT_ID,
          kind: 'credit',
          amountMinor: 10_00,
          callId: null,
          note: 'top-up led_b',
          createdAt: T0,
        },
        expect.objectContaining({
          kind: 'call_charge',
          amountMinor: -15,
          callId,
          note: null,
          createdAt: end,
        }),
        expect.objectContaining({ id: 'led_a', kind: 'credit', amountMinor: 1_00, createdAt: end + MINUTE }),
      ]);
      expect(await store.listLedgerEntries(ACCOUNT_ID, { after: null, limit: 2 })).toEqual(
        entries.slice(0, 2),
      );
      expect(await store.listLedgerEntries(OTHER_ACCOUNT_ID, { after: null, limit: 10 })).toMatchObject([
        { id: 'led_x' },
      ]);
      // Another account's entry is no cursor into this ledger.
      expect(await store.listLedgerEntries(ACCOUNT_ID, { after: 'led_x', limit: 10 })).toEqual([]);
    });
  });

  describe('phone numbers', () => {
    const d = useFreshStore(openStore);

    it('gets one and lists an account’s numbers by id', async () => {
      const { store } = d();
      await createWorld(store);
      await createOtherAccount(store);
      const second = { ...phoneNumber(), id: 'pn_0002', number: '+12125550101', label: null };
      await store.createPhoneNumber(second);
      expect(await store.getPhoneNumber(PHONE_NUMBER_ID)).toEqual(phoneNumber());
      expect(await store.getPhoneNumber('pn_missing')).toBeNull();
      expect(await everyPage((page) => store.listPhoneNumbers(ACCOUNT_ID, page), 1)).toEqual([
        phoneNumber(),
        second,
      ]);
      expect(await store.listPhoneNumbers(ACCOUNT_ID, { after: PHONE_NUMBER_ID, limit: 10 })).toEqual([
        second,
      ]);
    });

    it('refuses to delete a number an assistant calls from, and deletes it once none does', async () => {
      const { store } = d();
      await createWorld(store);
      expect(await store.deletePhoneNumber(PHONE_NUMBER_ID)).toEqual({
        ok: false,
        code: 'phone_number_in_use',
      });
      expect(await store.getPhoneNumber(PHONE_NUMBER_ID)).toEqual(phoneNumber());

      await store.updateAssistant({ ...assistant(), phoneNumberId: null });
      expect(await store.deletePhoneNumber(PHONE_NUMBER_ID)).toEqual({ ok: true });
      expect(await store.getPhoneNumber(PHONE_NUMBER_ID)).toBeNull();
      expect(await store.deletePhoneNumber(PHONE_NUMBER_ID)).toEqual({ ok: false, code: 'not_found' });
    });
  });

  describe('assistants', () => {
    const d = useFreshStore(openStore);

    it('lists an account’s assistants by id', async () => {
      const { store } = d();
      await createWorld(store);
      await createOtherAccount(store);
      const second = { ...assistant(), id: 'asst_0002', name: 'Follow-up', phoneNumberId: null };
      await store.createAssistant(second);
      expect(await everyPage((page) => store.listAssistants(ACCOUNT_ID, page), 1)).toEqual([
        assistant(),
        second,
      ]);
      expect(await store.listAssistants('acc_missing', { after: null, limit: 10 })).toEqual([]);
    });

    it('replaces the editable fields, and the very next claim dials with them', async () => {
      const { store } = d();
      await startCampaign(store, newLeads(1));
      await store.createPhoneNumber({ ...phoneNumber(), id: 'pn_0002', number: '+12125550101' });
      const edited = {
        ...assistant(),
        name: 'Receptionist v2',
        providerAssistantId: 'sim-asst-2',
        phoneNumberId: 'pn_0002',
        timezone: 'Europe/Paris',
        rate: { microPerMinute: 200_000, currency: 'USD' },
        maxCallMinutes: 12,
        variables: [{ name: 'callback_at', type: 'string' as const }],
      };
      await store.updateAssistant(edited);
      expect(await store.getAssistant(ASSISTANT_ID)).toEqual(edited);

      // 16:30 in New York is 22:30 in Paris, outside the 09:00–18:00 window.
      expect(await d().claim(T0)).toMatchObject({ attempts: [], blocked: 'outside_window' });
      await store.updateAssistant({ ...edited, timezone: 'America/New_York' });
      const { request } = await d().claimOne(T0);
      expect(request).toMatchObject({
        from: '+12125550101',
        assistant: { providerAssistantId: 'sim-asst-2', maxCallMinutes: 12, variables: edited.variables },
      });
      expect((await d().account()).reservedMinor).toBe(20);
    });
  });

  describe('campaigns', () => {
    const d = useFreshStore(openStore);

    it('lists an account’s campaigns by id', async () => {
      const { store } = d();
      await createWorld(store);
      await createOtherAccount(store);
      await store.createCampaign(campaign({}, 'camp_0002'));
      const listed = await everyPage((page) => store.listCampaigns(ACCOUNT_ID, page), 1);
      expect(listed).toEqual([campaign(), campaign({}, 'camp_0002')]);
      expect(await store.listCampaigns(OTHER_ACCOUNT_ID, { after: null, limit: 10 })).toMatchObject([
        { id: 'camp_0009' },
      ]);
    });

    it('deletes a draft campaign with its leads and contacts', async () => {
      const { store } = d();
      await createWorld(store);
      await store.addLeads(CAMPAIGN_ID, newLeads(3), T0);
      await store.createCampaign(campaign({}, 'camp_0002'));
      await store.addLeads('camp_0002', [newLead(4)], T0);

      expect(await store.deleteCampaign(CAMPAIGN_ID)).toEqual({ ok: true });
      expect(await store.getCampaign(CAMPAIGN_ID)).toBeNull();
      expect(await store.getLead(leadId(1))).toBeNull();
      expect(await store.listLeads(CAMPAIGN_ID, { status: null, after: null, limit: 10 })).toEqual([]);
      expect(await store.campaignLeadCounts(CAMPAIGN_ID)).toMatchObject({ created: 0 });
      expect(await store.listCampaignIds()).toEqual(['camp_0002']);
      expect((await d().lead(4)).lead.campaignId).toBe('camp_0002');
      expect(await store.deleteCampaign(CAMPAIGN_ID)).toEqual({ ok: false, code: 'not_found' });

      // The numbers went with their contacts: a new campaign may take them again.
      await store.createCampaign(campaign({}, 'camp_0003'));
      expect(await store.addLeads('camp_0003', newLeads(3), T0 + MINUTE)).toEqual({
        created: 3,
        duplicates: [],
        suppressed: [],
      });
      expect((await d().lead(2)).contacts).toMatchObject([{ phone: primaryPhone(2) }]);
    });

    it('refuses to delete a campaign once started, keeping everything', async () => {
      const { store } = d();
      await startCampaign(store, newLeads(2));
      await d().dial(T0);
      expect(await store.deleteCampaign(CAMPAIGN_ID)).toEqual({ ok: false, code: 'campaign_not_deletable' });
      expect((await d().campaign()).status).toBe('active');
      expect(await store.listLeads(CAMPAIGN_ID, { status: null, after: null, limit: 10 })).toHaveLength(2);
      expect(await d().calls()).toHaveLength(1);
    });
  });
}
