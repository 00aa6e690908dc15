import type { AnsweredBy, CallStatus, FailureReason } from '../../domain/call-status.js';

/**
 * The CallProvider port (DESIGN §6): the one interface the engine uses to reach a telephony or voice-AI platform.
 * Adapters translate vendor requests, statuses and errors into these shapes, so the engine never reads a vendor
 * code. `capabilities` names what an adapter can do; the engine reads flags, never provider names.
 */
export interface CallProvider {
  /** The value assistants and phone numbers name in their `provider` field, e.g. `simulator`. */
  readonly name: string;
  readonly capabilities: ProviderCapabilities;
  /**
   * Asks the provider to place one call. Resolves once the provider has accepted it. Rejects with a
   * `ProviderError` whose `kind` tells the engine what happened (see `ProviderErrorKind`).
   */
  placeCall(request: PlaceCallRequest): Promise<PlacedCall>;
  /** The provider's view of one call, for reconciliation; `null` when the provider does not know the call. */
  getCallStatus(providerCallId: string): Promise<ProviderCallReport | null>;
  /** For providers that push events in-process (the simulator); webhook providers deliver through the API. */
  subscribe?(listener: ProviderEventListener): void;
  /**
   * For webhook providers: verifies one webhook request as the provider signs it, then translates it into
   * normalised events (none for a message that carries nothing about a call's status or variables). A request
   * that fails verification is refused and must change nothing. Event ids are derived from the request's
   * content, so a replayed or duplicated webhook yields the same ids and applies once.
   */
  receiveWebhook?(request: WebhookRequest): Promise<WebhookOutcome>;
}

/** One webhook request as it reached our server, unparsed: signatures are computed over these bytes. */
export interface WebhookRequest {
  /** The full URL the provider posted to, as the provider saw it (the public base URL + path + query). */
  readonly url: string;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly rawBody: Uint8Array;
  /** When our server received it (ms since the epoch): signature timestamps are checked against it. */
  readonly receivedAt: number;
}

export type WebhookOutcome =
  | { readonly ok: true; readonly events: readonly ProviderCallEvent[] }
  | {
      readonly ok: false;
      /** `unauthenticated`: missing or bad signature (401); `malformed`: not a request of this provider (400). */
      readonly reason: 'unauthenticated' | 'malformed';
      readonly message: string;
    };

export interface ProviderCapabilities {
  /** `getCallStatus` answers with the provider's real state (lost webhooks can be recovered). */
  readonly statusQuery: boolean;
  /** Events arrive through `subscribe` rather than through HTTP webhooks. */
  readonly inProcessEvents: boolean;
}

export interface PlaceCallRequest {
  /** Our call id. */
  readonly callId: string;
  /** lead + contact + attempt number (DESIGN §2.10.1): the same key is never placed twice. */
  readonly idempotencyKey: string;
  readonly assistant: {
    readonly id: string;
    readonly providerAssistantId: string | null;
    readonly maxCallMinutes: number;
    /** The post-call variables the assistant reports (name + type). */
    readonly variables: readonly { readonly name: string; readonly type: 'boolean' | 'string' | 'number' }[];
  };
  /** Caller id, E.164. */
  readonly from: string;
  readonly fromProviderRef: string | null;
  /** Contact number, E.164. */
  readonly to: string;
  /** 1-based attempt number of this contact. */
  readonly attempt: number;
  /** The lead's fields, passed to the assistant as variables. */
  readonly variables: Readonly<Record<string, string>>;
}

export interface PlacedCall {
  readonly providerCallId: string;
}

/**
 * How a failed `placeCall` must be treated:
 * - `rate_limited`: back-pressure; the call was not placed. Retry after `retryAfterMs`; not an attempt.
 * - `retryable`: the call was certainly not placed (e.g. connection refused); retry later; not an attempt.
 * - `invalid_number`: the number cannot be called; the contact is dead for the campaign.
 * - `permanent`: the provider refused this call for good (e.g. misconfiguration); counted as a failed attempt.
 * - `ambiguous`: the provider may have placed it (timeout, 5xx); reconciled, never re-sent blindly.
 */
export const PROVIDER_ERROR_KINDS = [
  'rate_limited',
  'retryable',
  'invalid_number',
  'permanent',
  'ambiguous',
] as const;
export type ProviderErrorKind = (typeof PROVIDER_ERROR_KINDS)[number];

export class ProviderError extends Error {
  readonly kind: ProviderErrorKind;
  readonly retryAfterMs: number | null;
  readonly code: string;

  constructor(
    kind: ProviderErrorKind,
    message: string,
    options: { code?: string; retryAfterMs?: number; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ProviderError';
    this.kind = kind;
    this.code = options.code ?? `provider_${kind}`;
    this.retryAfterMs = options.retryAfterMs ?? null;
  }
}

/** A normalised event about one call. `eventId` is unique per provider event so replays apply once. */
export type ProviderCallEvent = ProviderStatusEvent | ProviderVariablesEvent;

export interface ProviderStatusEvent {
  readonly type: 'status';
  readonly provider: string;
  readonly providerCallId: string;
  readonly eventId: string;
  readonly at: number;
  readonly status: CallStatus;
  readonly answeredBy?: AnsweredBy;
  readonly failureReason?: FailureReason;
  /** Seconds from answer to end when the provider reports them; otherwise derived from our timeline. */
  readonly billedSeconds?: number;
}

export interface ProviderVariablesEvent {
  readonly type: 'variables';
  readonly provider: string;
  readonly providerCallId: string;
  readonly eventId: string;
  readonly at: number;
  readonly variables: Readonly<Record<string, unknown>>;
}

export type ProviderEventListener = (event: ProviderCallEvent) => Promise<void>;

export interface ProviderCallReport {
  readonly status: CallStatus;
  readonly answeredBy: AnsweredBy | null;
  readonly answeredAt: number | null;
  readonly endedAt: number | null;
  readonly billedSeconds: number | null;
  readonly failureReason: FailureReason | null;
}
