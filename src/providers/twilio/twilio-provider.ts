import { isTerminalCallStatus } from '../../domain/call-status.js';
import { ProviderError } from '../../engine/ports/call-provider.js';
import type {
  CallProvider,
  PlaceCallRequest,
  PlacedCall,
  ProviderCallReport,
  WebhookOutcome,
  WebhookRequest,
} from '../../engine/ports/call-provider.js';
import {
  buildCreateCallForm,
  encodeForm,
  isVoiceAppUrl,
  type TwilioMachineDetection,
} from './call-request.js';
import {
  classifyTwilioResponse,
  classifyTwilioTransportError,
  readTwilioErrorBody,
} from './twilio-errors.js';
import { mapTwilioStatus } from './twilio-status.js';
import { parseTwilioWebhook, verifyTwilioWebhook } from './twilio-webhook.js';

export const TWILIO_PROVIDER_NAME = 'twilio';
export const TWILIO_API_BASE_URL = 'https://api.twilio.com';
/** How long a REST request may take before it counts as unanswered (then `ambiguous` for a create). */
export const DEFAULT_TWILIO_TIMEOUT_MS = 10_000;

export interface TwilioProviderConfig {
  /** `AC…`: the account that places the calls. */
  readonly accountSid: string;
  /** The account's Auth Token: REST Basic auth, and the key Twilio signs its webhooks with. */
  readonly authToken: string;
  /**
   * The voice application that holds the conversation: an `https://` TwiML URL, or a `wss://` media stream URL.
   * Each call tells it our call id, the attempt, the assistant's `providerAssistantId` and the lead's fields.
   */
  readonly voiceAppUrl: string;
  /** Where Twilio posts status and AMD callbacks: `<public base URL>/webhooks/twilio`, exactly as Twilio calls it. */
  readonly webhookUrl: string;
  /** Twilio's REST API; tests point it at a local fake. */
  readonly apiBaseUrl?: string;
  readonly requestTimeoutMs?: number;
  /** Default `DetectMessageEnd`: the verdict comes after the greeting, so an assistant can leave a message. */
  readonly machineDetection?: TwilioMachineDetection;
  /** Wall clock, for `Retry-After` dates. */
  readonly now?: () => number;
}

/** The Call resource fields this adapter reads (reference §1.2). */
interface TwilioCallResource {
  readonly sid?: unknown;
  readonly status?: unknown;
  readonly answered_by?: unknown;
  readonly end_time?: unknown;
  readonly duration?: unknown;
}

/**
 * The Twilio Programmable Voice adapter (DESIGN §6, reference/provider-apis.md §1): raw telephony, so the
 * conversation runs in the voice application at `voiceAppUrl` (see `call-request.ts`), and its
 * post-call variables reach Callwright through `POST /v1/calls/{id}/variables`, not through Twilio.
 *
 * Stateless between calls: every webhook is verified with the Auth Token and translated on its own content, so
 * any process may receive it. Plain `fetch` with Basic auth; credentials never appear in errors.
 */
export function createTwilioProvider(config: TwilioProviderConfig): CallProvider {
  if (!/^AC[0-9a-fA-F]{32}$/.test(config.accountSid)) {
    throw new RangeError(
      'the Twilio Account SID must be "AC" followed by 32 hex digits (Console → Account info)',
    );
  }
  if (config.authToken === '')
    throw new RangeError('the Twilio Auth Token is empty (Console → Account info)');
  if (!/^https?:\/\//.test(config.webhookUrl)) {
    throw new RangeError(`the Twilio webhook URL must be an absolute http(s) URL; got ${config.webhookUrl}`);
  }
  if (!isVoiceAppUrl(config.voiceAppUrl)) {
    throw new RangeError(
      'the Twilio voice application URL must be an https:// TwiML URL or a wss:// media stream URL',
    );
  }
  const apiBase = (config.apiBaseUrl ?? TWILIO_API_BASE_URL).replace(/\/+$/, '');
  const accountPath = `${apiBase}/2010-04-01/Accounts/${config.accountSid}`;
  const timeoutMs = config.requestTimeoutMs ?? DEFAULT_TWILIO_TIMEOUT_MS;
  const now = config.now ?? Date.now;
  const authorization = `Basic ${Buffer.from(`${config.accountSid}:${config.authToken}`).toString('base64')}`;
  const machineDetection = config.machineDetection ?? 'DetectMessageEnd';

  async function send(
    action: string,
    url: string,
    init: { method: 'GET' | 'POST'; headers?: Record<string, string>; body?: string },
  ): Promise<Response> {
    try {
      return await fetch(url, {
        ...init,
        headers: { ...init.headers, authorization, accept: 'application/json' },
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw classifyTwilioTransportError(action, error, timeoutMs);
    }
  }

  async function readBody(action: string, response: Response): Promise<string> {
    try {
      return await response.text();
    } catch (error) {
      throw classifyTwilioTransportError(action, error, timeoutMs);
    }
  }

  /** Twilio's refusal of `action`, classified as DESIGN §6 says. */
  const refusalOf = (action: string, response: Response, text: string) =>
    classifyTwilioResponse(
      action,
      response.status,
      readTwilioErrorBody(text),
      response.headers.get('retry-after'),
      now(),
    );

  return {
    name: TWILIO_PROVIDER_NAME,
    capabilities: { statusQuery: true, inProcessEvents: false },

    async placeCall(request: PlaceCallRequest): Promise<PlacedCall> {
      const form = buildCreateCallForm(request, {
        voiceAppUrl: config.voiceAppUrl,
        webhookUrl: config.webhookUrl,
        machineDetection,
      });
      const action = `create call ${request.callId}`;
      const response = await send(action, `${accountPath}/Calls.json`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: encodeForm(form),
      });
      const text = await readBody(action, response);
      if (!response.ok) {
        throw refusalOf(action, response, text);
      }
      const sid = readCallResource(text)?.sid;
      if (typeof sid !== 'string' || sid === '') {
        // Twilio said yes but we cannot tell to what: the call may exist, so it is reconciled, never re-sent.
        throw new ProviderError('ambiguous', `Twilio accepted ${action} without a call sid`, {
          code: 'twilio_unreadable_response',
        });
      }
      return { providerCallId: sid };
    },

    async getCallStatus(providerCallId: string): Promise<ProviderCallReport | null> {
      const action = `read call ${providerCallId}`;
      const response = await send(action, `${accountPath}/Calls/${encodeURIComponent(providerCallId)}.json`, {
        method: 'GET',
      });
      const text = await readBody(action, response);
      if (response.status === 404) return null;
      if (!response.ok) {
        throw refusalOf(action, response, text);
      }
      const call = readCallResource(text);
      const report = call === null ? null : reportOf(call);
      if (report === null) {
        throw new ProviderError('ambiguous', `Twilio answered ${action} with a call it did not describe`, {
          code: 'twilio_unreadable_response',
        });
      }
      return report;
    },

    receiveWebhook(request: WebhookRequest): Promise<WebhookOutcome> {
      const verified = verifyTwilioWebhook(config.authToken, request);
      if (!verified.ok) return Promise.resolve(verified.outcome);
      return Promise.resolve(parseTwilioWebhook(TWILIO_PROVIDER_NAME, verified.params, request.receivedAt));
    },
  };
}

function readCallResource(text: string): TwilioCallResource | null {
  try {
    const body = JSON.parse(text) as unknown;
    return typeof body === 'object' && body !== null ? body : null;
  } catch {
    return null;
  }
}

/** RFC 2822 date of the Call resource, or null. */
function readDate(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : at;
}

/**
 * The Call resource as a report. `duration` is the billed seconds of an ended call, so an answered call's answer
 * time is `end_time - duration` (`start_time` is when Twilio dialed, not when anyone answered).
 */
function reportOf(call: TwilioCallResource): ProviderCallReport | null {
  if (typeof call.status !== 'string') return null;
  const answeredBy = typeof call.answered_by === 'string' ? call.answered_by : null;
  const mapped = mapTwilioStatus(call.status, answeredBy);
  if (mapped === null) return null;
  const terminal = isTerminalCallStatus(mapped.status);
  const endedAt = terminal ? readDate(call.end_time) : null;
  const duration = Number(call.duration);
  const billedSeconds = terminal ? (Number.isFinite(duration) && duration > 0 ? duration : 0) : null;
  const answered = mapped.status === 'completed' && billedSeconds !== null && billedSeconds > 0;
  return {
    status: mapped.status,
    answeredBy: mapped.answeredBy ?? null,
    answeredAt: answered && endedAt !== null ? endedAt - billedSeconds * 1000 : null,
    endedAt,
    billedSeconds,
    failureReason: mapped.failureReason ?? null,
  };
}
