import { describe, expect, it } from 'vitest';
import type { CampaignSettings } from '../../src/domain/settings.js';
import {
  CAMPAIGN_ID,
  FRIDAY_1830_NY,
  GOAL,
  MONDAY_0900_EDT,
  SECOND,
  T0,
  campaign,
  createWorld,
  leadId,
  newLead,
  newLeads,
  primaryPhone,
  startCampaign,
  useFreshStore,
  type OpenStore,
} from './fixtures.js';

const OTHER_CAMPAIGN_ID = 'camp_0002';

/** The read side (outbox, report, call log) and settings edits that the next decision sees. */
export function describeReads(openStore: OpenStore): void {
  describe('listLeads', () => {
    const d = useFreshStore(openStore);

    it("pages a campaign's leads in creation order, optionally of one status", async () => {
      const { store } = d();
      await startCampaign(store, newLeads(5));
      await store.overrideLeadStatus(leadId(2), 'completed', T0 + SECOND);
      await store.overrideLeadStatus(leadId(4), 'completed', T0 + SECOND);

      const first = await store.listLeads(CAMPAIGN_ID, { status: null, after: null, limit: 3 });
      const rest = await store.listLeads(CAMPAIGN_ID, { status: null, after: first.at(-1)!.id, limit: 3 });
      expect([...first, ...rest].map((l) => l.id)).toEqual([1, 2, 3, 4, 5].map(leadId));
      const completed = await store.listLeads(CAMPAIGN_ID, { status: 'completed', after: null, limit: 10 });
      expect(completed.map((l) => [l.id, l.completionReason])).toEqual([
        [leadId(2), 'manual'],
        [leadId(4), 'manual'],
      ]);
      expect(await store.listLeads(OTHER_CAMPAIGN_ID, { status: null, after: null, limit: 10 })).toEqual([]);
    });
  });

  describe('listEvents', () => {
    const d = useFreshStore(openStore);

    it('returns the outbox in the order written, per campaign, paged by seq', async () => {
      const { store } = d();
      await startCampaign(store, [newLead(1)]);
      await store.createCampaign(campaign({}, OTHER_CAMPAIGN_ID));
      await store.addLeads(OTHER_CAMPAIGN_ID, [newLead(101)], T0);
      await store.transitionCampaign({
        campaignId: OTHER_CAMPAIGN_ID,
        action: 'start',
        now: T0 + 500,
        providerConfigured: true,
      });
      const callId = await d().dial(T0 + SECOND);
      const end = await d().answer(callId, T0 + 10 * SECOND, 30);

      const all = await store.listEvents({ campaignId: CAMPAIGN_ID, after: 0, limit: 100 });
      expect(all.map((e) => [e.type, e.createdAt])).toEqual([
        ['campaign.started', T0],
        ['lead.status_changed', T0 + SECOND],
        ['call.ended', end],
        ['lead.status_changed', end],
        ['campaign.completed', end],
      ]);
      expect(all[1]?.payload).toMatchObject({ leadId: leadId(1), from: 'scheduled', to: 'processing' });
      expect(all[3]?.payload).toMatchObject({ leadId: leadId(1), from: 'processing', to: 'completed' });
      for (const event of all)
        expect(event).toMatchObject({ accountId: 'acc_0001', campaignId: CAMPAIGN_ID });

      const paged = [];
      let after = 0;
      for (let pages = 0; pages <= all.length; pages += 1) {
        const page = await store.listEvents({ campaignId: CAMPAIGN_ID, after, limit: 2 });
        if (page.length === 0) break;
        expect(page.length).toBeLessThanOrEqual(2);
        paged.push(...page);
        after = page.at(-1)!.seq;
      }
      expect(paged).toEqual(all);

      const everyCampaign = await store.listEvents({ campaignId: null, after: 0, limit: 100 });
      expect(everyCampaign.map((e) => e.seq)).toEqual(
        [...everyCampaign.map((e) => e.seq)].sort((a, b) => a - b),
      );
      expect(everyCampaign.filter((e) => e.campaignId === OTHER_CAMPAIGN_ID).map((e) => e.type)).toEqual([
        'campaign.started',
      ]);
      expect(everyCampaign).toHaveLength(all.length + 1);
      expect(await store.lastActivityAt()).toBe(end);
    });

    it('has no activity before anything happened', async () => {
      await createWorld(d().store);
      expect(await d().store.lastActivityAt()).toBeNull();
      expect(await d().store.listEvents({ campaignId: null, after: 0, limit: 10 })).toEqual([]);
    });
  });

  describe('campaignReport', () => {
    const d = useFreshStore(openStore);

    it('counts every lead and call status (zeros included), voicemail, goals and cost', async () => {
      await startCampaign(d().store, newLeads(5), {
        settings: { goal: GOAL, retry: { onVoicemail: false } },
      });
      const claimed = await d().claim(T0, { maxClaims: 5 });
      const callOf = new Map(claimed.attempts.map((a) => [a.leadId, a.request.callId]));
      const call = (n: number) => callOf.get(leadId(n))!;
      for (const n of [1, 2, 3, 5]) await d().place(call(n), T0);

      const goalEnd = await d().answer(call(1), T0 + 10 * SECOND, 90); // 0.15
      await d().variables(call(1), { [GOAL]: true }, goalEnd);
      await d().answer(call(2), T0 + 15 * SECOND, 30, 'machine'); // 0.05, voicemail
      await d().status(call(3), 'busy', T0 + 3 * SECOND);
      await d().status(call(5), 'failed', T0 + SECOND, { failureReason: 'invalid_number' });
      // lead 4's call is still dialing

      expect(await d().store.campaignReport(CAMPAIGN_ID)).toEqual({
        leadsByStatus: {
          created: 0,
          scheduled: 0,
          processing: 1,
          rescheduled: 1,
          completed: 2,
          max_retries: 1,
        },
        callsByStatus: {
          initiated: 1,
          ringing: 0,
          in_progress: 0,
          completed: 2,
          busy: 1,
          unanswered: 0,
          failed: 1,
        },
        voicemail: 1,
        goalAchieved: 1,
        costMinor: 20,
        inFlight: 1,
      });
    });

    it('reports zeros for a campaign with no calls', async () => {
      await createWorld(d().store);
      await d().store.addLeads(CAMPAIGN_ID, newLeads(2), T0);
      const report = await d().store.campaignReport(CAMPAIGN_ID);
      expect(report.leadsByStatus).toEqual({
        created: 2,
        scheduled: 0,
        processing: 0,
        rescheduled: 0,
        completed: 0,
        max_retries: 0,
      });
      expect(Object.values(report.callsByStatus)).toEqual([0, 0, 0, 0, 0, 0, 0]);
      expect(report).toMatchObject({ voicemail: 0, goalAchieved: 0, costMinor: 0, inFlight: 0 });
    });
  });

  describe('listCalls', () => {
    const d = useFreshStore(openStore);

    it('pages a campaign’s calls in the order they were placed, with lead and contact', async () => {
      await startCampaign(d().store, newLeads(3));
      for (let i = 0; i < 3; i += 1) await d().claimOne(T0 + i * SECOND);
      const { store } = d();
      const first = await store.listCalls(CAMPAIGN_ID, { after: null, limit: 2 });
      expect(first.map((c) => [c.id, c.placedAt])).toEqual([
        ['call_0001', T0],
        ['call_0002', T0 + SECOND],
      ]);
      const second = await store.listCalls(CAMPAIGN_ID, { after: first[1]!.id, limit: 2 });
      expect(second.map((c) => [c.id, c.placedAt])).toEqual([['call_0003', T0 + 2 * SECOND]]);
      expect(await store.listCalls(CAMPAIGN_ID, { after: 'call_0003', limit: 2 })).toEqual([]);
      const n = Number(second[0]!.leadId.slice('lead_'.length));
      expect(second[0]).toMatchObject({
        leadName: `Lead ${n}`,
        contactPhone: primaryPhone(n),
        contactPosition: 0,
      });
      expect(await store.listCalls(OTHER_CAMPAIGN_ID, { after: null, limit: 10 })).toEqual([]);
    });

    it('pages them newest first when asked, as a log is read', async () => {
      await startCampaign(d().store, newLeads(3));
      for (let i = 0; i < 3; i += 1) await d().claimOne(T0 + i * SECOND);
      const newest = (after: string | null) =>
        d().store.listCalls(CAMPAIGN_ID, { after, limit: 2, newestFirst: true });
      const first = await newest(null);
      expect(first.map((c) => c.id)).toEqual(['call_0003', 'call_0002']);
      expect((await newest('call_0002')).map((c) => c.id)).toEqual(['call_0001']);
      expect(await newest('call_0001')).toEqual([]);
    });
  });

  describe('updateCampaignSettings', () => {
    const d = useFreshStore(openStore);
    const edit = async (change: (s: CampaignSettings) => CampaignSettings, now: number) => {
      const current = (await d().campaign()).settings;
      await d().store.updateCampaignSettings(CAMPAIGN_ID, change(current), now);
      expect((await d().campaign()).settings).toEqual(change(current));
    };

    it('applies a narrower window to the very next claim', async () => {
      await startCampaign(d().store, newLeads(2));
      await edit((s) => ({ ...s, schedule: { ...s.schedule, endTime: '16:00' } }), T0);
      expect(await d().claim(T0)).toEqual({
        attempts: [],
        blocked: 'outside_window',
        nextCheckAt: MONDAY_0900_EDT,
      });
    });

    it('applies a wider window to the very next claim', async () => {
      await startCampaign(d().store, newLeads(1));
      expect(await d().claim(FRIDAY_1830_NY)).toMatchObject({ attempts: [], blocked: 'outside_window' });
      await edit((s) => ({ ...s, schedule: { ...s.schedule, endTime: '20:00' } }), FRIDAY_1830_NY);
      expect((await d().claim(FRIDAY_1830_NY)).attempts).toHaveLength(1);
    });

    it('applies a lower maxConcurrentCalls to the very next claim', async () => {
      await startCampaign(d().store, newLeads(3));
      await d().claimOne(T0);
      await edit((s) => ({ ...s, maxConcurrentCalls: 1 }), T0 + SECOND);
      expect(await d().claim(T0 + SECOND)).toEqual({
        attempts: [],
        blocked: 'concurrency_full',
        nextCheckAt: null,
      });
    });
  });
}
