import { describe, expect, it } from 'vitest';
import { ADMIN_KEY, START, useApi } from './api-harness.js';
import { advanceClock, expectProblem } from './fixtures.js';
import { expectFieldErrors, startedCampaign } from './input-fixtures.js';

/** The test clock of `serve --clock virtual` (issue 3): read it, move it, and the engine keeps up in order. */

const at = (offsetMs: number) => new Date(START + offsetMs).toISOString();
const SECOND = 1000;
const MINUTE = 60 * SECOND;

describe('the virtual clock', () => {
  const api = useApi();
  const advance = (body: unknown, key: string | null = ADMIN_KEY) =>
    api().call('POST', '/v1/clock/advance', { key, body });

  it('tells the time to the operator and to accounts', async () => {
    const { key } = await api().account();
    for (const caller of [ADMIN_KEY, key]) {
      const clock = await api().call('GET', '/v1/clock', { key: caller });
      expect(clock.status).toBe(200);
      expect(clock.body).toEqual({ now: at(0), virtual: true });
    }
    expect((await api().call('GET', '/v1/clock')).status).toBe(401);
  });

  it('moves forward by minutes or to an instant, and stays there', async () => {
    const byMinutes = await advance({ minutes: 90 });
    expect(byMinutes.status).toBe(200);
    expect(byMinutes.body).toEqual({ now: at(90 * MINUTE), virtual: true });

    // Monday 09:00 in New York, after the switch to daylight saving time (Sunday 8 March 2026).
    const toInstant = await advance({ to: '2026-03-09T09:00:00-04:00' });
    expect(toInstant.body).toEqual({ now: '2026-03-09T13:00:00.000Z', virtual: true });
    // To the current instant is not going back: nothing to do, but not refused.
    expect((await advance({ to: '2026-03-09T13:00:00Z' })).status).toBe(200);
    expect((await api().call('GET', '/v1/clock', { key: ADMIN_KEY })).body.now).toBe(
      '2026-03-09T13:00:00.000Z',
    );
  });

  it('runs concurrent advances one after the other', async () => {
    const answers = await Promise.all([advance({ minutes: 10 }), advance({ minutes: 20 })]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    // Whichever ran first, the second started from where the first stopped.
    expect(answers.map((a) => a.body.now).sort()).toContain(at(30 * MINUTE));
    expect((await api().call('GET', '/v1/clock', { key: ADMIN_KEY })).body.now).toBe(at(30 * MINUTE));
  });

  it('refuses both or neither of minutes and to, and a time in the past', async () => {
    expectFieldErrors(await advance({ minutes: 5, to: at(10 * MINUTE) }), [
      { path: '', message: 'must give exactly one of "minutes" and "to", got both' },
    ]);
    expectFieldErrors(await advance({}), [
      { path: '', message: 'must give exactly one of "minutes" and "to", got neither' },
    ]);
    expectFieldErrors(await advance({ to: '2026-03-06T13:59:00-05:00' }), [
      {
        path: 'to',
        message: `must be an ISO 8601 time not before the clock (${at(0)}), got "2026-03-06T13:59:00-05:00"`,
      },
    ]);
    expectFieldErrors(await advance({ to: '2027-03-08T00:00:00Z' }), [
      {
        path: 'to',
        message: `must be at most 527040 minutes ahead of the clock (${at(0)}), got "2027-03-08T00:00:00Z"`,
      },
    ]);
    // Nothing moved.
    expect((await api().call('GET', '/v1/clock', { key: ADMIN_KEY })).body.now).toBe(at(0));
  });

  it("is the operator's: an account key may read it but not move it", async () => {
    const { key } = await api().account();
    const refused = await advance({ minutes: 5 }, key);
    expectProblem(refused, 403, 'admin_key_required');
    expect((await advance({ minutes: 5 }, null)).status).toBe(401);
    expect((await api().call('GET', '/v1/clock', { key })).body.now).toBe(at(0));
  });

  it("processes the engine's events in order up to the new instant before answering", async () => {
    const { key } = await api().account();
    const call = (path: string) => api().call('GET', path, { key });
    // +1 212 555 0100 rings 10 s, a person answers, talks 90 s, and the goal is met (DESIGN §6).
    const { campaignId } = await startedCampaign(api(), key, ['+12125550100']);

    await advanceClock(api(), 1);
    const [lead] = (await call(`/v1/campaigns/${campaignId}/leads`)).body.data;
    expect(lead.status).toBe('processing');
    const [placed] = (await call(`/v1/campaigns/${campaignId}/calls`)).body.data;
    expect(placed).toMatchObject({
      status: 'in_progress',
      answeredBy: 'human',
      placedAt: at(0),
      answeredAt: at(10 * SECOND),
      endedAt: null,
    });

    await advanceClock(api(), 4);
    expect((await call(`/v1/leads/${lead.id}`)).body).toMatchObject({
      status: 'completed',
      completionReason: 'goal_achieved',
    });
    const ended = (await call(`/v1/calls/${placed.id}`)).body;
    expect(ended).toMatchObject({
      status: 'completed',
      endedAt: at(100 * SECOND),
      billedSeconds: 90,
      goal: true,
      cost: { amount: '0.15', currency: 'USD' },
    });
    // The timeline (the provider's events after placement) is the simulator's schedule, replayed in order.
    const timeline = ended.timeline as { status: string; at: string }[];
    expect(timeline.map((t) => t.status)).toEqual(['ringing', 'in_progress', 'completed']);
    expect(timeline[1]!.at).toBe(at(10 * SECOND));
    expect(timeline.map((t) => t.at)).toEqual([...timeline.map((t) => t.at)].sort());
    expect(timeline.at(-1)!.at).toBe(at(100 * SECOND));
    expect((await call(`/v1/campaigns/${campaignId}`)).body.status).toBe('completed');
  });
});

describe('a service on the real clock', () => {
  const api = useApi({ clock: 'real' });

  it('answers 409 clock_not_virtual to reading or moving the test clock', async () => {
    const { key } = await api().account();
    const reads = await api().call('GET', '/v1/clock', { key });
    const moves = await api().call('POST', '/v1/clock/advance', { key: ADMIN_KEY, body: { minutes: 5 } });
    for (const refused of [reads, moves]) expectProblem(refused, 409, 'clock_not_virtual');
  });
});
