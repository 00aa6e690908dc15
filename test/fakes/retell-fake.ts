import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sign } from 'retell-sdk';
import type { FakeCreateFailure, FakeOutcome, ProviderFake } from '../providers/provider-fake.js';

/**
 * A local fake of Retell AI's API (provider-apis.md §3, §6.3), speaking its formats:
 * - `POST /v2/create-phone-call` (Bearer API key, JSON) → 201 with the call object, `call_status: "registered"`;
 *   errors as Retell sends them, `{status:"error", message}` with 400/401/422/429/500;
 * - `GET /v2/get-call/{call_id}` → 200 with the call as it stands, 404 for an unknown id;
 * - then, per call, `{event, call}` webhooks posted to the call's `agent_override.agent.webhook_url` (else the
 *   account-level URL): `call_started` only for a call that connected, then `call_ended` (no `call_analysis`),
 *   then `call_analyzed` (with it). Each is signed `x-retell-signature: v=<ms>,d=<hex>` by retell-sdk's own
 *   `sign`, with the webhook-badge API key, and retried up to 3 times unless answered 2xx, as Retell does.
 *
 * What the real service decides is scripted: `script(to, outcome)` says how calls to a number end, and each agent's
 * `post_call_analysis_data` boolean items (option `agents`) are all reported as the goal (true/false). Not
 * verified against the real service: the exact message of a refused destination (this fake says `to_number`), and
 * which `call_status` accompanies a call that never connected (`not_connected` for busy, `ended` for no answer, as
 * the docs' sample, `error` for a failed dial).
 *
 * Time is compressed: a call's stages follow each other `stepMs` apart, while its timestamps tell a plausible
 * story (rings 5 s, talks about a minute).
 */
export interface RetellFakeOptions {
  /** The API key the fake accepts (Bearer). It also signs webhooks unless `webhookApiKey` is given. */
  readonly apiKey: string;
  /** The API key with the webhook badge, which Retell signs webhooks with. */
  readonly webhookApiKey?: string;
  /** The account-level webhook URL, used for calls that set no `agent_override.agent.webhook_url`. */
  readonly accountWebhookUrl?: string;
  /** Agents by agent_id, with the names of their boolean post-call analysis items; any agent id is accepted if unset. */
  readonly agents?: Readonly<Record<string, { readonly booleanAnalysisItems: readonly string[] }>>;
  /** Delay between a call's stages, in ms. */
  readonly stepMs?: number;
}

export interface RetellFake extends ProviderFake {
  /** Base URL to give the adapter as its API base URL. */
  readonly url: string;
  /** The JSON bodies of create-phone-call requests, in arrival order (refused ones too). */
  readonly createRequests: readonly unknown[];
  /** The next get-call request fails like this, once. */
  failNextGet(failure: 'rate_limited' | 'server_error'): void;
}

type WebhookEvent = 'call_started' | 'call_ended' | 'call_analyzed';
type CallObject = Record<string, unknown>;
type DeliveryMode = 'once' | 'twice' | 'shuffled';

interface Ending {
  readonly connected: boolean;
  readonly callStatus: 'ended' | 'not_connected' | 'error';
  readonly reason: string;
  readonly talkMs: number;
  readonly goal: boolean;
  readonly inVoicemail: boolean;
}

const ENDINGS: Record<FakeOutcome, Ending> = {
  answered_goal_met: {
    connected: true,
    callStatus: 'ended',
    reason: 'agent_hangup',
    talkMs: 62_400,
    goal: true,
    inVoicemail: false,
  },
  answered_goal_not_met: {
    connected: true,
    callStatus: 'ended',
    reason: 'user_hangup',
    talkMs: 48_100,
    goal: false,
    inVoicemail: false,
  },
  voicemail: {
    connected: true,
    callStatus: 'ended',
    reason: 'voicemail_reached',
    talkMs: 21_700,
    goal: false,
    inVoicemail: true,
  },
  busy: {
    connected: false,
    callStatus: 'not_connected',
    reason: 'dial_busy',
    talkMs: 0,
    goal: false,
    inVoicemail: false,
  },
  no_answer: {
    connected: false,
    callStatus: 'ended',
    reason: 'dial_no_answer',
    talkMs: 0,
    goal: false,
    inVoicemail: false,
  },
  failed: {
    connected: false,
    callStatus: 'error',
    reason: 'dial_failed',
    talkMs: 0,
    goal: false,
    inVoicemail: false,
  },
};

const E164 = /^\+[1-9]\d{6,14}$/;
const RING_MS = 5_000;
const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const WEBHOOK_ATTEMPTS = 4;

export async function startRetellFake(options: RetellFakeOptions): Promise<RetellFake> {
  const webhookKey = options.webhookApiKey ?? options.apiKey;
  const stepMs = options.stepMs ?? 2;
  const scripts = new Map<string, FakeOutcome>();
  const calls = new Map<string, CallObject>();
  const deliveries = new Map<string, Promise<void>>();
  const createRequests: unknown[] = [];
  const held = new Set<ServerResponse>();
  let nextCreateFailure: FakeCreateFailure | null = null;
  let nextGetFailure: 'rate_limited' | 'server_error' | null = null;
  let mode: DeliveryMode = 'once';
  let closed = false;
  const timers = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>();
  /** A stage's delay; closing the fake ends every pending one at once, so `close()` never waits out a script. */
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      if (closed) return resolve();
      const entry = { timer: setTimeout(() => (timers.delete(entry), resolve()), ms), resolve };
      timers.add(entry);
    });

  const reply = (response: ServerResponse, status: number, body: unknown) => {
    response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  };
  const refuse = (response: ServerResponse, status: number, message: string) =>
    reply(response, status, { status: 'error', message });

  const postWebhook = async (url: string, body: string) => {
    for (let attempt = 1; attempt <= WEBHOOK_ATTEMPTS && !closed; attempt += 1) {
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-retell-signature': await sign(body, webhookKey) },
          body,
        });
        await response.arrayBuffer();
        if (response.ok) return;
      } catch {
        // Retell retries a webhook that got no 2xx; so does the fake.
      }
    }
  };

  const runCall = async (
    call: CallObject,
    ending: Ending,
    webhookUrl: string | null,
    delivery: DeliveryMode,
  ) => {
    const callId = call.call_id as string;
    const createdAt = Date.now();
    const startedAt = createdAt + RING_MS;
    const endedAt = startedAt + ending.talkMs;
    const booleanItems = options.agents?.[call.agent_id as string]?.booleanAnalysisItems ?? [];
    const stages: [WebhookEvent, CallObject][] = [];
    const advance = async (event: WebhookEvent, state: CallObject) => {
      await pause(stepMs);
      if (closed) return;
      calls.set(callId, state);
      stages.push([event, state]);
      if (delivery !== 'shuffled') await deliver(event, state);
    };
    const deliver = async (event: WebhookEvent, state: CallObject) => {
      if (webhookUrl === null) return;
      const body = JSON.stringify({ event, call: state });
      await postWebhook(webhookUrl, body);
      if (delivery === 'twice') await postWebhook(webhookUrl, body);
    };

    if (ending.connected) {
      await advance('call_started', { ...call, call_status: 'ongoing', start_timestamp: startedAt });
    }
    const ended: CallObject = {
      ...call,
      call_status: ending.callStatus,
      start_timestamp: ending.connected ? startedAt : createdAt,
      end_timestamp: endedAt,
      duration_ms: ending.talkMs,
      disconnection_reason: ending.reason,
      ...(ending.connected
        ? { transcript: 'Agent: Hello, this is Callwright calling.\nUser: Hi.\n', recording_url: null }
        : {}),
    };
    await advance('call_ended', ended);
    await advance('call_analyzed', {
      ...ended,
      call_analysis: {
        call_summary: ending.connected ? 'The agent spoke with the callee.' : 'The call did not connect.',
        in_voicemail: ending.inVoicemail,
        user_sentiment: ending.connected && !ending.inVoicemail ? 'Neutral' : 'Unknown',
        call_successful: ending.goal,
        custom_analysis_data: Object.fromEntries(booleanItems.map((name) => [name, ending.goal])),
      },
    });
    // Shuffled: the last stage first, so every webhook arrives out of order.
    if (delivery === 'shuffled') for (const [event, state] of stages.reverse()) await deliver(event, state);
  };

  const createPhoneCall = (response: ServerResponse, text: string) => {
    const body = parseJson(text);
    createRequests.push(body);
    const failure = nextCreateFailure;
    nextCreateFailure = null;
    if (failure === 'timeout') {
      held.add(response);
      return;
    }
    if (failure === 'rate_limited') return refuse(response, 429, 'Too many requests, please retry later.');
    if (failure === 'server_error') return refuse(response, 500, 'An unexpected server error occurred.');
    if (!isRecord(body) || typeof body.from_number !== 'string' || typeof body.to_number !== 'string') {
      return refuse(response, 400, 'Invalid request format, please check API reference.');
    }
    if (failure === 'invalid_number' || !E164.test(body.to_number)) {
      return refuse(response, 400, `Invalid to_number: ${body.to_number} is not a valid E.164 phone number.`);
    }
    const agentId = typeof body.override_agent_id === 'string' ? body.override_agent_id : null;
    if (agentId === null || (options.agents !== undefined && options.agents[agentId] === undefined)) {
      return refuse(response, 422, 'Cannot find requested asset under given api key.');
    }
    const override =
      isRecord(body.agent_override) && isRecord(body.agent_override.agent) ? body.agent_override.agent : {};
    const webhookUrl =
      typeof override.webhook_url === 'string' ? override.webhook_url : (options.accountWebhookUrl ?? null);
    const call: CallObject = {
      call_type: 'phone_call',
      from_number: body.from_number,
      to_number: body.to_number,
      direction: 'outbound',
      call_id: randomId(),
      agent_id: agentId,
      agent_version: 1,
      call_status: 'registered',
      ...(body.metadata === undefined ? {} : { metadata: body.metadata }),
      ...(isRecord(body.retell_llm_dynamic_variables)
        ? { retell_llm_dynamic_variables: body.retell_llm_dynamic_variables }
        : {}),
      telephony_identifier: { twilio_call_sid: `CA${randomBytes(16).toString('hex')}` },
    };
    calls.set(call.call_id as string, call);
    const ending = ENDINGS[scripts.get(body.to_number) ?? 'answered_goal_not_met'];
    deliveries.set(call.call_id as string, runCall(call, ending, webhookUrl, mode));
    reply(response, 201, call);
  };

  const getCall = (response: ServerResponse, callId: string) => {
    const failure = nextGetFailure;
    nextGetFailure = null;
    if (failure === 'rate_limited') return refuse(response, 429, 'Too many requests, please retry later.');
    if (failure === 'server_error') return refuse(response, 500, 'An unexpected server error occurred.');
    const call = calls.get(callId);
    if (call === undefined) return refuse(response, 404, 'Not Found');
    reply(response, 200, call);
  };

  const server = createServer((request, response) => {
    void readText(request).then((text) => {
      if (request.headers.authorization !== `Bearer ${options.apiKey}`) {
        return refuse(response, 401, 'API key is missing or invalid.');
      }
      const path = new URL(request.url ?? '/', 'http://fake').pathname;
      if (request.method === 'POST' && path === '/v2/create-phone-call') {
        return createPhoneCall(response, text);
      }
      const getMatch = /^\/v2\/get-call\/([^/]+)$/.exec(path);
      if (request.method === 'GET' && getMatch !== null)
        return getCall(response, decodeURIComponent(getMatch[1]!));
      return refuse(response, 404, 'Not Found');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    createRequests,
    script(to, outcome) {
      scripts.set(to, outcome);
    },
    failNextCreate(failure) {
      nextCreateFailure = failure;
    },
    failNextGet(failure) {
      nextGetFailure = failure;
    },
    deliver(next) {
      mode = next;
    },
    settled(providerCallId) {
      return (
        deliveries.get(providerCallId) ??
        Promise.reject(new Error(`the fake placed no call ${providerCallId}`))
      );
    },
    async close() {
      closed = true;
      for (const { timer, resolve } of timers) {
        clearTimeout(timer);
        resolve();
      }
      await Promise.allSettled(deliveries.values());
      for (const response of held) response.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function randomId(): string {
  return Array.from(randomBytes(32), (byte) => ID_ALPHABET[byte % ID_ALPHABET.length]).join('');
}

async function readText(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
