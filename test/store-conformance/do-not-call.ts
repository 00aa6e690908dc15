import { describe, expect, it } from 'vitest';
import {
  ACCOUNT_ID,
  CAMPAIGN_ID,
  MINUTE,
  SECOND,
  T0,
  account,
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

const OTHER_ACCOUNT_ID = 'acc_0009';

/** The account's do-not-call list (DESIGN §2.4): kept, checked when leads are added and right before each dial. */
export function describeDoNotCall(openStore: OpenStore): void {
  describe('the do-not-call list', () => {
    const d = useFreshStore(openStore);
    const add = (
      phones: readonly string[],
      source: 'api' | 'import' = 'api',
      now = T0,
      accountId = ACCOUNT_ID,
    ) => d().store.addToDoNotCallList({ accountId, phones, source, note: `by ${source}`, now });

    it('adds numbers once: a number already listed, or given twice, keeps its first entry', async () => {
      const { store } = d();
      await createWorld(store);
      expect(await add([primaryPhone(1), primaryPhone(2), primaryPhone(1)])).toEqual({
        added: 2,
        alreadyListed: 1,
      });
      expect(await add([primaryPhone(2), primaryPhone(3)], 'import', T0 + MINUTE)).toEqual({
        added: 1,
        alreadyListed: 1,
      });
      expect(await store.getDoNotCallEntry(ACCOUNT_ID, primaryPhone(2))).toEqual({
        accountId: ACCOUNT_ID,
        phone: primaryPhone(2),
        source: 'api',
        note: 'by api',
        createdAt: T0,
      });
      expect(await store.getDoNotCallEntry(ACCOUNT_ID, primaryPhone(3))).toMatchObject({
        source: 'import',
        createdAt: T0 + MINUTE,
      });
      expect(await store.getDoNotCallEntry(ACCOUNT_ID, primaryPhone(4))).toBeNull();
    });

    it("lists an account's numbers in number order, a page at a time, and no other account's", async () => {
      const { store } = d();
      await createWorld(store);
      await store.createAccount({ ...account(), id: OTHER_ACCOUNT_ID });
      await add([secondaryPhone(1), primaryPhone(2), primaryPhone(1)]);
      await add([primaryPhone(9), primaryPhone(1)], 'api', T0, OTHER_ACCOUNT_ID);
      const first = await store.listDoNotCallEntries(ACCOUNT_ID, { after: null, limit: 2 });
      expect(first.map((e) => e.phone)).toEqual([primaryPhone(1), primaryPhone(2)]);
      const second = await store.listDoNotCallEntries(ACCOUNT_ID, { after: primaryPhone(2), limit: 2 });
      expect(second.map((e) => e.phone)).toEqual([secondaryPhone(1)]);
      expect(await store.getDoNotCallEntry(OTHER_ACCOUNT_ID, primaryPhone(2))).toBeNull();
      expect(
        (await store.listDoNotCallEntries(OTHER_ACCOUNT_ID, { after: null, limit: 10 })).map((e) => e.phone),
      ).toEqual([primaryPhone(1), primaryPhone(9)]);
    });

    it('removes a number, and says when it was not listed', async () => {
      const { store } = d();
      await createWorld(store);
      await store.createAccount({ ...account(), id: OTHER_ACCOUNT_ID });
      await add([primaryPhone(1)]);
      expect(await store.removeFromDoNotCallList(OTHER_ACCOUNT_ID, primaryPhone(1))).toBe(false);
      expect(await store.removeFromDoNotCallList(ACCOUNT_ID, primaryPhone(1))).toBe(true);
      expect(await store.removeFromDoNotCallList(ACCOUNT_ID, primaryPhone(1))).toBe(false);
      expect(await store.getDoNotCallEntry(ACCOUNT_ID, primaryPhone(1))).toBeNull();
    });
  });

  describe('addLeads and the do-not-call list', () => {
    const d = useFreshStore(openStore);

    it('leaves listed numbers out and reports them; a lead left with no number is not created', async () => {
      const { store } = d();
      await createWorld(store);
      await store.addLeads(CAMPAIGN_ID, [newLead(1)], T0);
      await store.addToDoNotCallList({
        accountId: ACCOUNT_ID,
        phones: [primaryPhone(1), primaryPhone(2), primaryPhone(3)],
        source: 'api',
        note: null,
        now: T0,
      });
      const result = await store.addLeads(
        CAMPAIGN_ID,
        [
          newLead(2, [primaryPhone(2), secondaryPhone(2)]), // keeps its secondary, now its primary
          newLead(3), // its only number is listed: not created
          newLead(4, [primaryPhone(1)]), // in the campaign already: a duplicate, not suppressed
          newLead(5, [primaryPhone(3), primaryPhone(5)]), // named by lead 3 first: a duplicate
        ],
        T0,
      );
      expect(result).toEqual({
        created: 2,
        duplicates: [
          { index: 2, phone: primaryPhone(1) },
          { index: 3, phone: primaryPhone(3) },
        ],
        suppressed: [
          { index: 0, phone: primaryPhone(2) },
          { index: 1, phone: primaryPhone(3) },
        ],
      });
      expect((await d().lead(2)).contacts.map((c) => [c.id, c.position, c.phone])).toEqual([
        [contactId(2, 1), 0, secondaryPhone(2)],
      ]);
      expect(await store.getLead(leadId(3))).toBeNull();
      expect(await store.getLead(leadId(4))).toBeNull();
      expect((await d().lead(5)).contacts.map((c) => c.phone)).toEqual([primaryPhone(5)]);
      expect((await store.campaignReport(CAMPAIGN_ID)).leadsByStatus.created).toBe(3);
    });

    it('suppresses the same in a batch large enough to be staged in bulk', async () => {
      const { store } = d();
      await createWorld(store);
      // 2,500 contacts: past the size at which a store may stage a batch differently (PostgreSQL: COPY).
      const leads = Array.from({ length: 2_500 }, (_, i) => newLead(i + 1));
      const listed = leads.filter((_, i) => i % 10 === 0).map((lead) => lead.contacts[0]!.phone);
      await store.addToDoNotCallList({
        accountId: ACCOUNT_ID,
        phones: listed,
        source: 'import',
        note: null,
        now: T0,
      });
      const result = await store.addLeads(CAMPAIGN_ID, leads, T0);
      expect(result.created).toBe(2_250);
      expect(result.duplicates).toEqual([]);
      expect(result.suppressed).toEqual(listed.map((phone, n) => ({ index: n * 10, phone })));
      expect(await store.getLead(leadId(1))).toBeNull();
      expect((await d().lead(2)).contacts.map((c) => c.phone)).toEqual([primaryPhone(2)]);
    });

    it("checks the campaign's own account's list only", async () => {
      const { store } = d();
      await createWorld(store);
      await store.createAccount({ ...account(), id: OTHER_ACCOUNT_ID });
      await store.addToDoNotCallList({
        accountId: OTHER_ACCOUNT_ID,
        phones: [primaryPhone(1)],
        source: 'api',
        note: null,
        now: T0,
      });
      expect(await store.addLeads(CAMPAIGN_ID, [newLead(1)], T0)).toEqual({
        created: 1,
        duplicates: [],
        suppressed: [],
      });
    });
  });

  describe('the claim and the do-not-call list', () => {
    const d = useFreshStore(openStore);
    const list = (...phones: string[]) =>
      d().store.addToDoNotCallList({ accountId: ACCOUNT_ID, phones, source: 'api', note: null, now: T0 });

    it('never dials a number listed after import: its contact is dead and the next one is dialed at once', async () => {
      await startCampaign(d().store, [newLead(1, [primaryPhone(1), secondaryPhone(1)])]);
      await list(primaryPhone(1));
      const attempt = await d().claimOne(T0);
      expect(attempt.request).toMatchObject({ to: secondaryPhone(1), attempt: 1 });
      const { lead, contacts } = await d().lead(1);
      expect(lead).toMatchObject({ status: 'processing', nextContactId: contactId(1, 1) });
      expect(contacts.map((c) => [c.phone, c.dead, c.attempts, c.lastResult])).toEqual([
        [primaryPhone(1), true, 0, 'do_not_call'],
        [secondaryPhone(1), false, 1, null],
      ]);

      // The next round starts with the first live contact: the listed one stays out for good.
      await d().place(attempt.request.callId, T0);
      await d().status(attempt.request.callId, 'busy', T0 + 5 * SECOND);
      const nextRound = T0 + 5 * SECOND + 60 * MINUTE;
      expect((await d().lead(1)).lead).toMatchObject({ status: 'rescheduled', nextAttemptAt: nextRound });
      expect((await d().claimOne(nextRound)).request).toMatchObject({ to: secondaryPhone(1), attempt: 2 });
    });

    it('ends a lead whose every number is listed as max_retries, with no call, and completes the campaign', async () => {
      await startCampaign(d().store, [newLead(1, [primaryPhone(1), secondaryPhone(1)])]);
      await list(primaryPhone(1), secondaryPhone(1));
      expect(await d().claim(T0)).toMatchObject({ attempts: [], blocked: 'no_due_leads' });
      const { lead, contacts } = await d().lead(1);
      expect(lead).toMatchObject({ status: 'max_retries', nextAttemptAt: null, completionReason: null });
      expect(contacts.map((c) => c.lastResult)).toEqual(['do_not_call', 'do_not_call']);
      expect(await d().calls()).toEqual([]);
      expect((await d().account()).reservedMinor).toBe(0);
      expect((await d().campaign()).status).toBe('completed');
    });

    it('dials a number taken off the list before its turn came', async () => {
      await startCampaign(d().store, [newLead(1)]);
      await list(primaryPhone(1));
      await d().store.removeFromDoNotCallList(ACCOUNT_ID, primaryPhone(1));
      expect((await d().claimOne(T0)).request.to).toBe(primaryPhone(1));
    });
  });
}
