import { describe, expect, it } from 'vitest';
import { CALL_STATUSES, type CallStatus } from '../../src/domain/call-status.js';
import { LEAD_STATUSES, type LeadStatus } from '../../src/domain/lead-status.js';
import type { CampaignReport, Store } from '../../src/engine/ports/store.js';
import {
  CAMPAIGN_ID,
  GOAL,
  MINUTE,
  SECOND,
  T0,
  campaign,
  createWorld,
  leadId,
  newLead,
  newLeads,
  primaryPhone,
  secondaryPhone,
  useFreshStore,
  type Driver,
  type OpenStore,
} from './fixtures.js';

/** A draft campaign beside the fixture's, deleted at the end of the script. */
export const DRAFT_ID = 'camp_0002';

/**
 * A whole campaign through every path that changes a lead's or a call's status, cost or goal: adds, the start,
 * claims, an abandoned attempt, events with every kind of outcome (with a replay and a stale one), a
 * reconciliation, a reset and a manual completion, a refused and an accepted delete. `check` runs after each step.
 */
export async function playCountedCampaign(d: Driver, check: (step: string) => Promise<void>): Promise<void> {
  const { store } = d;
  await createWorld(store, { settings: { goal: GOAL, retry: { maxRetries: 2 }, maxConcurrentCalls: 10 } });
  const leads = [...newLeads(5), newLead(6, [primaryPhone(6), secondaryPhone(6)])];
  await store.addLeads(CAMPAIGN_ID, leads, T0);
  await store.createCampaign(campaign({}, DRAFT_ID));
  await store.addLeads(DRAFT_ID, [newLead(101), newLead(102)], T0);
  await check('leads added');

  await store.transitionCampaign({
    campaignId: CAMPAIGN_ID,
    action: 'start',
    now: T0,
    providerConfigured: true,
  });
  await check('started');

  const first = await d.claim(T0, { maxClaims: 6 });
  expect(first.attempts).toHaveLength(6);
  const callOf = new Map(first.attempts.map((a) => [a.leadId, a.request.callId]));
  const call = (n: number) => callOf.get(leadId(n))!;
  await check('claimed');

  await store.abandonAttempt(call(5), T0 + 5 * SECOND, T0 + 100);
  for (const n of [1, 2, 3, 4, 6]) await d.place(call(n), T0);
  await check('abandoned');

  await d.status(call(1), 'ringing', T0 + 2 * SECOND);
  const end1 = await d.answer(call(1), T0 + 10 * SECOND, 90);
  await d.variables(call(1), { [GOAL]: true }, end1 + SECOND);
  await d.answer(call(2), T0 + 15 * SECOND, 30, 'machine');
  await d.status(call(3), 'busy', T0 + 3 * SECOND, { eventId: 'busy_3' });
  await d.status(call(3), 'busy', T0 + 3 * SECOND, { eventId: 'busy_3' });
  await d.status(call(4), 'failed', T0 + SECOND, { failureReason: 'invalid_number' });
  await d.status(call(6), 'unanswered', T0 + 30 * SECOND);
  await d.status(call(6), 'ringing', T0 + 20 * SECOND);
  await check('first calls ended');

  const later = T0 + MINUTE;
  await store.overrideLeadStatus(leadId(1), 'created', later);
  await store.overrideLeadStatus(leadId(3), 'created', later);
  await store.overrideLeadStatus(leadId(2), 'completed', later);
  await check('overrides');

  const second = await d.claim(later, { maxClaims: 10 });
  for (const a of second.attempts) {
    callOf.set(a.leadId, a.request.callId);
    await d.place(a.request.callId, later);
  }
  const end2 = await d.answer(call(1), later + 10 * SECOND, 61);
  await d.variables(call(1), { [GOAL]: false }, end2);
  const lostAt = later + 40 * MINUTE;
  const lost = { answeredBy: null, failureReason: 'lost', answeredAt: null, billedSeconds: null } as const;
  await store.resolveCall(call(5), { ...lost, status: 'failed', endedAt: lostAt }, lostAt);
  await d.status(call(6), 'in_progress', later + 20 * SECOND);
  await d.status(call(3), 'busy', later + 4 * SECOND);
  await check('second calls');

  expect(await store.deleteCampaign(CAMPAIGN_ID)).toEqual({ ok: false, code: 'campaign_not_deletable' });
  expect(await store.deleteCampaign(DRAFT_ID)).toEqual({ ok: true });
  await check('draft deleted');
}

type Counts = Omit<CampaignReport, 'inFlight'>;

const zeros = <S extends string>(statuses: readonly S[]) =>
  Object.fromEntries(statuses.map((s) => [s, 0])) as Record<S, number>;

/** The report's figures counted afresh from the campaign's leads and calls, through the port's lists. */
async function recount(store: Store, campaignId: string): Promise<Counts> {
  const leads = await store.listLeads(campaignId, { status: null, after: null, limit: 1000 });
  const calls = await store.listCalls(campaignId, { after: null, limit: 1000 });
  const leadsByStatus = zeros<LeadStatus>(LEAD_STATUSES);
  for (const lead of leads) leadsByStatus[lead.status] += 1;
  const callsByStatus = zeros<CallStatus>(CALL_STATUSES);
  for (const c of calls) callsByStatus[c.status] += 1;
  return {
    leadsByStatus,
    callsByStatus,
    voicemail: calls.filter((c) => c.status === 'completed' && c.answeredBy === 'machine').length,
    goalAchieved: calls.filter((c) => c.goal === true).length,
    costMinor: calls.reduce((sum, c) => sum + c.costMinor, 0),
  };
}

/** campaignLeadCounts and campaignReport read counters kept with every change (DESIGN §8): they must stay exact. */
export function describeCounters(openStore: OpenStore): void {
  describe('campaign counters', () => {
    const d = useFreshStore(openStore);

    it('campaignLeadCounts counts a campaign’s leads by status, zeros for an unknown campaign', async () => {
      const { store } = d();
      expect(await store.campaignLeadCounts('camp_missing')).toEqual(zeros(LEAD_STATUSES));
      await createWorld(store);
      await store.addLeads(CAMPAIGN_ID, newLeads(3), T0);
      expect(await store.campaignLeadCounts(CAMPAIGN_ID)).toEqual({ ...zeros(LEAD_STATUSES), created: 3 });
      await store.transitionCampaign({
        campaignId: CAMPAIGN_ID,
        action: 'start',
        now: T0,
        providerConfigured: true,
      });
      await d().claim(T0, { maxClaims: 1 });
      expect(await store.campaignLeadCounts(CAMPAIGN_ID)).toEqual({
        ...zeros(LEAD_STATUSES),
        scheduled: 2,
        processing: 1,
      });
    });

    it('match a fresh count of the leads and calls after every step of a whole campaign', async () => {
      const { store } = d();
      await playCountedCampaign(d(), async (step) => {
        for (const campaignId of [CAMPAIGN_ID, DRAFT_ID]) {
          const report = await store.campaignReport(campaignId);
          const fresh = { ...(await recount(store, campaignId)), inFlight: report.inFlight };
          expect(report, `${campaignId} after: ${step}`).toEqual(fresh);
          expect(await store.campaignLeadCounts(campaignId)).toEqual(report.leadsByStatus);
        }
      });
      // The script did reach every kind of figure, so the comparison above compared something.
      expect(await store.campaignReport(CAMPAIGN_ID)).toEqual({
        leadsByStatus: {
          ...zeros(LEAD_STATUSES),
          processing: 1,
          rescheduled: 2,
          completed: 2,
          max_retries: 1,
        },
        callsByStatus: {
          ...zeros(CALL_STATUSES),
          in_progress: 1,
          completed: 3,
          busy: 2,
          failed: 2,
          unanswered: 1,
        },
        voicemail: 1,
        goalAchieved: 1,
        costMinor: 15 + 5 + 11,
        inFlight: 1,
      });
    });
  });
}
