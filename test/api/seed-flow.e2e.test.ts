import { Webhook } from 'standardwebhooks';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN_KEY, useApi } from './api-harness.js';
import { startWebhookReceiver } from './webhook-receiver.js';

const DAY_MINUTES = 24 * 60;

/**
 * The seed's whole flow over real HTTP (issue 3 "done when"): set up, refused start with every unmet
 * requirement, credit, start, days of virtual time, and then statuses, stats, events and signed webhook
 * deliveries that all agree with DESIGN §2.
 */
describe('the seed flow over HTTP', () => {
  const api = useApi();
  let closeReceiver: (() => Promise<void>) | null = null;
  afterEach(async () => closeReceiver?.());

  it('runs a campaign from set-up to completion and every view of it agrees', async () => {
    const receiver = await startWebhookReceiver();
    closeReceiver = receiver.close;
    const created = await api().call('POST', '/v1/accounts', {
      key: ADMIN_KEY,
      body: { name: 'Acme Clinic', currency: 'USD', minimumStartBalance: '5.00' },
    });
    expect(created.status).toBe(201);
    const key: string = created.body.apiKey;
    const accountId: string = created.body.account.id;
    const call = (method: string, path: string, body?: unknown) => api().call(method, path, { key, body });

    const hook = await call('POST', '/v1/webhook-endpoints', { url: receiver.url, events: ['*'] });
    expect(hook.status).toBe(201);
    const assistant = await call('POST', '/v1/assistants', {
      name: 'Ava',
      provider: 'simulator',
      timezone: 'America/New_York',
      ratePerMinute: '0.10',
      variables: [{ name: 'appointment_booked', type: 'boolean' }],
    });
    expect(assistant.status).toBe(201);
    const campaign = await call('POST', '/v1/campaigns', {
      assistantId: assistant.body.id,
      name: 'Spring follow-up',
      schedule: { startTime: '09:00', endTime: '18:00', days: ['mon', 'tue', 'wed', 'thu', 'fri'] },
      retry: { maxRetries: 2, intervalMinutes: 60, onVoicemail: true },
      goal: { variable: 'appointment_booked' },
      maxConcurrentCalls: 3,
    });
    expect(campaign.status).toBe(201);
    const id: string = campaign.body.id;
    expect(campaign.body).toMatchObject({
      status: 'draft',
      retry: { untilGoal: false },
      dialing: { reason: 'draft' },
    });

    // Nothing is ready: no caller id, no money, no leads. Every unmet requirement is listed at once.
    const refused = await call('POST', `/v1/campaigns/${id}/start`);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('campaign_not_startable');
    expect(refused.body.unmet.map((u: { code: string }) => u.code).sort()).toEqual(
      ['assistant_has_no_phone_number', 'insufficient_balance', 'no_callable_leads'].sort(),
    );

    const phone = await call('POST', '/v1/phone-numbers', { number: '+12125550199', provider: 'simulator' });
    expect(
      (await call('PATCH', `/v1/assistants/${assistant.body.id}`, { phoneNumberId: phone.body.id })).status,
    ).toBe(200);
    const added = await call('POST', `/v1/campaigns/${id}/leads`, {
      leads: [
        { phone: '+12125550100', name: 'Goal on first call' },
        { phone: '(212) 555-0101', name: 'Answers, no goal' },
        { phone: '+12125550102', name: 'Voicemail' },
        { phone: '+12125550103', name: 'Busy' },
        { phone: '+12125550107', name: 'Unanswered, then goal' },
        { phone: '+12125550106', name: 'Invalid number' },
        { phone: 'not a number', name: 'Typo' },
        { phone: '212-555-0100', name: 'Duplicate' },
      ],
    });
    expect(added.body).toMatchObject({ created: 6, duplicates: [{ index: 7, phone: '+12125550100' }] });
    expect(added.body.invalid).toEqual([
      { index: 6, field: 'phone', message: expect.stringContaining('not a number') },
    ]);

    expect(
      (await call('POST', `/v1/campaigns/${id}/start`)).body.unmet.map((u: { code: string }) => u.code),
    ).toEqual(['insufficient_balance']);
    const credit = await api().call('POST', `/v1/accounts/${accountId}/credits`, {
      key: ADMIN_KEY,
      body: { amount: '20.00', note: 'first top-up' },
    });
    expect(credit.status).toBe(201);
    const started = await call('POST', `/v1/campaigns/${id}/start`);
    expect(started.status).toBe(200);
    expect(started.body.status).toBe('active');

    // Friday 14:00 → Monday evening: retries an hour apart, within the window, Friday and Monday.
    await api().call('POST', '/v1/clock/advance', {
      key: ADMIN_KEY,
      body: { minutes: 3 * DAY_MINUTES + 6 * 60 },
    });

    const done = await call('GET', `/v1/campaigns/${id}`);
    expect(done.body.status).toBe('completed');
    const leads = (await call('GET', `/v1/campaigns/${id}/leads?limit=100`)).body.data as {
      id: string;
      name: string;
      status: string;
      completionReason: string | null;
    }[];
    const byName = Object.fromEntries(leads.map((l) => [l.name, l]));
    expect(byName['Goal on first call']).toMatchObject({
      status: 'completed',
      completionReason: 'goal_achieved',
    });
    expect(byName['Answers, no goal']).toMatchObject({ status: 'completed', completionReason: 'answered' });
    expect(byName['Voicemail']).toMatchObject({ status: 'max_retries' });
    expect(byName['Busy']).toMatchObject({ status: 'max_retries' });
    expect(byName['Unanswered, then goal']).toMatchObject({
      status: 'completed',
      completionReason: 'goal_achieved',
    });
    expect(byName['Invalid number']).toMatchObject({ status: 'max_retries' });

    const detail = await call('GET', `/v1/leads/${byName['Unanswered, then goal']!.id}`);
    expect(detail.body.calls.map((c: { status: string }) => c.status)).toEqual(['unanswered', 'completed']);
    const goalCall = await call('GET', `/v1/calls/${detail.body.calls[1].id}`);
    expect(goalCall.body).toMatchObject({
      answeredBy: 'human',
      billedSeconds: 90,
      goal: true,
      cost: { amount: '0.15' },
    });
    expect(goalCall.body.timeline.map((t: { status: string }) => t.status)).toContain('in_progress');

    // Stats, the call log, the ledger and the balance tell the same story.
    const stats = (await call('GET', `/v1/campaigns/${id}/stats`)).body;
    const calls = (await call('GET', `/v1/campaigns/${id}/calls?limit=1000`)).body.data as {
      status: string;
      cost: { amount: string };
    }[];
    expect(stats.leads).toEqual(done.body.leadCounts);
    expect(stats.leads).toMatchObject({ completed: 3, max_retries: 3 });
    expect(Object.values(stats.calls as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(
      calls.length,
    );
    expect(stats.goalAchieved).toBe(2);
    expect(stats.voicemail).toBe(2);
    const cents = (amount: string) => Math.round(Number(amount) * 100);
    const callCost = calls.reduce((sum, c) => sum + cents(c.cost.amount), 0);
    expect(cents(stats.cost.amount)).toBe(callCost);
    const ledger = (await call('GET', '/v1/account/ledger?limit=1000')).body.data as {
      kind: string;
      amount: { amount: string };
    }[];
    expect(
      ledger.filter((e) => e.kind === 'call_charge').reduce((s, e) => s - cents(e.amount.amount), 0),
    ).toBe(callCost);
    const account = (await call('GET', '/v1/account')).body;
    expect(cents(account.balance.amount)).toBe(2000 - callCost);

    // Every event went out once, signed so that any Standard Webhooks library accepts it.
    const verifier = new Webhook(hook.body.secret);
    const delivered = receiver.received.map((r) =>
      verifier.verify(r.body, {
        'webhook-id': String(r.headers['webhook-id']),
        'webhook-timestamp': String(r.headers['webhook-timestamp']),
        'webhook-signature': String(r.headers['webhook-signature']),
      }),
    ) as { type: string }[];
    const types = delivered.map((d) => d.type);
    expect(types.filter((t) => t === 'call.ended')).toHaveLength(calls.length);
    expect(types).toContain('campaign.started');
    expect(types.at(-1)).toBe('campaign.completed');
    expect(new Set(receiver.received.map((r) => r.headers['webhook-id'])).size).toBe(
      receiver.received.length,
    );
    const log = (await call('GET', `/v1/webhook-endpoints/${hook.body.id}/deliveries?limit=1000`)).body
      .data as { status: string }[];
    expect(log).toHaveLength(receiver.received.length);
    expect(log.every((d) => d.status === 'delivered')).toBe(true);
  });
});
