import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import twilio from 'twilio';
import type { FakeCreateFailure, FakeOutcome, ProviderFake } from '../providers/provider-fake.js';

/**
 * A faithful local fake of Twilio Programmable Voice (reference/provider-apis.md §1, §6.1), on 127.0.0.1:
 *
 * - `POST /2010-04-01/Accounts/{AccountSid}/Calls.json`: Basic auth (Account SID + Auth Token, else 401 code
 *   20003), form-encoded body with repeated `StatusCallbackEvent` keys; answers 201 with the Call resource,
 *   `status: "queued"`, a `CA` + 32 hex sid. A `To` that is not E.164 is refused as Twilio does (400, 21211).
 * - `GET /2010-04-01/Accounts/{AccountSid}/Calls/{CallSid}.json`: the Call resource, or 404 code 20404.
 * - Then it plays the number's script: form-encoded status callbacks for the subscribed events (default
 *   `completed` only) with `SequenceNumber` from 0, an RFC 2822 `Timestamp`, `CallbackSource`, and `CallDuration`
 *   on the last; the asynchronous AMD verdict (`AnsweredBy`, `MachineDetectionDuration`) to
 *   `AsyncAmdStatusCallback`; every request signed with `X-Twilio-Signature` by the official package. Once AMD
 *   reached a verdict the terminal callback and the Call resource carry `AnsweredBy` too (as a captured real
 *   callback does: reference §1.4).
 */
export interface TwilioFake extends ProviderFake {
  /** Base URL of the fake REST API, for the adapter's `apiBaseUrl`. */
  readonly baseUrl: string;
  /** Every accepted create-call request's form fields, in order (repeated keys kept). */
  readonly createRequests: readonly (readonly [string, string])[][];
}

export interface TwilioFakeOptions {
  readonly accountSid: string;
  readonly authToken: string;
  /** Milliseconds between two webhooks of a call. */
  readonly stepMs?: number;
}

interface CallRecord {
  sid: string;
  to: string;
  from: string;
  status: string;
  answeredBy: string | null;
  created: number;
  startTime: number | null;
  endTime: number | null;
  duration: number | null;
}

/** One step of a call's life: the Call resource after it, and the callback it fires (if subscribed). */
interface Step {
  readonly status: string;
  readonly event: 'initiated' | 'ringing' | 'answered' | 'completed' | 'amd';
  readonly answeredBy?: string;
  readonly talkSeconds?: number;
  readonly sipResponseCode?: string;
}

interface Delivery {
  readonly url: string;
  readonly params: Record<string, string>;
}

const TALK_SECONDS = 42;
const E164 = /^\+[1-9]\d{1,14}$/;

function scriptSteps(outcome: FakeOutcome, machineDetection: string | null): Step[] {
  const amdHuman = machineDetection === null ? undefined : 'human';
  const amdMachine =
    machineDetection === null
      ? undefined
      : machineDetection === 'Enable'
        ? 'machine_start'
        : 'machine_end_beep';
  const answered = (answeredBy: string | undefined): Step[] => [
    { status: 'initiated', event: 'initiated' },
    { status: 'ringing', event: 'ringing' },
    { status: 'in-progress', event: 'answered' },
    ...(answeredBy === undefined ? [] : [{ status: 'in-progress', event: 'amd', answeredBy } as Step]),
    {
      status: 'completed',
      event: 'completed',
      talkSeconds: TALK_SECONDS,
      ...(answeredBy === undefined ? {} : { answeredBy }),
    },
  ];
  switch (outcome) {
    case 'answered_goal_met':
    case 'answered_goal_not_met':
      return answered(amdHuman);
    case 'voicemail':
      return answered(amdMachine);
    case 'busy':
      return [
        { status: 'initiated', event: 'initiated' },
        { status: 'busy', event: 'completed', sipResponseCode: '486' },
      ];
    case 'no_answer':
      return [
        { status: 'initiated', event: 'initiated' },
        { status: 'ringing', event: 'ringing' },
        { status: 'no-answer', event: 'completed', sipResponseCode: '487' },
      ];
    case 'failed':
      return [
        { status: 'initiated', event: 'initiated' },
        { status: 'failed', event: 'completed', sipResponseCode: '503' },
      ];
  }
}

function rfc2822(ms: number): string {
  // toUTCString gives "Tue, 04 Aug 2026 10:00:05 GMT"; Twilio writes the zone as +0000.
  return new Date(ms).toUTCString().replace('GMT', '+0000');
}

/** Form encoding as Twilio writes it: %20 for spaces, %2B for plus. */
function encodeForm(params: Record<string, string>): string {
  return Object.entries(params)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
    .join('&');
}

function formatted(number: string): string {
  const match = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(number);
  return match ? `(${match[1]}) ${match[2]}-${match[3]}` : number;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** A small seeded generator, so a shuffled delivery order is the same on every run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export async function startTwilioFake(options: TwilioFakeOptions): Promise<TwilioFake> {
  const { accountSid, authToken } = options;
  const stepMs = options.stepMs ?? 2;
  const expectedAuth = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`;
  const accountPath = `/2010-04-01/Accounts/${accountSid}`;
  const scripts = new Map<string, FakeOutcome>();
  const calls = new Map<string, CallRecord>();
  const settledCalls = new Map<string, Promise<void>>();
  const createRequests: [string, string][][] = [];
  const held = new Set<ServerResponse>();
  /** Pending pauses between webhooks; closing the fake ends them at once. */
  const timers = new Map<NodeJS.Timeout, () => void>();
  const random = seededRandom(7);
  let nextFailure: FakeCreateFailure | null = null;
  let mode: 'once' | 'twice' | 'shuffled' = 'once';
  let closed = false;
  let base = '';

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.set(timer, resolve);
    });

  const json = (response: ServerResponse, status: number, body: unknown) => {
    response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  };
  const error = (response: ServerResponse, status: number, code: number, message: string) =>
    json(response, status, {
      code,
      message,
      more_info: `https://www.twilio.com/docs/errors/${code}`,
      status,
    });

  const resource = (call: CallRecord) => {
    const uri = `${accountPath}/Calls/${call.sid}`;
    return {
      account_sid: accountSid,
      annotation: null,
      answered_by: call.answeredBy,
      api_version: '2010-04-01',
      caller_name: null,
      date_created: rfc2822(call.created),
      date_updated: rfc2822(call.endTime ?? call.created),
      direction: 'outbound-api',
      duration: call.duration === null ? null : String(call.duration),
      end_time: call.endTime === null ? null : rfc2822(call.endTime),
      forwarded_from: null,
      from: call.from,
      from_formatted: formatted(call.from),
      group_sid: null,
      parent_call_sid: null,
      phone_number_sid: `PN${'0'.repeat(32)}`,
      price: null,
      price_unit: 'USD',
      queue_time: '0',
      sid: call.sid,
      start_time: call.startTime === null ? null : rfc2822(call.startTime),
      status: call.status,
      subresource_uris: {
        notifications: `${uri}/Notifications.json`,
        recordings: `${uri}/Recordings.json`,
      },
      to: call.to,
      to_formatted: formatted(call.to),
      trunk_sid: null,
      uri: `${uri}.json`,
    };
  };

  /** Plays a call's script: updates the Call resource step by step and posts the callbacks in the chosen order. */
  async function play(call: CallRecord, form: URLSearchParams): Promise<void> {
    const statusCallback = form.get('StatusCallback');
    const subscribed = new Set(form.getAll('StatusCallbackEvent'));
    if (subscribed.size === 0) subscribed.add('completed');
    const machineDetection = form.get('MachineDetection');
    const amdCallback = form.get('AsyncAmd') === 'true' ? form.get('AsyncAmdStatusCallback') : null;
    const steps = scriptSteps(scripts.get(call.to) ?? 'answered_goal_not_met', machineDetection);

    let sequence = 0;
    let clock = call.created;
    const deliveries: Delivery[] = [];
    const states: CallRecord[] = [];
    for (const step of steps) {
      clock += 1000 * (step.event === 'completed' ? (step.talkSeconds ?? 3) : 2);
      call = { ...call, status: step.status };
      if (step.event === 'initiated') call.startTime = clock;
      if (step.answeredBy !== undefined) call.answeredBy = step.answeredBy;
      if (step.event === 'completed') {
        call.endTime = clock;
        call.duration = step.talkSeconds ?? 0;
      }
      states.push(call);
      if (step.event === 'amd') {
        if (amdCallback !== null && step.answeredBy !== undefined) {
          deliveries.push({
            url: amdCallback,
            params: {
              AccountSid: accountSid,
              AnsweredBy: step.answeredBy,
              CallSid: call.sid,
              MachineDetectionDuration: '2650',
            },
          });
        }
        continue;
      }
      if (statusCallback === null || !subscribed.has(step.event)) continue;
      const params: Record<string, string> = {
        AccountSid: accountSid,
        ApiVersion: '2010-04-01',
        CallSid: call.sid,
        CallStatus: step.status,
        Called: call.to,
        Caller: call.from,
        CallbackSource: 'call-progress-events',
        Direction: 'outbound-api',
        From: call.from,
        SequenceNumber: String(sequence++),
        Timestamp: rfc2822(clock),
        To: call.to,
      };
      if (step.event === 'completed') {
        params.CallDuration = String(call.duration ?? 0);
        params.Duration = String(Math.ceil((call.duration ?? 0) / 60));
        if (step.sipResponseCode !== undefined) params.SipResponseCode = step.sipResponseCode;
        if (call.answeredBy !== null) params.AnsweredBy = call.answeredBy;
      }
      deliveries.push({ url: statusCallback, params });
    }

    let order = deliveries;
    if (mode === 'twice') order = deliveries.flatMap((d) => [d, d]);
    if (mode === 'shuffled') {
      order = [...deliveries];
      for (let i = order.length - 1; i > 0; i -= 1) {
        const j = Math.floor(random() * (i + 1));
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
      if (order.every((d, i) => d === deliveries[i])) order.reverse();
    }

    for (const [index, delivery] of order.entries()) {
      // The Call resource follows the call's own time, whatever order its callbacks reach the application in.
      calls.set(call.sid, states[Math.min(index, states.length - 1)]!);
      await sleep(stepMs);
      if (closed) return;
      await post(delivery);
    }
    calls.set(call.sid, states.at(-1)!);
  }

  async function post({ url, params }: Delivery): Promise<void> {
    const signature = twilio.getExpectedTwilioSignature(authToken, url, params);
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'user-agent': 'TwilioProxy/1.1',
        'x-twilio-signature': signature,
        'i-twilio-idempotency-token': `${params.CallSid}-${params.SequenceNumber ?? 'amd'}`,
      },
      body: encodeForm(params),
    });
    await response.arrayBuffer();
  }

  async function createCall(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const failure = nextFailure;
    nextFailure = null;
    if (!(request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
      error(response, 415, 20415, 'Unsupported Media Type');
      return;
    }
    const body = await readBody(request);
    const form = new URLSearchParams(body);
    switch (failure) {
      case 'rate_limited':
        error(response, 429, 20429, 'Too Many Requests');
        return;
      case 'server_error':
        error(response, 500, 20500, 'Internal Server Error');
        return;
      case 'timeout':
        held.add(response);
        return;
      case 'invalid_number':
        error(response, 400, 21211, `The 'To' number ${form.get('To')} is not a valid phone number.`);
        return;
      case null:
        break;
    }
    const to = form.get('To') ?? '';
    const from = form.get('From') ?? '';
    if (to === '') return error(response, 400, 21201, "No 'To' number is specified");
    if (from === '') return error(response, 400, 21213, "No 'From' number is specified");
    if (!E164.test(to))
      return error(response, 400, 21211, `The 'To' number ${to} is not a valid phone number.`);
    if (!form.has('Url') && !form.has('Twiml') && !form.has('ApplicationSid')) {
      return error(response, 400, 21205, 'Url parameter is required.');
    }
    createRequests.push([...form.entries()]);
    const call: CallRecord = {
      sid: `CA${randomBytes(16).toString('hex')}`,
      to,
      from,
      status: 'queued',
      answeredBy: null,
      created: Date.now(),
      startTime: null,
      endTime: null,
      duration: null,
    };
    calls.set(call.sid, call);
    json(response, 201, resource(call));
    settledCalls.set(call.sid, play(call, form));
  }

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', base);
    if (request.headers.authorization !== expectedAuth) {
      error(response, 401, 20003, 'Authenticate');
      return;
    }
    if (request.method === 'POST' && url.pathname === `${accountPath}/Calls.json`) {
      void createCall(request, response);
      return;
    }
    const read = new RegExp(`^${accountPath}/Calls/([^/]+)\\.json$`).exec(url.pathname);
    if (request.method === 'GET' && read) {
      const call = calls.get(decodeURIComponent(read[1]!));
      if (call) json(response, 200, resource(call));
      else error(response, 404, 20404, `The requested resource ${url.pathname} was not found`);
      return;
    }
    error(response, 404, 20404, `The requested resource ${url.pathname} was not found`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    baseUrl: base,
    createRequests,
    script: (to, outcome) => void scripts.set(to, outcome),
    failNextCreate: (failure) => {
      nextFailure = failure;
    },
    deliver: (next) => {
      mode = next;
    },
    settled: (providerCallId) =>
      settledCalls.get(providerCallId) ??
      Promise.reject(new Error(`the Twilio fake never created call ${providerCallId}`)),
    close: async () => {
      closed = true;
      for (const [timer, resolve] of timers) {
        clearTimeout(timer);
        resolve();
      }
      timers.clear();
      for (const response of held) response.destroy();
      await Promise.allSettled(settledCalls.values());
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
