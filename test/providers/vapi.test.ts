import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  CallProvider,
  ProviderCallEvent,
  WebhookRequest,
} from '../../src/engine/ports/call-provider.js';
import {
  MAX_SIGNATURE_AGE_MS,
  createVapiProvider,
  type VapiProviderConfig,
} from '../../src/providers/vapi/vapi-provider.js';
import { startVapiFake, type VapiFake } from '../fakes/vapi-fake.js';
import { GOAL, describeProviderConformance, placeRequest } from './provider-conformance.js';
import type { FakeOutcome } from './provider-fake.js';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver.js';

const API_KEY = 'vapi-private-key-0001';
const HMAC_SECRET = 'vapi-hmac-secret';
const LEGACY_SECRET = 'legacy-x-vapi-secret';
const BEARER_TOKEN = 'bearer-token-for-webhooks';
/** An assistant whose analysis plan has no structured data: only the PassFail `successEvaluation`. */
const PASS_FAIL_ASSISTANT = 'provider-assistant-pass-fail';

function startFake(): Promise<VapiFake> {
  return startVapiFake({
    apiKey: API_KEY,
    credentials: {
      'cred-hmac': { type: 'hmac', secretKey: HMAC_SECRET },
      'cred-legacy-secret': {
        type: 'bearer',
        token: LEGACY_SECRET,
        headerName: 'X-Vapi-Secret',
        bearerPrefix: false,
      },
      'cred-bearer': { type: 'bearer', token: BEARER_TOKEN },
    },
    assistants: {
      'provider-assistant-1': { structuredDataKey: GOAL },
      [PASS_FAIL_ASSISTANT]: { structuredDataKey: null },
    },
    phoneNumberIds: ['provider-number-1'],
  });
}

function vapiProvider(fake: VapiFake, webhookUrl: string, overrides: Partial<VapiProviderConfig> = {}) {
  return createVapiProvider({
    apiKey: API_KEY,
    baseUrl: fake.url,
    webhookUrl,
    webhookCredentialId: 'cred-hmac',
    webhookAuth: { scheme: 'hmac', secretKey: HMAC_SECRET },
    requestTimeoutMs: 300,
    ...overrides,
  });
}

describeProviderConformance(
  'vapi',
  async (webhookUrl) => {
    const fake = await startFake();
    return {
      provider: vapiProvider(fake, webhookUrl),
      providerWithOtherSecret: vapiProvider(fake, webhookUrl, {
        webhookAuth: { scheme: 'hmac', secretKey: 'another-secret' },
      }),
      fake,
    };
  },
  { reportsVariables: true },
);

describe('the Vapi adapter against its fake', () => {
  let receiver: WebhookReceiver;
  let fake: VapiFake;
  let provider: CallProvider;
  let webhookUrl: string;
  let calls = 0;
  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    fake = await startFake();
    webhookUrl = `${receiver.url}/webhooks/vapi`;
    provider = vapiProvider(fake, webhookUrl);
  });
  afterAll(async () => {
    await fake?.close();
    await receiver?.close();
  });

  const nextNumber = () => `+1646555${String(1000 + (calls += 1))}`;

  /** Places a call through `through` and answers the webhooks the fake posted for it. */
  async function callThrough(
    through: CallProvider,
    outcome: FakeOutcome,
    request = placeRequest(nextNumber(), 'c'),
  ) {
    fake.script(request.to, outcome);
    const from = receiver.received.length;
    const { providerCallId } = await through.placeCall({ ...request, callId: `call_${calls}` });
    await fake.settled(providerCallId);
    return { providerCallId, webhooks: receiver.received.slice(from) };
  }

  async function eventsOf(through: CallProvider, webhooks: readonly WebhookRequest[]) {
    const events: ProviderCallEvent[] = [];
    for (const webhook of webhooks) {
      const outcome = await through.receiveWebhook!(webhook);
      if (!outcome.ok) throw new Error(`refused: ${outcome.message}`);
      events.push(...outcome.events);
    }
    return events;
  }

  const variablesOf = (events: readonly ProviderCallEvent[]) =>
    Object.assign(
      {},
      ...events.map((event) => (event.type === 'variables' ? event.variables : {})),
    ) as object;

  it('creates the call with the assistant, number, contact, lead fields, webhook server and metadata', async () => {
    const request = placeRequest(nextNumber(), 'call_body');
    const { providerCallId } = await provider.placeCall(request);
    await fake.settled(providerCallId);
    expect(fake.createRequests.at(-1)).toEqual({
      assistantId: 'provider-assistant-1',
      phoneNumberId: 'provider-number-1',
      customer: { number: request.to },
      assistantOverrides: {
        variableValues: { first_name: 'Ann', plan: 'gold' },
        maxDurationSeconds: 600,
        serverMessages: ['status-update', 'end-of-call-report'],
        server: { url: webhookUrl, credentialId: 'cred-hmac' },
        metadata: { callwrightCallId: 'call_body', callwrightBooleanVariables: [GOAL] },
      },
    });
  });

  it('takes the goal from successEvaluation when the assistant has one boolean variable and no structured data', async () => {
    const base = placeRequest(nextNumber(), 'c');
    const passFail = { ...base, assistant: { ...base.assistant, providerAssistantId: PASS_FAIL_ASSISTANT } };
    const met = await callThrough(provider, 'answered_goal_met', passFail);
    expect(variablesOf(await eventsOf(provider, met.webhooks))).toEqual({ [GOAL]: true });
    const notMet = await callThrough(provider, 'answered_goal_not_met', passFail);
    expect(variablesOf(await eventsOf(provider, notMet.webhooks))).toEqual({ [GOAL]: false });
  });

  it('does not guess which of two boolean variables successEvaluation is about', async () => {
    const base = placeRequest(nextNumber(), 'c');
    const twoBooleans = {
      ...base,
      assistant: {
        ...base.assistant,
        providerAssistantId: PASS_FAIL_ASSISTANT,
        variables: [
          { name: GOAL, type: 'boolean' as const },
          { name: 'opted_out', type: 'boolean' as const },
        ],
      },
    };
    const { webhooks } = await callThrough(provider, 'answered_goal_met', twoBooleans);
    expect(variablesOf(await eventsOf(provider, webhooks))).toEqual({});
  });

  it('answers a call’s status with its answer and end times once Vapi has it', async () => {
    const answered = await callThrough(provider, 'answered_goal_met');
    const report = await provider.getCallStatus(answered.providerCallId);
    expect(report).toMatchObject({ status: 'completed', answeredBy: 'human', billedSeconds: null });
    expect(report?.answeredAt).toEqual(expect.any(Number));
    expect(report?.endedAt).toBeGreaterThanOrEqual(report!.answeredAt!);
    const unanswered = await callThrough(provider, 'no_answer');
    expect(await provider.getCallStatus(unanswered.providerCallId)).toMatchObject({
      status: 'unanswered',
      answeredAt: null,
    });
  });

  it('refuses an HMAC webhook whose timestamp is more than five minutes from its arrival, either way', async () => {
    const { webhooks } = await callThrough(provider, 'busy');
    const webhook = webhooks.at(-1)!;
    const signedAt = Number(webhook.headers['x-timestamp']) * 1000;
    const at = (receivedAt: number) => provider.receiveWebhook!({ ...webhook, receivedAt });
    expect(await at(signedAt + MAX_SIGNATURE_AGE_MS)).toMatchObject({ ok: true });
    expect(await at(signedAt + MAX_SIGNATURE_AGE_MS + 1000)).toEqual({
      ok: false,
      reason: 'unauthenticated',
      message: expect.stringContaining('301 s old') as string,
    });
    expect(await at(signedAt - MAX_SIGNATURE_AGE_MS - 1000)).toMatchObject({
      ok: false,
      reason: 'unauthenticated',
      message: expect.stringContaining('in the future') as string,
    });
  });

  it.each([
    ['the legacy X-Vapi-Secret header', 'cred-legacy-secret', { scheme: 'secret', secret: LEGACY_SECRET }],
    ['Authorization: Bearer', 'cred-bearer', { scheme: 'bearer', token: BEARER_TOKEN }],
  ] as const)(
    'accepts webhooks authenticated with %s, and refuses another secret',
    async (_, credential, auth) => {
      const withToken = vapiProvider(fake, webhookUrl, {
        webhookCredentialId: credential,
        webhookAuth: auth,
      });
      const { providerCallId, webhooks } = await callThrough(withToken, 'voicemail');
      const events = await eventsOf(withToken, webhooks);
      expect(events.filter((e) => e.type === 'status').at(-1)).toMatchObject({
        providerCallId,
        status: 'completed',
        answeredBy: 'machine',
      });
      const wrong = auth.scheme === 'secret' ? { ...auth, secret: 'wrong' } : { ...auth, token: 'wrong' };
      const other = vapiProvider(fake, webhookUrl, { webhookCredentialId: credential, webhookAuth: wrong });
      expect(await other.receiveWebhook!(webhooks[0]!)).toMatchObject({
        ok: false,
        reason: 'unauthenticated',
      });
      // An HMAC adapter refuses them too: a token is not a signature.
      expect(await provider.receiveWebhook!(webhooks[0]!)).toMatchObject({
        ok: false,
        reason: 'unauthenticated',
      });
    },
  );

  it('refuses every webhook of a call placed without a Vapi credential (Vapi sends them unauthenticated)', async () => {
    const { webhooks } = await callThrough(
      vapiProvider(fake, webhookUrl, { webhookCredentialId: undefined }),
      'busy',
    );
    expect(webhooks.length).toBeGreaterThan(0);
    for (const webhook of webhooks) {
      expect(await provider.receiveWebhook!(webhook)).toMatchObject({ ok: false, reason: 'unauthenticated' });
    }
  });

  it('treats a call blocked by the account’s concurrency limit as rate limited, not placed', async () => {
    fake.failNextCreate('concurrency_blocked');
    await expect(provider.placeCall(placeRequest(nextNumber(), 'call_blocked'))).rejects.toMatchObject({
      kind: 'rate_limited',
      code: 'vapi_concurrency_blocked',
    });
  });

  it('refuses for good, without quoting the key, a call Vapi refuses for a bad key or an unknown assistant', async () => {
    const badKey = vapiProvider(fake, webhookUrl, { apiKey: 'not-the-key' });
    const refused = badKey.placeCall(placeRequest(nextNumber(), 'call_bad_key'));
    await expect(refused).rejects.toMatchObject({ kind: 'permanent', code: 'vapi_http_401' });
    await expect(refused).rejects.toSatisfy((error: Error) => !error.message.includes('not-the-key'));
    const request = placeRequest(nextNumber(), 'call_unknown_assistant');
    const unknown = {
      ...request,
      assistant: { ...request.assistant, providerAssistantId: 'no-such-assistant' },
    };
    await expect(provider.placeCall(unknown)).rejects.toMatchObject({
      kind: 'permanent',
      code: 'vapi_http_400',
    });
  });

  it('refuses before asking Vapi when the assistant or the number has no Vapi id', async () => {
    const request = placeRequest(nextNumber(), 'call_no_ids');
    const sent = fake.createRequests.length;
    await expect(
      provider.placeCall({ ...request, assistant: { ...request.assistant, providerAssistantId: null } }),
    ).rejects.toMatchObject({ kind: 'permanent', code: 'vapi_assistant_id_missing' });
    await expect(provider.placeCall({ ...request, fromProviderRef: null })).rejects.toMatchObject({
      kind: 'permanent',
      code: 'vapi_phone_number_id_missing',
    });
    expect(fake.createRequests).toHaveLength(sent);
  });

  it('says a call was certainly not placed when Vapi cannot be reached', async () => {
    const closedPort = await unusedPort();
    const unreachable = vapiProvider(fake, webhookUrl, { baseUrl: `http://127.0.0.1:${closedPort}` });
    await expect(unreachable.placeCall(placeRequest(nextNumber(), 'call_unreachable'))).rejects.toMatchObject(
      {
        kind: 'retryable',
        code: 'vapi_unreachable',
      },
    );
  });
});

async function unusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
