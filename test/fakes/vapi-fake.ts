import { createHmac, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { createSeededRandom } from '../../src/domain/seeded-random.js';
import type { FakeCreateFailure, FakeOutcome, ProviderFake } from '../providers/provider-fake.js';

/**
 * A local Vapi (reference/provider-apis.md §2, §6.2) on 127.0.0.1: `POST /call` and `GET /call/{id}` with Bearer
 * auth, then the call's `status-update` and `end-of-call-report` server messages posted to the server URL of the
 * call's `assistantOverrides.server`, authenticated with the Custom Credential its `credentialId` names, as Vapi
 * does (no credential: sent unauthenticated). What it knows of the organization (API key, credentials,
 * assistants, phone numbers) is given at start.
 *
 * The signing here is written independently of the adapter's verification, so a shared mistake cannot pass.
 */
export type FakeVapiCredential =
  | {
      readonly type: 'bearer';
      readonly token: string;
      readonly headerName?: string;
      readonly bearerPrefix?: boolean;
    }
  | { readonly type: 'hmac'; readonly secretKey: string; readonly algorithm?: 'sha256' | 'sha512' };

export interface FakeVapiAssistant {
  /** The property of `analysis.structuredData` the assistant's analysis plan fills with the goal; null: none. */
  readonly structuredDataKey: string | null;
}

export interface VapiFakeOptions {
  readonly apiKey: string;
  readonly credentials: Readonly<Record<string, FakeVapiCredential>>;
  readonly assistants: Readonly<Record<string, FakeVapiAssistant>>;
  readonly phoneNumberIds: readonly string[];
}

export interface VapiFake extends ProviderFake {
  readonly url: string;
  /** Every `POST /call` body received, parsed, in order. */
  readonly createRequests: readonly Record<string, unknown>[];
  /** Also Vapi's answer when every call slot is busy: 201 with `subscriptionLimits.concurrencyBlocked`. */
  failNextCreate(failure: FakeCreateFailure | 'concurrency_blocked'): void;
}

type Json = Record<string, unknown>;

interface FakeCall extends Json {
  id: string;
  status: string;
}

/** How each scripted outcome unfolds: the statuses Vapi reports, then how it ends. */
const SCRIPTS: Record<FakeOutcome | 'concurrency_blocked', { statuses: string[]; endedReason: string }> = {
  answered_goal_met: { statuses: ['ringing', 'in-progress'], endedReason: 'customer-ended-call' },
  answered_goal_not_met: { statuses: ['ringing', 'in-progress'], endedReason: 'assistant-ended-call' },
  voicemail: { statuses: ['ringing', 'in-progress'], endedReason: 'voicemail' },
  busy: { statuses: ['ringing'], endedReason: 'customer-busy' },
  no_answer: { statuses: ['ringing'], endedReason: 'customer-did-not-answer' },
  failed: { statuses: [], endedReason: 'twilio-failed-to-connect-call' },
  concurrency_blocked: {
    statuses: [],
    endedReason: 'call.start.error-subscription-concurrency-limit-reached',
  },
};

const E164 = /^\+[1-9]\d{6,14}$/;
const DELIVERY_GAP_MS = 2;

export async function startVapiFake(options: VapiFakeOptions): Promise<VapiFake> {
  const outcomes = new Map<string, FakeOutcome>();
  const calls = new Map<string, FakeCall>();
  const settling = new Map<string, Promise<void>>();
  const createRequests: Json[] = [];
  let nextFailure: FakeCreateFailure | 'concurrency_blocked' | null = null;
  let mode: 'once' | 'twice' | 'shuffled' = 'once';

  const createCall = (body: Json, response: ServerResponse) => {
    createRequests.push(body);
    const failure = nextFailure;
    nextFailure = null;
    if (failure === 'timeout') return; // held open: the client gives up first
    if (failure === 'rate_limited') return answer(response, 429, error(429, 'Too Many Requests'));
    if (failure === 'server_error') return answer(response, 500, error(500, 'Internal server error'));
    const customer = (body.customer ?? {}) as Json;
    if (failure === 'invalid_number' || typeof customer.number !== 'string' || !E164.test(customer.number)) {
      const message = 'customer.number must be a valid phone number in the E.164 format.';
      return answer(response, 400, error(400, [message]));
    }
    const assistant = options.assistants[String(body.assistantId)];
    if (assistant === undefined) return answer(response, 400, error(400, "Couldn't Get Assistant."));
    if (!options.phoneNumberIds.includes(String(body.phoneNumberId))) {
      return answer(response, 400, error(400, "Couldn't Get Phone Number."));
    }
    const now = new Date().toISOString();
    const call: FakeCall = {
      id: randomUUID(),
      orgId: 'org-fake',
      type: 'outboundPhoneCall',
      status: 'queued',
      createdAt: now,
      updatedAt: now,
      assistantId: body.assistantId,
      phoneNumberId: body.phoneNumberId,
      customer,
      assistantOverrides: body.assistantOverrides,
    };
    calls.set(call.id, call);
    const blocked = failure === 'concurrency_blocked';
    answer(response, 201, {
      ...call,
      subscriptionLimits: {
        concurrencyBlocked: blocked,
        concurrencyLimit: 10,
        remainingConcurrentCalls: blocked ? 0 : 9,
      },
    });
    const outcome = blocked
      ? 'concurrency_blocked'
      : (outcomes.get(customer.number) ?? 'answered_goal_not_met');
    const playing = play(call, messagesOf(call, outcome, assistant), mode);
    // Handled here so a delivery failure nobody waits for is not an unhandled rejection; `settled` still rejects.
    playing.catch(() => undefined);
    settling.set(call.id, playing);
  };

  /** Posts the call's messages in the delivery mode; Vapi's own view of the call follows the furthest one. */
  const play = async (call: FakeCall, messages: { state: Json; body: Json }[], how: typeof mode) => {
    const order = messages.map((message, step) => ({ ...message, step }));
    const deliveries =
      how === 'twice' ? order.flatMap((m) => [m, m]) : how === 'shuffled' ? shuffle(order, call.id) : order;
    let reached = -1;
    for (const delivery of deliveries) {
      await sleep(DELIVERY_GAP_MS);
      if (delivery.step > reached) {
        reached = delivery.step;
        Object.assign(call, delivery.state);
      }
      await post(call, JSON.stringify(delivery.body));
    }
  };

  const post = async (call: FakeCall, body: string) => {
    const server = ((call.assistantOverrides as Json | undefined)?.server ?? {}) as Json;
    if (typeof server.url !== 'string') return;
    const credential = options.credentials[String(server.credentialId)];
    const headers = {
      'content-type': 'application/json',
      ...(credential ? authHeaders(credential, body) : {}),
    };
    const response = await fetch(server.url, { method: 'POST', headers, body });
    await response.arrayBuffer();
  };

  const server = createServer((request, response) => {
    void handle(request, response).catch(() => answer(response, 500, error(500, 'fake failure')));
  });
  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const text = await readBody(request);
    if (request.headers.authorization !== `Bearer ${options.apiKey}`) {
      return answer(
        response,
        401,
        error(401, 'Invalid Key. Hot tip, make sure you are using the private key.'),
      );
    }
    const path = new URL(request.url ?? '/', 'http://fake').pathname;
    if (request.method === 'POST' && path === '/call') return createCall(JSON.parse(text) as Json, response);
    const id = /^\/call\/([^/]+)$/.exec(path)?.[1];
    const call = id === undefined ? undefined : calls.get(decodeURIComponent(id));
    if (request.method === 'GET' && call !== undefined) return answer(response, 200, call);
    return answer(response, 404, error(404, 'Not Found'));
  };

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    createRequests,
    script: (to, outcome) => void outcomes.set(to, outcome),
    failNextCreate: (failure) => void (nextFailure = failure),
    deliver: (next) => void (mode = next),
    settled: (providerCallId) =>
      settling.get(providerCallId) ?? Promise.reject(new Error(`the fake placed no call ${providerCallId}`)),
    close: async () => {
      await Promise.allSettled(settling.values());
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The server messages of one call, each with the call's state once it is sent (reference §2.3). */
function messagesOf(call: FakeCall, outcome: keyof typeof SCRIPTS, assistant: FakeVapiAssistant) {
  const { statuses, endedReason } = SCRIPTS[outcome];
  const startedAt = statuses.includes('in-progress') ? new Date().toISOString() : undefined;
  const endedAt = new Date().toISOString();
  const analysis = analysisOf(outcome, assistant);
  const ended = { status: 'ended', endedReason, endedAt, ...(startedAt ? { startedAt } : {}) };
  const message = (state: Json, fields: Json) => {
    const snapshot = { ...call, ...state, updatedAt: new Date().toISOString() };
    const body = { message: { timestamp: Date.now(), ...fields, call: snapshot, customer: call.customer } };
    return { state, body };
  };
  return [
    ...statuses.map((status) => {
      const state = status === 'in-progress' ? { status, startedAt } : { status };
      return message(state, { type: 'status-update', status });
    }),
    message(ended, { type: 'status-update', status: 'ended', endedReason }),
    message(
      { ...ended, analysis },
      {
        type: 'end-of-call-report',
        endedReason,
        ...(startedAt ? { startedAt } : {}),
        endedAt,
        cost: startedAt ? 0.12 : 0,
        analysis,
        artifact: { messages: [], transcript: startedAt ? 'AI: Hello, this is Ava. User: Hi.' : '' },
      },
    ),
  ];
}

/** Vapi analyses only calls with a conversation: structured data and the default PassFail verdict. */
function analysisOf(outcome: keyof typeof SCRIPTS, assistant: FakeVapiAssistant): Json {
  if (outcome !== 'answered_goal_met' && outcome !== 'answered_goal_not_met') return {};
  const goal = outcome === 'answered_goal_met';
  const key = assistant.structuredDataKey;
  return {
    summary: goal ? 'The customer booked a demo.' : 'The customer declined.',
    structuredData: key === null ? {} : { [key]: goal },
    successEvaluation: String(goal),
  };
}

/** The credential's headers as Vapi sends them; HMAC is Vapi's default plan: hex of `{timestamp}.{body}`. */
function authHeaders(credential: FakeVapiCredential, body: string): Record<string, string> {
  if (credential.type === 'bearer') {
    const value = credential.bearerPrefix === false ? credential.token : `Bearer ${credential.token}`;
    return { [credential.headerName ?? 'Authorization']: value };
  }
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = createHmac(credential.algorithm ?? 'sha256', credential.secretKey)
    .update(`${timestamp}.${body}`)
    .digest('hex');
  return { 'x-signature': signature, 'x-timestamp': timestamp };
}

/** A seeded Fisher–Yates shuffle that never leaves the order as it was. */
function shuffle<T>(items: readonly T[], seed: string): T[] {
  const random = createSeededRandom(seed);
  const shuffled = [...items];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
  }
  return shuffled.every((item, i) => item === items[i]) ? shuffled.reverse() : shuffled;
}

function error(statusCode: number, message: string | string[]): Json {
  const names: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 404: 'Not Found' };
  return { message, error: names[statusCode] ?? 'Error', statusCode };
}

function answer(response: ServerResponse, status: number, body: Json): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
