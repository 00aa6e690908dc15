import { sign } from 'retell-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallStatus } from '../../src/domain/call-status.js';
import {
  ProviderError,
  type CallProvider,
  type ProviderCallEvent,
  type WebhookRequest,
} from '../../src/engine/ports/call-provider.js';
import { readAnalysisVariables } from '../../src/providers/retell/analysis-variables.js';
import { classifyHttpError, classifyNetworkError } from '../../src/providers/retell/api-errors.js';
import {
  DISCONNECTION_OUTCOMES,
  mapCallOutcome,
  type CallOutcome,
  type CallOutcomeInput,
} from '../../src/providers/retell/call-outcome.js';
import {
  createRetellProvider,
  type RetellProviderConfig,
} from '../../src/providers/retell/retell-provider.js';
import { startRetellFake, type RetellFake } from '../fakes/retell-fake.js';
import { GOAL, describeProviderConformance, placeRequest } from './provider-conformance.js';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver.js';

const API_KEY = 'key_retell_test_0123456789abcdef';
const AGENT_ID = 'provider-assistant-1';
const TIMEOUT_MS = 300;

describeProviderConformance(
  'retell',
  async (webhookUrl) => {
    const fake = await startRetellFake({
      apiKey: API_KEY,
      agents: { [AGENT_ID]: { booleanAnalysisItems: [GOAL] } },
    });
    const config: RetellProviderConfig = {
      apiKey: API_KEY,
      baseUrl: fake.url,
      webhookUrl,
      requestTimeoutMs: TIMEOUT_MS,
    };
    return {
      fake,
      provider: createRetellProvider(config),
      providerWithOtherSecret: createRetellProvider({ ...config, webhookApiKey: 'key_another_account' }),
    };
  },
  { reportsVariables: true },
);

describe('retell: mapping a call to our status', () => {
  const input = (overrides: Partial<CallOutcomeInput>): CallOutcomeInput => ({
    callStatus: 'ended',
    disconnectionReason: null,
    inVoicemail: null,
    durationMs: 0,
    ...overrides,
  });
  const human: CallOutcome = { status: 'completed', answeredBy: 'human' };
  const machine: CallOutcome = { status: 'completed', answeredBy: 'machine' };
  const carrier: CallOutcome = { status: 'failed', failureReason: 'carrier_error' };
  const provider: CallOutcome = { status: 'failed', failureReason: 'provider_error' };

  it.each<[string, Partial<CallOutcomeInput>, CallOutcome]>([
    ['a registered call', { callStatus: 'registered' }, { status: 'initiated' }],
    ['an ongoing call', { callStatus: 'ongoing' }, { status: 'in_progress' }],
    ['user_hangup', { disconnectionReason: 'user_hangup', durationMs: 40_000 }, human],
    ['agent_hangup', { disconnectionReason: 'agent_hangup' }, human],
    ['call_transfer', { disconnectionReason: 'call_transfer' }, human],
    ['inactivity', { disconnectionReason: 'inactivity' }, human],
    ['max_duration_reached', { disconnectionReason: 'max_duration_reached' }, human],
    ['transfer_bridged', { disconnectionReason: 'transfer_bridged' }, human],
    ['transfer_cancelled', { disconnectionReason: 'transfer_cancelled' }, human],
    ['call_take_over', { disconnectionReason: 'call_take_over' }, human],
    ['voicemail_reached', { disconnectionReason: 'voicemail_reached' }, machine],
    ['in_voicemail after agent_hangup', { disconnectionReason: 'agent_hangup', inVoicemail: true }, machine],
    [
      'in_voicemail false after user_hangup',
      { disconnectionReason: 'user_hangup', inVoicemail: false },
      human,
    ],
    ['ivr_reached', { disconnectionReason: 'ivr_reached' }, machine],
    ['dial_busy', { callStatus: 'not_connected', disconnectionReason: 'dial_busy' }, { status: 'busy' }],
    [
      'dial_busy with in_voicemail',
      { disconnectionReason: 'dial_busy', inVoicemail: true },
      { status: 'busy' },
    ],
    ['dial_no_answer', { disconnectionReason: 'dial_no_answer' }, { status: 'unanswered' }],
    ['user_declined', { disconnectionReason: 'user_declined' }, { status: 'unanswered' }],
    [
      'invalid_destination',
      { callStatus: 'error', disconnectionReason: 'invalid_destination' },
      { status: 'failed', failureReason: 'invalid_number' },
    ],
    ['dial_failed', { callStatus: 'error', disconnectionReason: 'dial_failed' }, carrier],
    [
      'telephony_provider_permission_denied',
      { disconnectionReason: 'telephony_provider_permission_denied' },
      carrier,
    ],
    ['telephony_provider_unavailable', { disconnectionReason: 'telephony_provider_unavailable' }, carrier],
    ['sip_routing_error', { disconnectionReason: 'sip_routing_error' }, carrier],
    ['marked_as_spam', { disconnectionReason: 'marked_as_spam' }, carrier],
    ['scam_detected', { disconnectionReason: 'scam_detected' }, provider],
    ['concurrency_limit_reached', { disconnectionReason: 'concurrency_limit_reached' }, provider],
    ['no_concurrency_fallback', { disconnectionReason: 'no_concurrency_fallback' }, provider],
    ['no_valid_payment', { disconnectionReason: 'no_valid_payment' }, provider],
    ['registered_call_timeout', { disconnectionReason: 'registered_call_timeout' }, provider],
    ['manual_stopped', { disconnectionReason: 'manual_stopped' }, provider],
    ['error_llm_websocket_open', { disconnectionReason: 'error_llm_websocket_open' }, provider],
    [
      'error_llm_websocket_lost_connection',
      { disconnectionReason: 'error_llm_websocket_lost_connection' },
      provider,
    ],
    ['error_llm_websocket_runtime', { disconnectionReason: 'error_llm_websocket_runtime' }, provider],
    [
      'error_llm_websocket_corrupt_payload',
      { disconnectionReason: 'error_llm_websocket_corrupt_payload' },
      provider,
    ],
    ['error_no_audio_received', { disconnectionReason: 'error_no_audio_received' }, provider],
    ['error_asr', { disconnectionReason: 'error_asr' }, provider],
    ['error_retell', { disconnectionReason: 'error_retell' }, provider],
    ['error_unknown', { disconnectionReason: 'error_unknown' }, provider],
    ['error_user_not_joined', { disconnectionReason: 'error_user_not_joined' }, provider],
    ['an error call without a reason', { callStatus: 'error' }, provider],
    ['a not_connected call without a reason', { callStatus: 'not_connected' }, provider],
    [
      'an unknown reason after a conversation',
      { disconnectionReason: 'some_new_reason', durationMs: 30_000 },
      { status: 'completed', answeredBy: 'unknown' },
    ],
    [
      'an unknown reason on a call that never connected',
      { disconnectionReason: 'some_new_reason' },
      provider,
    ],
    ['an unknown call status', { callStatus: null }, provider],
  ])('%s', (_name, overrides, expected) => {
    expect(mapCallOutcome(input(overrides))).toEqual(expected);
  });

  it('knows every disconnection reason of Retell’s API', () => {
    const documented = [
      'user_hangup',
      'agent_hangup',
      'call_transfer',
      'voicemail_reached',
      'ivr_reached',
      'inactivity',
      'max_duration_reached',
      'concurrency_limit_reached',
      'no_concurrency_fallback',
      'no_valid_payment',
      'scam_detected',
      'dial_busy',
      'dial_failed',
      'dial_no_answer',
      'invalid_destination',
      'telephony_provider_permission_denied',
      'telephony_provider_unavailable',
      'sip_routing_error',
      'marked_as_spam',
      'user_declined',
      'error_llm_websocket_open',
      'error_llm_websocket_lost_connection',
      'error_llm_websocket_runtime',
      'error_llm_websocket_corrupt_payload',
      'error_no_audio_received',
      'error_asr',
      'error_retell',
      'error_unknown',
      'error_user_not_joined',
      'registered_call_timeout',
      'transfer_bridged',
      'transfer_cancelled',
      'manual_stopped',
      'call_take_over',
    ];
    expect(Object.keys(DISCONNECTION_OUTCOMES).sort()).toEqual([...documented].sort());
  });
});

describe('retell: the goal and other post-call variables', () => {
  const analysis = (customAnalysisData: Record<string, unknown> | null, callSuccessful: boolean | null) => ({
    customAnalysisData,
    callSuccessful,
    inVoicemail: false,
  });

  it('reports every item of custom_analysis_data', () => {
    expect(readAnalysisVariables(analysis({ booked: true, notes: 'call back' }, false), ['booked'])).toEqual({
      booked: true,
      notes: 'call back',
    });
  });

  it('keeps a "true"/"false" string the analysis produced (the engine reads it as a boolean)', () => {
    expect(readAnalysisVariables(analysis({ booked: 'false' }, true), ['booked'])).toEqual({
      booked: 'false',
    });
  });

  it('falls back on call_successful when the only boolean variable is missing or not a boolean', () => {
    expect(readAnalysisVariables(analysis({ notes: 'x' }, true), ['booked'])).toEqual({
      notes: 'x',
      booked: true,
    });
    expect(readAnalysisVariables(analysis(null, false), ['booked'])).toEqual({ booked: false });
    expect(readAnalysisVariables(analysis({ booked: 'maybe' }, true), ['booked'])).toEqual({ booked: true });
  });

  it('does not guess which of two boolean variables call_successful means', () => {
    expect(readAnalysisVariables(analysis({ notes: 'x' }, true), ['booked', 'interested'])).toEqual({
      notes: 'x',
    });
  });

  it('reports nothing without a boolean variable or call_successful to fall back on', () => {
    expect(readAnalysisVariables(analysis(null, true), [])).toEqual({});
    expect(readAnalysisVariables(analysis(null, null), ['booked'])).toEqual({});
  });

  it('keeps an item named __proto__ as a plain key', () => {
    const data = JSON.parse('{"__proto__": {"polluted": true}}') as Record<string, unknown>;
    const variables = readAnalysisVariables(analysis(data, true), ['__proto__']);
    expect(Object.keys(variables)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('retell: classifying refusals', () => {
  it.each<[string, 'create' | 'query', number, unknown, string | null, string]>([
    ['429', 'create', 429, { status: 'error', message: 'slow down' }, null, 'rate_limited'],
    ['500 on create', 'create', 500, null, null, 'ambiguous'],
    ['503 on create', 'create', 503, { status: 'error', message: 'unavailable' }, null, 'ambiguous'],
    ['408 on create', 'create', 408, null, null, 'ambiguous'],
    ['500 on a query', 'query', 500, null, null, 'retryable'],
    [
      'a bad to_number',
      'create',
      400,
      { status: 'error', message: 'Invalid to_number' },
      null,
      'invalid_number',
    ],
    [
      'an invalid destination',
      'create',
      422,
      { status: 'error', message: 'invalid destination' },
      null,
      'invalid_number',
    ],
    [
      'a bad from_number',
      'create',
      400,
      { status: 'error', message: 'from_number is not yours' },
      null,
      'permanent',
    ],
    [
      'from and to numbers in one message',
      'create',
      400,
      { status: 'error', message: 'from_number and to_number cannot be the same' },
      null,
      'permanent',
    ],
    [
      'a generic 400',
      'create',
      400,
      { status: 'error', message: 'Invalid request format' },
      null,
      'permanent',
    ],
    [
      'a bad key',
      'create',
      401,
      { status: 'error', message: 'API key is missing or invalid.' },
      null,
      'permanent',
    ],
    ['no payment', 'create', 402, { status: 'error', message: 'Trial has ended' }, null, 'permanent'],
    [
      'an unknown agent',
      'create',
      422,
      { status: 'error', message: 'Cannot find requested asset' },
      null,
      'permanent',
    ],
  ])('%s', (_name, operation, status, body, retryAfter, kind) => {
    const error = classifyHttpError(operation, status, body, retryAfter);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error.kind).toBe(kind);
  });

  it('reads Retry-After seconds on a 429, and ignores what it cannot read', () => {
    expect(classifyHttpError('create', 429, null, '3').retryAfterMs).toBe(3000);
    expect(classifyHttpError('create', 429, null, 'Wed, 21 Oct 2015 07:28:00 GMT').retryAfterMs).toBeNull();
    expect(classifyHttpError('create', 429, null, null).retryAfterMs).toBeNull();
  });

  it('tells a connection that never opened (retryable) from one lost in flight (ambiguous)', () => {
    const refused = new TypeError('fetch failed', {
      cause: Object.assign(new Error('x'), { code: 'ECONNREFUSED' }),
    });
    const reset = new TypeError('fetch failed', {
      cause: Object.assign(new Error('x'), { code: 'ECONNRESET' }),
    });
    const timeout = new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    expect(classifyNetworkError('create', refused, 1000).kind).toBe('retryable');
    expect(classifyNetworkError('create', reset, 1000).kind).toBe('ambiguous');
    expect(classifyNetworkError('create', timeout, 1000).kind).toBe('ambiguous');
    expect(classifyNetworkError('query', timeout, 1000).kind).toBe('retryable');
  });
});

describe('retell: the adapter against the fake', () => {
  let receiver: WebhookReceiver;
  let fake: RetellFake;
  let provider: CallProvider;
  let webhookUrl: string;
  let calls = 0;
  const config = (overrides: Partial<RetellProviderConfig> = {}): RetellProviderConfig => ({
    apiKey: API_KEY,
    baseUrl: fake.url,
    webhookUrl,
    requestTimeoutMs: TIMEOUT_MS,
    ...overrides,
  });

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    webhookUrl = `${receiver.url}/webhooks/retell`;
    fake = await startRetellFake({
      apiKey: API_KEY,
      agents: {
        [AGENT_ID]: { booleanAnalysisItems: [GOAL] },
        'agent-without-goal-item': { booleanAnalysisItems: [] },
      },
    });
    provider = createRetellProvider(config());
  });
  afterAll(async () => {
    await fake?.close();
    await receiver?.close();
  });

  const nextNumber = () => `+1646555${2000 + (calls += 1)}`;
  async function callThrough(
    outcome: Parameters<RetellFake['script']>[1],
    request = placeRequest(nextNumber(), 'c'),
  ) {
    fake.script(request.to, outcome);
    const from = receiver.received.length;
    const { providerCallId } = await provider.placeCall(request);
    await fake.settled(providerCallId);
    return { providerCallId, webhooks: receiver.received.slice(from) };
  }
  async function eventsOf(webhooks: readonly WebhookRequest[]): Promise<ProviderCallEvent[]> {
    const events: ProviderCallEvent[] = [];
    for (const webhook of webhooks) {
      const outcome = await provider.receiveWebhook!(webhook);
      if (!outcome.ok) throw new Error(outcome.message);
      events.push(...outcome.events);
    }
    return events;
  }

  it('places the call with the agent, the lead’s fields, our metadata and this call’s webhook URL', async () => {
    const request = {
      ...placeRequest(nextNumber(), 'call_body'),
      assistant: {
        ...placeRequest('+1', 'x').assistant,
        maxCallMinutes: 12,
        variables: [
          { name: GOAL, type: 'boolean' as const },
          { name: 'notes', type: 'string' as const },
          { name: 'interested', type: 'boolean' as const },
        ],
      },
    };
    await callThrough('answered_goal_met', request);
    expect(fake.createRequests.at(-1)).toEqual({
      from_number: request.from,
      to_number: request.to,
      override_agent_id: AGENT_ID,
      retell_llm_dynamic_variables: { first_name: 'Ann', plan: 'gold' },
      metadata: {
        callwright_call_id: 'call_body',
        callwright_idempotency_key: 'call_body:key',
        callwright_boolean_variables: [GOAL, 'interested'],
      },
      agent_override: {
        agent: {
          webhook_url: webhookUrl,
          webhook_events: ['call_started', 'call_ended', 'call_analyzed'],
          max_call_duration_ms: 12 * 60_000,
        },
      },
    });
  });

  it('keeps max_call_duration_ms within Retell’s bounds (1 minute to 2 hours)', async () => {
    const base = placeRequest(nextNumber(), 'call_bounds');
    const placed = await provider.placeCall({
      ...base,
      assistant: { ...base.assistant, maxCallMinutes: 600 },
    });
    await fake.settled(placed.providerCallId);
    const body = fake.createRequests.at(-1) as {
      agent_override: { agent: { max_call_duration_ms: number } };
    };
    expect(body.agent_override.agent.max_call_duration_ms).toBe(7_200_000);
  });

  it('refuses, without calling Retell, an assistant that names no Retell agent', async () => {
    const base = placeRequest(nextNumber(), 'call_no_agent');
    const sent = fake.createRequests.length;
    const placing = provider.placeCall({
      ...base,
      assistant: { ...base.assistant, providerAssistantId: null },
    });
    await expect(placing).rejects.toMatchObject({ kind: 'permanent', code: 'retell_agent_missing' });
    expect(fake.createRequests).toHaveLength(sent);
  });

  it('gives each webhook’s events ids from the call id and the event, and reports the goal on call_analyzed', async () => {
    const { providerCallId, webhooks } = await callThrough('answered_goal_met');
    const events = await eventsOf(webhooks);
    expect(events.map((e) => [e.eventId, e.type === 'status' ? e.status : e.variables])).toEqual([
      [`${providerCallId}:call_started`, 'in_progress'],
      [`${providerCallId}:call_ended`, 'completed'],
      [`${providerCallId}:call_analyzed`, 'completed'],
      [`${providerCallId}:call_analyzed:variables`, { [GOAL]: true }],
    ]);
    const ended = events[1];
    expect(ended).toMatchObject({ type: 'status', answeredBy: 'human', billedSeconds: 63 });
  });

  it('sends no call_started for a call that never connected, and bills it 0 seconds', async () => {
    const { providerCallId, webhooks } = await callThrough('no_answer');
    const events = await eventsOf(webhooks);
    expect(events.map((e) => e.eventId)).toEqual([
      `${providerCallId}:call_ended`,
      `${providerCallId}:call_analyzed`,
      `${providerCallId}:call_analyzed:variables`,
    ]);
    expect(events[0]).toMatchObject({ status: 'unanswered', billedSeconds: 0 });
  });

  it('falls back on call_successful when the agent extracts no goal item and the assistant has one boolean', async () => {
    const base = placeRequest(nextNumber(), 'call_fallback');
    const request = {
      ...base,
      assistant: { ...base.assistant, providerAssistantId: 'agent-without-goal-item' },
    };
    const { webhooks } = await callThrough('answered_goal_met', request);
    const variables = (await eventsOf(webhooks)).filter((e) => e.type === 'variables');
    expect(variables.map((e) => e.variables)).toEqual([{ [GOAL]: true }]);
  });

  it('answers a call’s status while it rings and once it ended', async () => {
    const { providerCallId } = await callThrough('voicemail');
    const report = await provider.getCallStatus(providerCallId);
    expect(report).toEqual({
      status: 'completed',
      answeredBy: 'machine',
      answeredAt: expect.any(Number),
      endedAt: expect.any(Number),
      billedSeconds: 22,
      failureReason: null,
    });
    expect(report!.endedAt! - report!.answeredAt!).toBe(21_700);

    const slow = await startRetellFake({ apiKey: API_KEY, stepMs: 10_000 });
    try {
      const ringing = createRetellProvider(config({ baseUrl: slow.url }));
      const placed = await ringing.placeCall(placeRequest(nextNumber(), 'call_ringing'));
      expect(await ringing.getCallStatus(placed.providerCallId)).toMatchObject({
        status: 'initiated' satisfies CallStatus,
        endedAt: null,
        billedSeconds: null,
      });
    } finally {
      await slow.close();
    }
  });

  it('reports a failed call with a failure reason', async () => {
    const { providerCallId } = await callThrough('failed');
    expect(await provider.getCallStatus(providerCallId)).toMatchObject({
      status: 'failed',
      failureReason: 'carrier_error',
    });
  });

  it('classifies a refused or failed status query', async () => {
    fake.failNextGet('rate_limited');
    await expect(provider.getCallStatus('whatever')).rejects.toMatchObject({ kind: 'rate_limited' });
    fake.failNextGet('server_error');
    await expect(provider.getCallStatus('whatever')).rejects.toMatchObject({ kind: 'retryable' });
  });

  it('says a wrong API key is a permanent problem, without repeating the key', async () => {
    const wrongKey = 'key_wrong_secret_value';
    const placing = createRetellProvider(config({ apiKey: wrongKey })).placeCall(
      placeRequest(nextNumber(), 'k'),
    );
    await expect(placing).rejects.toMatchObject({ kind: 'permanent', code: 'retell_http_401' });
    const error = (await placing.catch((e: unknown) => e)) as ProviderError;
    expect(error.message).toContain('API key');
    expect(`${error.message} ${error.stack ?? ''}`).not.toContain(wrongKey);
  });

  it('says a Retell it cannot reach is retryable: the call was certainly not placed', async () => {
    const closed = await startRetellFake({ apiKey: API_KEY });
    await closed.close();
    const placing = createRetellProvider(config({ baseUrl: closed.url })).placeCall(
      placeRequest(nextNumber(), 'u'),
    );
    await expect(placing).rejects.toMatchObject({ kind: 'retryable', code: 'retell_unreachable' });
  });

  it('answers malformed for a genuinely signed webhook without a call id', async () => {
    const at = Date.now();
    const body = '{"event":"call_ended","call":{}}';
    const outcome = await provider.receiveWebhook!(await signed(body, API_KEY, at));
    expect(outcome).toMatchObject({ ok: false, reason: 'malformed' });
  });

  it('accepts a signed event it does not track, with no events', async () => {
    const body = '{"event":"transcript_updated","call":{"call_id":"abc","call_status":"ongoing"}}';
    expect(await provider.receiveWebhook!(await signed(body, API_KEY, Date.now()))).toEqual({
      ok: true,
      events: [],
    });
  });
});

describe('retell: webhook signatures', () => {
  // The vector of retell-sdk's own tests (provider-apis.md §3.4).
  const KEY = 'test-api-key';
  const SIGNED_AT = 1_700_000_000_000;
  const HEADER = `v=${SIGNED_AT},d=07024cabe7dd8f6d1c6e4a8324ca92c812e6ad4a7ee506c04f7e462e3321823e`;
  const provider = createRetellProvider({ apiKey: KEY, webhookUrl: 'https://example.test/webhooks/retell' });
  const request = (overrides: Partial<WebhookRequest> = {}): WebhookRequest => ({
    url: 'https://example.test/webhooks/retell',
    headers: { 'content-type': 'application/json', 'x-retell-signature': HEADER },
    rawBody: new TextEncoder().encode('{"event":"call_ended"}'),
    receivedAt: SIGNED_AT,
    ...overrides,
  });
  const FIVE_MINUTES = 5 * 60 * 1000;

  it('accepts the SDK’s test vector (then finds no call in it)', async () => {
    expect(await provider.receiveWebhook!(request())).toMatchObject({ ok: false, reason: 'malformed' });
  });

  it.each([
    ['received exactly 5 minutes later', SIGNED_AT + FIVE_MINUTES, 'malformed'],
    ['received exactly 5 minutes earlier (clock skew)', SIGNED_AT - FIVE_MINUTES, 'malformed'],
    ['received more than 5 minutes later (a replay)', SIGNED_AT + FIVE_MINUTES + 1, 'unauthenticated'],
    ['signed more than 5 minutes in the future', SIGNED_AT - FIVE_MINUTES - 1, 'unauthenticated'],
  ])('judges the timestamp by the time the webhook arrived: %s', async (_name, receivedAt, reason) => {
    expect(await provider.receiveWebhook!(request({ receivedAt }))).toMatchObject({ ok: false, reason });
  });

  it.each([
    ['no header', undefined],
    ['an empty header', ''],
    ['no timestamp', 'd=07024cabe7dd8f6d1c6e4a8324ca92c812e6ad4a7ee506c04f7e462e3321823e'],
    ['a short digest', `v=${SIGNED_AT},d=07024cabe7dd`],
    ['another timestamp with the same digest', HEADER.replace(`v=${SIGNED_AT}`, `v=${SIGNED_AT + 1}`)],
    ['a digest of another key', 'BAD'],
  ])('refuses %s', async (_name, header) => {
    const signature = header === 'BAD' ? await sign('{"event":"call_ended"}', 'another-key') : header;
    const outcome = await provider.receiveWebhook!(
      request({
        headers: { 'x-retell-signature': signature },
        receivedAt: header === 'BAD' ? Date.now() : SIGNED_AT,
      }),
    );
    expect(outcome).toEqual({ ok: false, reason: 'unauthenticated', message: expect.any(String) });
  });

  it('refuses a body re-serialised with other whitespace (it verifies the raw bytes)', async () => {
    const rawBody = new TextEncoder().encode('{"event": "call_ended"}');
    expect(await provider.receiveWebhook!(request({ rawBody }))).toMatchObject({ reason: 'unauthenticated' });
  });

  it('refuses a body that is not UTF-8', async () => {
    const rawBody = Uint8Array.from([0x7b, 0xff, 0x7d]);
    expect(await provider.receiveWebhook!(request({ rawBody }))).toMatchObject({ reason: 'unauthenticated' });
  });

  it('verifies with the webhook-badge key when it differs from the API key', async () => {
    const split = createRetellProvider({
      apiKey: 'key_for_api_calls',
      webhookApiKey: KEY,
      webhookUrl: 'https://example.test/webhooks/retell',
    });
    expect(await split.receiveWebhook!(request())).toMatchObject({ reason: 'malformed' });
    const apiKeyOnly = createRetellProvider({
      apiKey: KEY,
      webhookApiKey: 'key_other',
      webhookUrl: 'https://x',
    });
    expect(await apiKeyOnly.receiveWebhook!(request())).toMatchObject({ reason: 'unauthenticated' });
  });
});

async function signed(body: string, key: string, receivedAt: number): Promise<WebhookRequest> {
  return {
    url: 'https://example.test/webhooks/retell',
    headers: { 'x-retell-signature': await sign(body, key) },
    rawBody: new TextEncoder().encode(body),
    receivedAt,
  };
}
