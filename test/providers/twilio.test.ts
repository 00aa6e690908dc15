import { createServer } from 'node:net';
import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProviderError, type WebhookRequest } from '../../src/engine/ports/call-provider.js';
import { ASSISTANT_PARAM, ATTEMPT_PARAM, CALL_ID_PARAM } from '../../src/providers/twilio/call-request.js';
import { classifyTwilioResponse } from '../../src/providers/twilio/twilio-errors.js';
import {
  createTwilioProvider,
  type TwilioProviderConfig,
} from '../../src/providers/twilio/twilio-provider.js';
import { mapTwilioStatus } from '../../src/providers/twilio/twilio-status.js';
import { startTwilioFake, type TwilioFake } from '../fakes/twilio-fake.js';
import { describeProviderConformance, placeRequest } from './provider-conformance.js';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver.js';

const ACCOUNT_SID = `AC${'0123456789abcdef'.repeat(2)}`;
const AUTH_TOKEN = 'fake-auth-token-0123456789abcdef';
const WEBHOOK_URL = 'https://callwright.example.com/webhooks/twilio';
const VOICE_APP_URL = 'https://voice.example.com/twiml?tenant=7';
const CALL_SID = `CA${'fedcba9876543210'.repeat(2)}`;

function twilioProvider(fake: TwilioFake, overrides: Partial<TwilioProviderConfig> = {}) {
  return createTwilioProvider({
    accountSid: ACCOUNT_SID,
    authToken: AUTH_TOKEN,
    voiceAppUrl: VOICE_APP_URL,
    webhookUrl: WEBHOOK_URL,
    apiBaseUrl: fake.baseUrl,
    requestTimeoutMs: 300,
    ...overrides,
  });
}

describeProviderConformance(
  'twilio',
  async (webhookUrl) => {
    const fake = await startTwilioFake({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN });
    return {
      provider: twilioProvider(fake, { webhookUrl }),
      providerWithOtherSecret: twilioProvider(fake, { webhookUrl, authToken: 'another-accounts-auth-token' }),
      fake,
    };
  },
  // Raw telephony: the goal comes from our own voice application through POST /v1/calls/{id}/variables.
  { reportsVariables: false },
);

describe('twilio: status mapping', () => {
  it.each([
    ['queued', null, null, { status: 'initiated' }],
    ['initiated', null, null, { status: 'initiated' }],
    ['ringing', null, null, { status: 'ringing' }],
    ['in-progress', null, null, { status: 'in_progress' }],
    ['in-progress', 'human', null, { status: 'in_progress', answeredBy: 'human' }],
    ['in-progress', 'machine_start', null, { status: 'in_progress', answeredBy: 'machine' }],
    ['completed', null, null, { status: 'completed' }],
    ['completed', 'human', null, { status: 'completed', answeredBy: 'human' }],
    ['completed', 'unknown', null, { status: 'completed', answeredBy: 'human' }],
    ['completed', 'machine_start', null, { status: 'completed', answeredBy: 'machine' }],
    ['completed', 'machine_end_beep', null, { status: 'completed', answeredBy: 'machine' }],
    ['completed', 'machine_end_silence', null, { status: 'completed', answeredBy: 'machine' }],
    ['completed', 'machine_end_other', null, { status: 'completed', answeredBy: 'machine' }],
    ['completed', 'fax', null, { status: 'failed', failureReason: 'carrier_error' }],
    ['busy', null, null, { status: 'busy' }],
    ['no-answer', null, null, { status: 'unanswered' }],
    ['failed', null, null, { status: 'failed', failureReason: 'carrier_error' }],
    ['failed', null, '13224', { status: 'failed', failureReason: 'invalid_number' }],
    ['failed', null, '21211', { status: 'failed', failureReason: 'invalid_number' }],
    ['failed', null, '31005', { status: 'failed', failureReason: 'carrier_error' }],
    ['canceled', null, null, { status: 'failed', failureReason: 'carrier_error' }],
  ] as const)('%s with AnsweredBy %s, ErrorCode %s', (callStatus, answeredBy, errorCode, expected) => {
    expect(mapTwilioStatus(callStatus, answeredBy, errorCode)).toEqual(expected);
  });

  it('reports nothing for a status it does not know', () => {
    expect(mapTwilioStatus('answered', null)).toBeNull();
  });
});

describe('twilio: error classification', () => {
  const NOW = Date.UTC(2026, 7, 4, 10, 0, 0);
  it.each([
    [400, 21211, 'invalid_number'],
    [400, 21214, 'invalid_number'],
    [400, 21217, 'invalid_number'],
    [400, 13224, 'invalid_number'],
    [400, 13226, 'invalid_number'],
    [429, 20429, 'rate_limited'],
    [429, null, 'rate_limited'],
    [400, 22005, 'rate_limited'],
    [500, 20500, 'ambiguous'],
    [503, null, 'ambiguous'],
    [401, 20003, 'permanent'],
    [400, 21210, 'permanent'],
    [400, 21626, 'permanent'],
  ] as const)('HTTP %s with code %s is %s', (status, code, kind) => {
    const error = classifyTwilioResponse('create call c1', status, { code, message: 'nope' }, null, NOW);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error.kind).toBe(kind);
    expect(error.code).toBe(`twilio_${code ?? `http_${status}`}`);
  });

  it('waits as long as Retry-After says, in seconds or as a date, and a second by default', () => {
    const after = (header: string | null) =>
      classifyTwilioResponse('create call c1', 429, { code: 20429, message: null }, header, NOW).retryAfterMs;
    expect(after('7')).toBe(7_000);
    expect(after(new Date(NOW + 30_000).toUTCString())).toBe(30_000);
    expect(after(null)).toBe(1_000);
    expect(after('soon')).toBe(1_000);
  });

  it('treats a Twilio it cannot connect to as certainly not placed (retryable)', async () => {
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
    });
    const provider = createTwilioProvider({
      accountSid: ACCOUNT_SID,
      authToken: AUTH_TOKEN,
      voiceAppUrl: VOICE_APP_URL,
      webhookUrl: WEBHOOK_URL,
      apiBaseUrl: `http://127.0.0.1:${port}`,
    });
    await expect(provider.placeCall(placeRequest('+12125550100', 'c1'))).rejects.toMatchObject({
      kind: 'retryable',
      code: 'twilio_unreachable',
    });
  });
});

describe('twilio: the adapter against the fake', () => {
  let fake: TwilioFake;
  let receiver: WebhookReceiver;
  let webhookUrl: string;
  beforeAll(async () => {
    fake = await startTwilioFake({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN });
    receiver = await startWebhookReceiver();
    webhookUrl = `${receiver.url}/webhooks/twilio`;
  });
  afterAll(async () => {
    await fake.close();
    await receiver.close();
  });

  const lastCreate = () => fake.createRequests.at(-1)!;
  const values = (form: readonly (readonly [string, string])[], key: string) =>
    form.filter(([k]) => k === key).map(([, v]) => v);

  it('creates the call with the four status callbacks, async AMD and the voice application’s TwiML URL', async () => {
    const provider = twilioProvider(fake, { webhookUrl });
    const { providerCallId } = await provider.placeCall(placeRequest('+12125550101', 'call_tw_1'));
    expect(providerCallId).toMatch(/^CA[0-9a-f]{32}$/);
    const form = lastCreate();
    expect(values(form, 'To')).toEqual(['+12125550101']);
    expect(values(form, 'From')).toEqual(['+12125550199']);
    expect(values(form, 'StatusCallback')).toEqual([webhookUrl]);
    expect(values(form, 'StatusCallbackEvent')).toEqual(['initiated', 'ringing', 'answered', 'completed']);
    expect(values(form, 'MachineDetection')).toEqual(['DetectMessageEnd']);
    expect(values(form, 'AsyncAmd')).toEqual(['true']);
    expect(values(form, 'AsyncAmdStatusCallback')).toEqual([webhookUrl]);
    expect(values(form, 'TimeLimit')).toEqual(['600']);
    const url = new URL(values(form, 'Url')[0]!);
    expect(url.origin + url.pathname).toBe('https://voice.example.com/twiml');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      tenant: '7',
      [CALL_ID_PARAM]: 'call_tw_1',
      [ATTEMPT_PARAM]: '1',
      [ASSISTANT_PARAM]: 'provider-assistant-1',
      first_name: 'Ann',
      plan: 'gold',
    });
    await fake.settled(providerCallId);
  });

  it('reaches a media stream assistant through inline TwiML whose parameters carry the call id and fields', async () => {
    const provider = twilioProvider(fake, {
      webhookUrl,
      machineDetection: 'Enable',
      voiceAppUrl: 'wss://voice.example.com/stream',
    });
    const base = placeRequest('+12125550102', 'call_tw_2');
    const { providerCallId } = await provider.placeCall({
      ...base,
      variables: { first_name: 'Ann & "Bo" <Co>', [CALL_ID_PARAM]: 'forged' },
      assistant: { ...base.assistant, providerAssistantId: null },
    });
    const form = lastCreate();
    expect(values(form, 'Url')).toEqual([]);
    expect(values(form, 'MachineDetection')).toEqual(['Enable']);
    expect(values(form, 'Twiml')).toEqual([
      '<Response><Connect><Stream url="wss://voice.example.com/stream">' +
        '<Parameter name="callwright_call_id" value="call_tw_2"/>' +
        '<Parameter name="callwright_attempt" value="1"/>' +
        '<Parameter name="first_name" value="Ann &amp; &quot;Bo&quot; &lt;Co&gt;"/>' +
        '</Stream></Connect></Response>',
    ]);
    await fake.settled(providerCallId);
  });

  it('refuses, without asking Twilio, a media stream TwiML over Twilio’s 4,000 characters', async () => {
    const provider = twilioProvider(fake, { webhookUrl, voiceAppUrl: 'wss://voice.example.com/stream' });
    const before = fake.createRequests.length;
    const base = placeRequest('+12125550103', 'call_tw_3');
    await expect(
      provider.placeCall({ ...base, variables: { notes: 'x'.repeat(4_000) } }),
    ).rejects.toMatchObject({ kind: 'permanent', code: 'twilio_twiml_too_long' });
    expect(fake.createRequests.length).toBe(before);
  });

  it('reports an ended call from the Call resource: who answered, when, and the billed seconds', async () => {
    const provider = twilioProvider(fake, { webhookUrl });
    fake.script('+12125550104', 'voicemail');
    const { providerCallId } = await provider.placeCall(placeRequest('+12125550104', 'call_tw_4'));
    await fake.settled(providerCallId);
    const report = await provider.getCallStatus(providerCallId);
    expect(report).toMatchObject({ status: 'completed', answeredBy: 'machine', billedSeconds: 42 });
    expect(report!.answeredAt).toBe(report!.endedAt! - 42_000);

    fake.script('+12125550105', 'failed');
    const failed = await provider.placeCall(placeRequest('+12125550105', 'call_tw_5'));
    await fake.settled(failed.providerCallId);
    expect(await provider.getCallStatus(failed.providerCallId)).toMatchObject({
      status: 'failed',
      failureReason: 'carrier_error',
      answeredAt: null,
      billedSeconds: 0,
    });
  });

  it('refuses a number Twilio cannot read as invalid, and never puts credentials in an error', async () => {
    await expect(
      twilioProvider(fake, { webhookUrl }).placeCall(placeRequest('555-1234', 'call_tw_6')),
    ).rejects.toMatchObject({
      kind: 'invalid_number',
      code: 'twilio_21211',
    });
    const wrongToken = 'wrong-token-that-must-not-leak';
    const placing = twilioProvider(fake, { webhookUrl, authToken: wrongToken }).placeCall(
      placeRequest('+12125550107', 'call_tw_7'),
    );
    await expect(placing).rejects.toMatchObject({ kind: 'permanent', code: 'twilio_20003' });
    const error = (await placing.catch((e: unknown) => e)) as ProviderError;
    const basic = Buffer.from(`${ACCOUNT_SID}:${wrongToken}`).toString('base64');
    expect(`${error.message} ${String(error.stack)}`).not.toMatch(new RegExp(`${wrongToken}|${basic}`));
  });

  it('says which refusal it was: a timeout, a 5xx, a rate limit with its back-off', async () => {
    const provider = twilioProvider(fake, { webhookUrl });
    const refusal = async (failure: Parameters<TwilioFake['failNextCreate']>[0]) => {
      fake.failNextCreate(failure);
      return provider.placeCall(placeRequest('+12125550108', 'call_tw_8')).catch((e: unknown) => e);
    };
    expect(await refusal('timeout')).toMatchObject({ kind: 'ambiguous', code: 'twilio_timeout' });
    expect(await refusal('server_error')).toMatchObject({ kind: 'ambiguous', code: 'twilio_20500' });
    expect(await refusal('rate_limited')).toMatchObject({
      kind: 'rate_limited',
      code: 'twilio_20429',
      retryAfterMs: 1_000,
    });
  });

  it('refuses a configuration it cannot work with, naming what to fix', () => {
    const config = {
      accountSid: ACCOUNT_SID,
      authToken: AUTH_TOKEN,
      voiceAppUrl: VOICE_APP_URL,
      webhookUrl: WEBHOOK_URL,
    };
    expect(() => createTwilioProvider({ ...config, accountSid: 'SK123' })).toThrow(/Account SID/);
    expect(() => createTwilioProvider({ ...config, authToken: '' })).toThrow(/Auth Token/);
    expect(() => createTwilioProvider({ ...config, webhookUrl: '/webhooks/twilio' })).toThrow(/webhook URL/);
    for (const voiceAppUrl of ['', 'asst_123', 'ftp://voice.example.com/x']) {
      expect(() => createTwilioProvider({ ...config, voiceAppUrl })).toThrow(/voice application URL/);
    }
  });
});

describe('twilio: webhook signatures and callbacks', () => {
  const provider = createTwilioProvider({
    accountSid: ACCOUNT_SID,
    authToken: AUTH_TOKEN,
    voiceAppUrl: VOICE_APP_URL,
    webhookUrl: WEBHOOK_URL,
  });
  const RECEIVED_AT = Date.UTC(2026, 7, 4, 10, 0, 9);

  function encode(params: Record<string, string>): Uint8Array {
    return Buffer.from(new URLSearchParams(params).toString());
  }

  function signed(
    params: Record<string, string>,
    options: { url?: string; token?: string; receivedUrl?: string } = {},
  ): WebhookRequest {
    const url = options.url ?? WEBHOOK_URL;
    return {
      url: options.receivedUrl ?? url,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': twilio.getExpectedTwilioSignature(options.token ?? AUTH_TOKEN, url, params),
      },
      rawBody: encode(params),
      receivedAt: RECEIVED_AT,
    };
  }

  const statusCallback = (overrides: Record<string, string> = {}) => ({
    AccountSid: ACCOUNT_SID,
    ApiVersion: '2010-04-01',
    CallSid: CALL_SID,
    CallStatus: 'completed',
    CallbackSource: 'call-progress-events',
    Direction: 'outbound-api',
    SequenceNumber: '3',
    Timestamp: 'Tue, 04 Aug 2026 10:00:05 +0000',
    CallDuration: '49',
    AnsweredBy: 'machine_end_beep',
    ...overrides,
  });

  it('verifies the Twilio documentation’s example signature, then finds no call status in it', async () => {
    const twilioDocs = createTwilioProvider({
      accountSid: ACCOUNT_SID,
      authToken: '12345',
      voiceAppUrl: VOICE_APP_URL,
      webhookUrl: WEBHOOK_URL,
    });
    const params = {
      CallSid: 'CA1234567890ABCDE',
      Caller: '+12349013030',
      Digits: '1234',
      From: '+12349013030',
      To: '+18005551212',
    };
    const request: WebhookRequest = {
      url: 'https://mycompany.com/myapp.php?foo=1&bar=2',
      headers: { 'x-twilio-signature': '0/KCTR6DLpKmkAf8muzZqo1nDgQ=' },
      rawBody: encode(params),
      receivedAt: RECEIVED_AT,
    };
    // Malformed, not unauthenticated: the signature held, and only then was the content read.
    expect(await twilioDocs.receiveWebhook!(request)).toMatchObject({ ok: false, reason: 'malformed' });
    expect(
      await twilioDocs.receiveWebhook!({ ...request, url: 'https://mycompany.com/myapp.php?foo=1&bar=3' }),
    ).toMatchObject({ ok: false, reason: 'unauthenticated' });
  });

  it('turns a terminal callback into one status event with its sequence id, time, answer and billed seconds', async () => {
    expect(await provider.receiveWebhook!(signed(statusCallback()))).toEqual({
      ok: true,
      events: [
        {
          type: 'status',
          provider: 'twilio',
          providerCallId: CALL_SID,
          eventId: `${CALL_SID}:status:3`,
          at: Date.UTC(2026, 7, 4, 10, 0, 5),
          status: 'completed',
          answeredBy: 'machine',
          billedSeconds: 49,
        },
      ],
    });
  });

  it('turns the asynchronous AMD verdict into an answered event that says who answered', async () => {
    const amd = {
      AccountSid: ACCOUNT_SID,
      AnsweredBy: 'machine_start',
      CallSid: CALL_SID,
      MachineDetectionDuration: '2650',
    };
    expect(await provider.receiveWebhook!(signed(amd))).toEqual({
      ok: true,
      events: [
        {
          type: 'status',
          provider: 'twilio',
          providerCallId: CALL_SID,
          eventId: `${CALL_SID}:amd`,
          at: RECEIVED_AT,
          status: 'in_progress',
          answeredBy: 'machine',
        },
      ],
    });
    const fax = await provider.receiveWebhook!(signed({ ...amd, AnsweredBy: 'fax' }));
    expect(fax.ok && fax.events[0]).not.toHaveProperty('answeredBy');
  });

  it('names a callback without a sequence number by its source and status, so a replay has the same id', async () => {
    const params = statusCallback({ CallStatus: 'failed', ErrorCode: '13224', CallDuration: '0' });
    delete (params as Partial<typeof params>).SequenceNumber;
    const first = await provider.receiveWebhook!(signed(params));
    const again = await provider.receiveWebhook!({ ...signed(params), receivedAt: RECEIVED_AT + 60_000 });
    expect(first).toEqual(again);
    expect(first).toMatchObject({
      ok: true,
      events: [
        {
          eventId: `${CALL_SID}:status:call-progress-events:failed`,
          status: 'failed',
          failureReason: 'invalid_number',
          billedSeconds: 0,
        },
      ],
    });
  });

  it('acknowledges a status it does not know with no events, and calls a callback without CallSid malformed', async () => {
    expect(await provider.receiveWebhook!(signed(statusCallback({ CallStatus: 'paused' })))).toEqual({
      ok: true,
      events: [],
    });
    const noSid: Record<string, string> = statusCallback();
    delete noSid.CallSid;
    expect(await provider.receiveWebhook!(signed(noSid))).toMatchObject({ ok: false, reason: 'malformed' });
  });

  it('accepts the URL with or without the default port, as Twilio may sign either', async () => {
    const request = signed(statusCallback(), {
      url: WEBHOOK_URL,
      receivedUrl: 'https://callwright.example.com:443/webhooks/twilio',
    });
    expect(await provider.receiveWebhook!(request)).toMatchObject({ ok: true });
  });

  it.each([
    [
      'signed for another URL',
      () => signed(statusCallback(), { url: `${WEBHOOK_URL}?campaign=1`, receivedUrl: WEBHOOK_URL }),
    ],
    ['signed with another Auth Token', () => signed(statusCallback(), { token: 'someone-else' })],
    [
      'with a field added after signing',
      () => {
        const request = signed(statusCallback());
        return { ...request, rawBody: Buffer.concat([request.rawBody, Buffer.from('&CallStatus=busy')]) };
      },
    ],
    [
      'with a body that is not UTF-8',
      () => ({ ...signed(statusCallback()), rawBody: Uint8Array.from([0x43, 0xff, 0xfe]) }),
    ],
    ['received at a URL that cannot be parsed', () => ({ ...signed(statusCallback()), url: 'not a url' })],
    [
      'signed under a Webhooks Rule SharedKey',
      () => {
        const request = signed(statusCallback());
        return {
          ...request,
          headers: {
            ...request.headers,
            'x-twilio-webhooks-signature-settings': 'key=k1,algorithm=HMAC_SHA256',
          },
        };
      },
    ],
    [
      'with an empty signature',
      () => {
        const request = signed(statusCallback());
        return { ...request, headers: { ...request.headers, 'x-twilio-signature': '' } };
      },
    ],
  ])('refuses a callback %s', async (_, build) => {
    expect(await provider.receiveWebhook!(build())).toEqual({
      ok: false,
      reason: 'unauthenticated',
      message: expect.any(String),
    });
  });
});
