import { isTerminalCallStatus } from '../../domain/call-status.js';
import type {
  CallProvider,
  PlaceCallRequest,
  PlacedCall,
  ProviderCallReport,
  WebhookOutcome,
  WebhookRequest,
} from '../../engine/ports/call-provider.js';
import { mapCallOutcome } from './call-outcome.js';
import { buildCreatePhoneCallBody } from './create-call-body.js';
import { createRetellApi } from './retell-api.js';
import type { RetellCall } from './retell-call.js';
import { verifyRetellSignature } from './webhook-signature.js';
import { RETELL_PROVIDER_NAME, billedSecondsOf, parseRetellWebhook } from './webhook-events.js';

export { RETELL_PROVIDER_NAME } from './webhook-events.js';

export const RETELL_API_BASE_URL = 'https://api.retellai.com';
/** Long enough for Retell to accept a call, short enough that a hung request frees its worker. */
export const DEFAULT_RETELL_TIMEOUT_MS = 15_000;

export interface RetellProviderConfig {
  /** A Retell API key: authenticates create-phone-call and get-call. */
  readonly apiKey: string;
  /**
   * The Retell API key that carries the webhook badge: Retell signs webhooks with it. Defaults to `apiKey`
   * (the usual setup: one key, with the badge).
   */
  readonly webhookApiKey?: string | undefined;
  /** Default `https://api.retellai.com`; tests point it at the local fake. */
  readonly baseUrl?: string | undefined;
  /** Where Retell posts this adapter's webhooks: `<public base URL>/webhooks/retell`. Set on every call. */
  readonly webhookUrl: string;
  /** Per API request; default `DEFAULT_RETELL_TIMEOUT_MS`. */
  readonly requestTimeoutMs?: number | undefined;
}

/**
 * The Retell AI adapter (DESIGN §6; provider-apis.md §3). Stateless: what a webhook needs later (our call id, the
 * assistant's boolean variable names) travels in the Retell call's `metadata`, so any process can receive it.
 *
 * - `placeCall`: `POST /v2/create-phone-call` with the assistant's Retell agent (`override_agent_id`), the lead's
 *   fields as `retell_llm_dynamic_variables`, and this call's webhook URL and events as a per-call agent override.
 *   Refusals are classified (`api-errors.ts`); nothing is retried here.
 * - `receiveWebhook`: verifies `x-retell-signature` over the raw bytes, then maps `call_started`, `call_ended` and
 *   `call_analyzed` (`webhook-events.ts`).
 * - `getCallStatus`: `GET /v2/get-call/{call_id}`; 404 → `null`.
 */
export function createRetellProvider(config: RetellProviderConfig): CallProvider {
  if (config.apiKey === '') throw new RangeError('Retell provider needs an API key');
  const timeoutMs = config.requestTimeoutMs ?? DEFAULT_RETELL_TIMEOUT_MS;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw new RangeError(`Retell request timeout must be a positive number of ms; got ${timeoutMs}`);
  }
  const webhookKey = config.webhookApiKey ?? config.apiKey;
  const api = createRetellApi({
    apiKey: config.apiKey,
    baseUrl: (config.baseUrl ?? RETELL_API_BASE_URL).replace(/\/+$/, ''),
    timeoutMs,
  });

  return {
    name: RETELL_PROVIDER_NAME,
    capabilities: { statusQuery: true, inProcessEvents: false },

    async placeCall(request: PlaceCallRequest): Promise<PlacedCall> {
      const call = await api.createPhoneCall(buildCreatePhoneCallBody(request, config.webhookUrl));
      return { providerCallId: call.callId };
    },

    async getCallStatus(providerCallId: string): Promise<ProviderCallReport | null> {
      const call = await api.getCall(providerCallId);
      return call === null ? null : reportOf(call);
    },

    async receiveWebhook(request: WebhookRequest): Promise<WebhookOutcome> {
      const check = await verifyRetellSignature(
        request.rawBody,
        request.headers['x-retell-signature'],
        webhookKey,
        request.receivedAt,
      );
      if (!check.ok) return { ok: false, reason: 'unauthenticated', message: check.message };
      const parsed = parseRetellWebhook(check.body, request.receivedAt);
      if (!parsed.ok) return { ok: false, reason: 'malformed', message: parsed.message };
      return { ok: true, events: parsed.events };
    },
  };
}

/** A Retell call as our report: answered when it started, ended when Retell says it ended. */
function reportOf(call: RetellCall): ProviderCallReport {
  const outcome = mapCallOutcome({
    callStatus: call.callStatus,
    disconnectionReason: call.disconnectionReason,
    inVoicemail: call.callAnalysis?.inVoicemail ?? null,
    durationMs: call.durationMs,
  });
  const terminal = isTerminalCallStatus(outcome.status);
  const answered = outcome.status === 'in_progress' || outcome.status === 'completed';
  return {
    status: outcome.status,
    answeredBy: outcome.answeredBy ?? null,
    answeredAt: answered ? call.startTimestamp : null,
    endedAt: terminal ? call.endTimestamp : null,
    billedSeconds: terminal ? billedSecondsOf(call) : null,
    failureReason: outcome.status === 'failed' ? (outcome.failureReason ?? 'provider_error') : null,
  };
}
