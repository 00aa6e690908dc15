import { describe, expect, it } from 'vitest';
import { CALL_STATUSES, type CallStatus } from '../../src/domain/call-status.js';
import type { CallTimelineQuery } from '../../src/engine/ports/store.js';
import {
  CAMPAIGN_ID,
  GOAL,
  MINUTE,
  SECOND,
  T0,
  campaign,
  createWorld,
  newLead,
  newLeads,
  startCampaign,
  useFreshStore,
  type Driver,
  type OpenStore,
} from './fixtures.js';

const OTHER_CAMPAIGN_ID = 'camp_0002';
const EVERY_DAY = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

type Outcome = 'goal' | 'voicemail' | 'busy' | 'unanswered' | 'failed' | 'dialing';

/**
 * The calls of the timeline tests, in the order placed, with how each ends. New York springs forward on
 * 2026-03-08 at 07:00Z and falls back on 2026-11-01 at 06:00Z; its local days here start at 05:00Z (EST) or
 * 04:00Z (EDT).
 */
const CALLS: readonly (readonly [placedAt: string, outcome: Outcome])[] = [
  ['2026-03-06T21:30:00Z', 'goal'], // Friday 16:30 EST (T0)
  ['2026-03-06T21:45:00Z', 'voicemail'], // Friday 16:45 EST
  ['2026-03-07T00:30:00Z', 'busy'], // Friday 19:30 EST, Saturday in UTC
  ['2026-03-08T04:30:00Z', 'unanswered'], // Saturday 23:30 EST
  ['2026-03-08T06:30:00Z', 'failed'], // Sunday 01:30 EST, before the clocks spring forward
  ['2026-03-09T03:30:00Z', 'goal'], // Sunday 23:30 EDT
  ['2026-11-01T05:30:00Z', 'busy'], // Sunday 01:30 EDT, the first time
  ['2026-11-01T06:30:00Z', 'busy'], // Sunday 01:30 EST, the second time
  ['2026-11-02T04:30:00Z', 'voicemail'], // Sunday 23:30 EST: the 25th hour of that day
  ['2026-11-02T05:30:00Z', 'dialing'], // Monday 00:30 EST
];

async function end(d: Driver, callId: string, at: number, outcome: Outcome): Promise<void> {
  switch (outcome) {
    case 'goal':
      await d.variables(callId, { [GOAL]: true }, await d.answer(callId, at + SECOND, 60));
      return;
    case 'voicemail':
      await d.answer(callId, at + SECOND, 20, 'machine');
      return;
    case 'busy':
    case 'unanswered':
      await d.status(callId, outcome, at + SECOND);
      return;
    case 'failed':
      await d.status(callId, 'failed', at + SECOND, { failureReason: 'carrier_error' });
      return;
    case 'dialing':
      return;
  }
}

/** A campaign dialing around the clock with the calls of CALLS, and a call of another campaign. */
async function dialCalls(d: Driver): Promise<void> {
  const options = {
    settings: {
      goal: GOAL,
      schedule: { startTime: '00:00', endTime: '24:00', days: EVERY_DAY },
      retry: { maxRetries: 1 },
    },
  };
  await startCampaign(d.store, newLeads(CALLS.length), options);
  await d.store.createCampaign(campaign(options, OTHER_CAMPAIGN_ID));
  await d.store.addLeads(OTHER_CAMPAIGN_ID, [newLead(101)], T0);
  await d.store.transitionCampaign({
    campaignId: OTHER_CAMPAIGN_ID,
    action: 'start',
    now: T0,
    providerConfigured: true,
  });
  for (const [placedAt, outcome] of CALLS) {
    const at = Date.parse(placedAt);
    await end(d, await d.dial(at), at, outcome);
  }
  // In the hour of the last call: counted there, it would show.
  const otherAt = Date.parse(CALLS.at(-1)![0]) + 5 * MINUTE;
  const other = await d.claim(otherAt, { campaignId: OTHER_CAMPAIGN_ID, maxClaims: 1 });
  await d.place(other.attempts[0]!.request.callId, otherAt);
}

/** A bucket as expected: its start and its non-zero counts. */
const bucket = (
  start: string,
  calls: Partial<Record<CallStatus, number>>,
  more: { voicemail?: number; goalAchieved?: number } = {},
) => ({
  start: Date.parse(start),
  callsByStatus: { ...Object.fromEntries(CALL_STATUSES.map((s) => [s, 0])), ...calls },
  voicemail: more.voicemail ?? 0,
  goalAchieved: more.goalAchieved ?? 0,
});

/** `campaignStats` (the report with the newest event's seq) and `callTimeline` (calls over time). */
export function describeCampaignStats(openStore: OpenStore): void {
  describe('campaignStats', () => {
    const d = useFreshStore(openStore);

    it('is the report with the seq of the campaign’s newest event, 0 before any', async () => {
      const { store } = d();
      await createWorld(store);
      await store.addLeads(CAMPAIGN_ID, newLeads(2), T0);
      expect(await store.campaignStats(CAMPAIGN_ID)).toEqual({
        ...(await store.campaignReport(CAMPAIGN_ID)),
        lastEventSeq: 0,
      });

      await store.transitionCampaign({
        campaignId: CAMPAIGN_ID,
        action: 'start',
        now: T0,
        providerConfigured: true,
      });
      await d().answer(await d().dial(T0), T0 + 10 * SECOND, 30);
      // Another campaign's events come later and do not count.
      await store.createCampaign(campaign({}, OTHER_CAMPAIGN_ID));
      await store.addLeads(OTHER_CAMPAIGN_ID, [newLead(101)], T0);
      await store.transitionCampaign({
        campaignId: OTHER_CAMPAIGN_ID,
        action: 'start',
        now: T0 + MINUTE,
        providerConfigured: true,
      });

      const events = await store.listEvents({ campaignId: CAMPAIGN_ID, after: 0, limit: 100 });
      const stats = await store.campaignStats(CAMPAIGN_ID);
      expect(stats).toEqual({
        ...(await store.campaignReport(CAMPAIGN_ID)),
        lastEventSeq: events.at(-1)!.seq,
      });
      expect(
        await store.listEvents({ campaignId: CAMPAIGN_ID, after: stats.lastEventSeq, limit: 100 }),
      ).toEqual([]);
      const otherSeq = (await store.campaignStats(OTHER_CAMPAIGN_ID)).lastEventSeq;
      expect(otherSeq).toBeGreaterThan(stats.lastEventSeq);
      expect((await store.campaignStats('camp_missing')).lastEventSeq).toBe(0);
    });
  });

  describe('callTimeline', () => {
    const d = useFreshStore(openStore);
    const timeline = (query: Partial<CallTimelineQuery> = {}) =>
      d().store.callTimeline({
        campaignId: CAMPAIGN_ID,
        bucket: 'hour',
        timezone: 'America/New_York',
        limit: 500,
        ...query,
      });

    it('counts calls by the UTC hour they were placed in, oldest first, only hours with calls', async () => {
      await dialCalls(d());
      expect(await timeline()).toEqual([
        bucket('2026-03-06T21:00:00Z', { completed: 2 }, { voicemail: 1, goalAchieved: 1 }),
        bucket('2026-03-07T00:00:00Z', { busy: 1 }),
        bucket('2026-03-08T04:00:00Z', { unanswered: 1 }),
        bucket('2026-03-08T06:00:00Z', { failed: 1 }),
        bucket('2026-03-09T03:00:00Z', { completed: 1 }, { goalAchieved: 1 }),
        bucket('2026-11-01T05:00:00Z', { busy: 1 }),
        bucket('2026-11-01T06:00:00Z', { busy: 1 }),
        bucket('2026-11-02T04:00:00Z', { completed: 1 }, { voicemail: 1 }),
        bucket('2026-11-02T05:00:00Z', { initiated: 1 }),
      ]);
    });

    it('counts calls by local day, midnight to midnight across both DST changes', async () => {
      await dialCalls(d());
      expect(await timeline({ bucket: 'day' })).toEqual([
        bucket('2026-03-06T05:00:00Z', { completed: 2, busy: 1 }, { voicemail: 1, goalAchieved: 1 }),
        bucket('2026-03-07T05:00:00Z', { unanswered: 1 }),
        // 23 hours long: it started in EST and ended in EDT.
        bucket('2026-03-08T05:00:00Z', { failed: 1, completed: 1 }, { goalAchieved: 1 }),
        // 25 hours long: 01:30 happened twice, and 23:30 is its 25th hour.
        bucket('2026-11-01T04:00:00Z', { busy: 2, completed: 1 }, { voicemail: 1 }),
        bucket('2026-11-02T05:00:00Z', { initiated: 1 }),
      ]);
    });

    it('takes the days of the zone it is given, half-hour offsets included', async () => {
      await dialCalls(d());
      const days = await timeline({ bucket: 'day', timezone: 'Asia/Kolkata' });
      expect(days.map((b) => [new Date(b.start).toISOString(), b.callsByStatus])).toEqual([
        ['2026-03-06T18:30:00.000Z', expect.objectContaining({ completed: 2, busy: 1 })],
        ['2026-03-07T18:30:00.000Z', expect.objectContaining({ unanswered: 1, failed: 1 })],
        ['2026-03-08T18:30:00.000Z', expect.objectContaining({ completed: 1 })],
        ['2026-10-31T18:30:00.000Z', expect.objectContaining({ busy: 2 })],
        ['2026-11-01T18:30:00.000Z', expect.objectContaining({ completed: 1, initiated: 1 })],
      ]);
    });

    it('keeps only the newest buckets when there are more than the limit', async () => {
      await dialCalls(d());
      expect((await timeline({ limit: 2 })).map((b) => b.start)).toEqual([
        Date.parse('2026-11-02T04:00:00Z'),
        Date.parse('2026-11-02T05:00:00Z'),
      ]);
      expect((await timeline({ bucket: 'day', limit: 2 })).map((b) => b.start)).toEqual([
        Date.parse('2026-11-01T04:00:00Z'),
        Date.parse('2026-11-02T05:00:00Z'),
      ]);
    });

    it('is empty for a campaign without calls', async () => {
      await createWorld(d().store);
      expect(await timeline()).toEqual([]);
      expect(await timeline({ bucket: 'day', campaignId: 'camp_missing' })).toEqual([]);
    });
  });
}
