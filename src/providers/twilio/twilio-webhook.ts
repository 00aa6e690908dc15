import twilio from 'twilio';
import { isTerminalCallStatus } from '../../domain/call-status.js';
import type { ProviderCallEvent, WebhookOutcome, WebhookRequest } from '../../engine/ports/call-provider.js';
import { mapTwilioStatus, readAnsweredBy } from './twilio-status.js';

/** Form fields as the signature algorithm takes them: a repeated key's values as an array. */
export type TwilioParams = Record<string, string | string[]>;

const SIGNATURE_HEADER = 'x-twilio-signature';
/** Present only when a Webhooks Rule SharedKey signs the request (HMAC-SHA256), which this adapter does not use. */
const SIGNATURE_SETTINGS_HEADER = 'x-twilio-webhooks-signature-settings';
const utf8 = new TextDecoder('utf-8', { fatal: true });

function refuse(reason: 'unauthenticated' | 'malformed', message: string): WebhookOutcome {
  return { ok: false, reason, message };
}

/**
 * Verifies `X-Twilio-Signature` (reference §1.6) with the official `twilio` package: base64 HMAC-SHA1 under the
 * Auth Token of the full URL Twilio called followed by the sorted form fields. Twilio signs the decoded fields,
 * not the bytes, so the body is split into fields here — and nothing in them is read — before the check; any
 * changed byte changes a field and fails it. Returns the fields once verified, or the refusal.
 */
export function verifyTwilioWebhook(
  authToken: string,
  request: WebhookRequest,
): { ok: true; params: TwilioParams } | { ok: false; outcome: WebhookOutcome } {
  const signature = request.headers[SIGNATURE_HEADER];
  if (signature === undefined || signature === '') {
    return { ok: false, outcome: refuse('unauthenticated', 'the request has no X-Twilio-Signature header') };
  }
  const settings = request.headers[SIGNATURE_SETTINGS_HEADER];
  if (settings !== undefined && settings !== '') {
    return {
      ok: false,
      outcome: refuse(
        'unauthenticated',
        'the request is signed with a Webhooks Rule SharedKey; remove the rule so Twilio signs with the Auth Token',
      ),
    };
  }
  let body: string;
  try {
    body = utf8.decode(request.rawBody);
  } catch {
    return {
      ok: false,
      outcome: refuse('unauthenticated', 'the body is not UTF-8, so its signature cannot hold'),
    };
  }
  const params = parseForm(body);
  let valid: boolean;
  try {
    valid = twilio.validateRequest(authToken, signature, request.url, params);
  } catch {
    // validateRequest parses the URL with `new URL`, which throws on a URL it cannot read.
    valid = false;
  }
  if (!valid) {
    return {
      ok: false,
      outcome: refuse(
        'unauthenticated',
        'X-Twilio-Signature does not match: the request was not signed with this account’s Auth Token for this URL',
      ),
    };
  }
  return { ok: true, params };
}

/** `application/x-www-form-urlencoded` fields; a key sent more than once keeps every value. */
export function parseForm(body: string): TwilioParams {
  const params: TwilioParams = Object.create(null) as TwilioParams;
  for (const [key, value] of new URLSearchParams(body)) {
    const previous = params[key];
    if (previous === undefined) params[key] = value;
    else params[key] = Array.isArray(previous) ? [...previous, value] : [previous, value];
  }
  return params;
}

function field(params: TwilioParams, name: string): string | null {
  const value = params[name];
  if (value === undefined) return null;
  return Array.isArray(value) ? (value[0] ?? null) : value;
}

/** RFC 2822 `Timestamp` of a status callback, or when we received it. */
function eventTime(params: TwilioParams, receivedAt: number): number {
  const timestamp = field(params, 'Timestamp');
  const at = timestamp === null ? Number.NaN : Date.parse(timestamp);
  return Number.isNaN(at) ? receivedAt : at;
}

/**
 * Translates one verified callback into events. Two kinds reach the webhook URL:
 *
 * - a status callback (`CallStatus`, `CallbackSource=call-progress-events`, `SequenceNumber`): one status
 *   event, id `{CallSid}:status:{SequenceNumber}` (Twilio numbers a call's callbacks from 0 and keeps the number
 *   on redelivery), or `{CallSid}:status:{CallbackSource}:{CallStatus}` when it has none;
 * - the asynchronous AMD verdict (`AnsweredBy`, `MachineDetectionDuration`, no `CallStatus`): an `in_progress`
 *   event carrying who answered, id `{CallSid}:amd` (Twilio sends one verdict per call). The terminal callback
 *   also carries `AnsweredBy` when AMD reached a verdict, which is what decides a voicemail, whatever order the
 *   two arrive in; the AMD event only matters when it arrives before the `answered` callback.
 */
export function parseTwilioWebhook(
  provider: string,
  params: TwilioParams,
  receivedAt: number,
): WebhookOutcome {
  const callSid = field(params, 'CallSid');
  if (callSid === null || callSid === '') {
    return refuse('malformed', 'the request has no CallSid: it is not a Twilio voice callback');
  }
  const callStatus = field(params, 'CallStatus');
  const answeredBy = field(params, 'AnsweredBy');
  if (callStatus === null) {
    if (answeredBy === null) {
      return refuse(
        'malformed',
        'the request has neither CallStatus nor AnsweredBy: it is not a call callback',
      );
    }
    const verdict = readAnsweredBy(answeredBy);
    const event: ProviderCallEvent = {
      type: 'status',
      provider,
      providerCallId: callSid,
      eventId: `${callSid}:amd`,
      at: receivedAt,
      status: 'in_progress',
      ...(verdict === 'human' || verdict === 'machine' ? { answeredBy: verdict } : {}),
    };
    return { ok: true, events: [event] };
  }
  const mapped = mapTwilioStatus(callStatus, answeredBy, field(params, 'ErrorCode'));
  // A status this adapter does not know tells the engine nothing; acknowledging it stops Twilio's retries.
  if (mapped === null) return { ok: true, events: [] };
  const sequence = field(params, 'SequenceNumber');
  const eventId =
    sequence !== null && /^\d+$/.test(sequence)
      ? `${callSid}:status:${sequence}`
      : `${callSid}:status:${field(params, 'CallbackSource') ?? 'callback'}:${callStatus}`;
  const terminal = isTerminalCallStatus(mapped.status);
  const duration = Number(field(params, 'CallDuration'));
  const event: ProviderCallEvent = {
    type: 'status',
    provider,
    providerCallId: callSid,
    eventId,
    at: eventTime(params, receivedAt),
    ...mapped,
    ...(terminal ? { billedSeconds: Number.isFinite(duration) && duration > 0 ? duration : 0 } : {}),
  };
  return { ok: true, events: [event] };
}
