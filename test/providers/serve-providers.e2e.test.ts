import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_API_OPTIONS } from '../../src/api/api-deps.js';
import { readProviderSettings } from '../../src/cli/providers/provider-settings.js';
import { composeService, type Service } from '../../src/cli/serve/compose-service.js';
import { startRetellFake } from '../fakes/retell-fake.js';
import { startTwilioFake } from '../fakes/twilio-fake.js';
import { startVapiFake } from '../fakes/vapi-fake.js';
import type { ProviderFake } from './provider-fake.js';

/**
 * A campaign through `callwright serve` on each real provider, against its local fake: the server reads the
 * provider's settings from its environment as users set them (docs/providers.md), places the calls, receives the
 * fake's signed webhooks on `/webhooks/<provider>`, and ends each lead as the rules say. Real clock: the fakes
 * take a few milliseconds per call.
 */

const ADMIN_KEY = 'provider-e2e-admin-key-0123456789';

interface ProviderUnderTest {
  readonly fake: ProviderFake;
  /** The fake's API, where the adapter's base URL setting points. */
  readonly apiUrl: string;
  readonly env: Record<string, string>;
  /** The assistant's `providerAssistantId` and the phone number's `providerRef` the fake knows. */
  readonly assistantRef: string;
  readonly numberRef: string;
  /** Whether the provider reports the goal (raw telephony leaves it to the voice application). */
  readonly reportsGoal: boolean;
}

const PROVIDERS: Record<string, () => Promise<ProviderUnderTest>> = {
  twilio: async () => {
    const fake = await startTwilioFake({ accountSid: TWILIO_SID, authToken: 'twilio-token' });
    return {
      fake,
      apiUrl: fake.baseUrl,
      env: {
        CALLWRIGHT_TWILIO_ACCOUNT_SID: TWILIO_SID,
        CALLWRIGHT_TWILIO_AUTH_TOKEN: 'twilio-token',
        CALLWRIGHT_TWILIO_VOICE_URL: 'wss://agent.example.com/stream',
      },
      assistantRef: 'ava',
      numberRef: 'PN00000000000000000000000000000001',
      reportsGoal: false,
    };
  },
  vapi: async () => {
    const fake = await startVapiFake({
      apiKey: 'vapi-key',
      credentials: { 'cred-hmac': { type: 'hmac', secretKey: 'vapi-hmac' } },
      assistants: { 'vapi-assistant': { structuredDataKey: 'booked' } },
      phoneNumberIds: ['vapi-number'],
    });
    return {
      fake,
      apiUrl: fake.url,
      env: {
        CALLWRIGHT_VAPI_API_KEY: 'vapi-key',
        CALLWRIGHT_VAPI_WEBHOOK_HMAC_SECRET: 'vapi-hmac',
        CALLWRIGHT_VAPI_CREDENTIAL_ID: 'cred-hmac',
      },
      assistantRef: 'vapi-assistant',
      numberRef: 'vapi-number',
      reportsGoal: true,
    };
  },
  retell: async () => {
    const fake = await startRetellFake({
      apiKey: 'retell-key',
      agents: { 'retell-agent': { booleanAnalysisItems: ['booked'] } },
    });
    return {
      fake,
      apiUrl: fake.url,
      env: { CALLWRIGHT_RETELL_API_KEY: 'retell-key' },
      assistantRef: 'retell-agent',
      numberRef: 'retell-number',
      reportsGoal: true,
    };
  },
};

const TWILIO_SID = 'AC00000000000000000000000000000001';

const API_URL_VARIABLE: Record<string, string> = {
  twilio: 'CALLWRIGHT_TWILIO_API_URL',
  vapi: 'CALLWRIGHT_VAPI_API_URL',
  retell: 'CALLWRIGHT_RETELL_API_URL',
};

/** A loopback port free right now: the public URL must be known before the server starts. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('a campaign through serve on each real provider', () => {
  let service: Service | null = null;
  let fake: ProviderFake | null = null;
  afterEach(async () => {
    await service?.stop();
    await fake?.close();
    service = fake = null;
  });

  it.each(Object.keys(PROVIDERS))('%s: places the calls and ends each lead by its webhooks', async (name) => {
    const provider = await PROVIDERS[name]!();
    fake = provider.fake;
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    service = await composeService({
      db: ':memory:',
      clock: 'real',
      clockStart: null,
      demo: false,
      adminKey: ADMIN_KEY,
      defaultCountry: 'US',
      simulatorSeed: 7,
      providers: readProviderSettings({
        ...provider.env,
        [API_URL_VARIABLE[name]!]: provider.apiUrl,
        CALLWRIGHT_PUBLIC_URL: url,
      }),
      version: 'test',
      api: { ...DEFAULT_API_OPTIONS, allowPrivateWebhooks: true },
      logError: (message, error) => console.error(message, error),
    });
    await service.app.listen({ host: '127.0.0.1', port });
    await service.start();
    const call = async (method: string, path: string, body?: unknown, key = ADMIN_KEY) => {
      const response = await fetch(url + path, {
        method,
        headers: {
          authorization: `Bearer ${key}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: response.status, body: (await response.json()) as any };
    };

    // The server says what it can dial with, and where each provider posts.
    const offered = await call('GET', '/v1/providers');
    expect(offered.body.data).toEqual(
      ['simulator', 'twilio', 'vapi', 'retell'].map((candidate) => ({
        name: candidate,
        configured: candidate === 'simulator' || candidate === name,
        webhookUrl: candidate === name ? `${url}/webhooks/${name}` : null,
      })),
    );

    const account = await call('POST', '/v1/accounts', { name: `${name} clinic` });
    const key: string = account.body.apiKey;
    await call('POST', `/v1/accounts/${account.body.account.id}/credits`, { amount: '20.00' });
    const number = await call(
      'POST',
      '/v1/phone-numbers',
      { number: '+12125550199', provider: name, providerRef: provider.numberRef },
      key,
    );
    expect(number.status, JSON.stringify(number.body)).toBe(201);
    const assistant = await call(
      'POST',
      '/v1/assistants',
      {
        name: 'Ava',
        provider: name,
        providerAssistantId: provider.assistantRef,
        phoneNumberId: number.body.id,
        timezone: 'America/New_York',
        ratePerMinute: '0.10',
        variables: [{ name: 'booked', type: 'boolean' }],
      },
      key,
    );
    expect(assistant.status, JSON.stringify(assistant.body)).toBe(201);
    const campaign = await call(
      'POST',
      '/v1/campaigns',
      {
        assistantId: assistant.body.id,
        name: 'Real calls',
        goal: { variable: 'booked' },
        schedule: {
          startTime: '00:00',
          endTime: '24:00',
          days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
        },
      },
      key,
    );
    const phones = { booked: '+12125551001', voicemail: '+12125551002', busy: '+12125551003' };
    // Every webhook delivered twice, as providers may: each must apply once.
    provider.fake.deliver('twice');
    provider.fake.script(phones.booked, 'answered_goal_met');
    provider.fake.script(phones.voicemail, 'voicemail');
    provider.fake.script(phones.busy, 'busy');
    await call(
      'POST',
      `/v1/campaigns/${campaign.body.id}/leads`,
      { leads: Object.entries(phones).map(([lead, phone]) => ({ name: lead, phone })) },
      key,
    );
    const started = await call('POST', `/v1/campaigns/${campaign.body.id}/start`, undefined, key);
    expect(started.status, JSON.stringify(started.body)).toBe(200);

    const statuses = async () => {
      const leads = await call('GET', `/v1/campaigns/${campaign.body.id}/leads`, undefined, key);
      return Object.fromEntries(
        leads.body.data.map((lead: { name: string; status: string }) => [lead.name, lead.status]),
      );
    };
    // Booked: completed (raw telephony: the goal is the voice application's to report, so it waits for it);
    // the voicemail and the busy line wait for their next round.
    await expect.poll(statuses, { timeout: 10_000, interval: 100 }).toEqual({
      booked: provider.reportsGoal ? 'completed' : 'processing',
      voicemail: 'rescheduled',
      busy: 'rescheduled',
    });
    const stats = await call('GET', `/v1/campaigns/${campaign.body.id}/stats`, undefined, key);
    expect(stats.body).toMatchObject({
      calls: expect.objectContaining({ completed: 2, busy: 1 }),
      voicemail: 1,
      goalAchieved: provider.reportsGoal ? 1 : 0,
    });

    if (!provider.reportsGoal) {
      // Raw telephony: the voice application reports the goal through the API, and the lead completes.
      const calls = await call('GET', `/v1/campaigns/${campaign.body.id}/calls`, undefined, key);
      const booked = calls.body.data.find((c: { phone: string }) => c.phone === phones.booked);
      const reported = await call(
        'POST',
        `/v1/calls/${booked.id}/variables`,
        { variables: { booked: true } },
        key,
      );
      expect(reported.status, JSON.stringify(reported.body)).toBe(200);
      await expect.poll(statuses, { timeout: 5_000, interval: 100 }).toMatchObject({ booked: 'completed' });
    }

    // A forged webhook is refused and changes nothing.
    const forged = await fetch(`${url}/webhooks/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ event: 'call_ended', message: { type: 'status-update', status: 'ended' } }),
    });
    expect(forged.status).toBe(401);
    const unknown = await fetch(`${url}/webhooks/telnyx`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(unknown.status).toBe(404);
  });
});
