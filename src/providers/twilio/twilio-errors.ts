import { ProviderError } from '../../engine/ports/call-provider.js';
import { INVALID_NUMBER_CODES } from './twilio-status.js';

/** Twilio's error body (reference §1.2): `{code, message, more_info, status}`. */
export interface TwilioErrorBody {
  readonly code: number | null;
  readonly message: string | null;
}

/** 20429 "Too many requests": not processed, safe to retry after backing off (reference §1.7). */
const TOO_MANY_REQUESTS = 20429;
/** 22005 "Call Queue Full": Twilio refuses calls it could not place within 24 hours at the account's CPS. */
const CALL_QUEUE_FULL = 22005;
/** Back-off when a 429 carries no `Retry-After`: Twilio's own SDK starts its exponential retries near here. */
const DEFAULT_RETRY_AFTER_MS = 1_000;
/** Socket errors raised before a byte of the request reached Twilio: the call was certainly not placed. */
const NOT_SENT_ERRORS = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

export function readTwilioErrorBody(text: string): TwilioErrorBody {
  try {
    const body = JSON.parse(text) as { code?: unknown; message?: unknown } | null;
    return {
      code: typeof body?.code === 'number' ? body.code : null,
      message: typeof body?.message === 'string' ? body.message : null,
    };
  } catch {
    return { code: null, message: null };
  }
}

/** `Retry-After` in seconds or as an HTTP date, in ms from `now`; null when absent or unreadable. */
function readRetryAfter(header: string | null, now: number): number | null {
  if (header === null || header.trim() === '') return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/**
 * The class of a non-2xx answer from Twilio's REST API (DESIGN §6). `action` names the request ("create call"),
 * never its credentials. Order matters: the error code is more specific than the HTTP status.
 */
export function classifyTwilioResponse(
  action: string,
  httpStatus: number,
  body: TwilioErrorBody,
  retryAfterHeader: string | null,
  now: number,
): ProviderError {
  const code = body.code === null ? `http_${httpStatus}` : String(body.code);
  const detail = `Twilio refused to ${action}: HTTP ${httpStatus}, code ${code}${body.message === null ? '' : `: ${body.message}`}`;
  if (body.code !== null && INVALID_NUMBER_CODES.has(body.code)) {
    return new ProviderError('invalid_number', detail, { code: `twilio_${code}` });
  }
  if (httpStatus === 429 || body.code === TOO_MANY_REQUESTS || body.code === CALL_QUEUE_FULL) {
    return new ProviderError('rate_limited', `${detail}; retrying later`, {
      code: `twilio_${code}`,
      retryAfterMs: readRetryAfter(retryAfterHeader, now) ?? DEFAULT_RETRY_AFTER_MS,
    });
  }
  if (httpStatus >= 500) {
    return new ProviderError('ambiguous', `${detail}; Twilio may have placed the call`, {
      code: `twilio_${code}`,
    });
  }
  // 401/403 (20003: bad Account SID or Auth Token), 21210 (caller id not verified), 21215 (geo permissions), …:
  // the configuration is wrong, and resending the same request will not fix it.
  return new ProviderError('permanent', `${detail}; check the Twilio account, caller id and settings`, {
    code: `twilio_${code}`,
  });
}

function socketErrorCode(error: unknown): string | null {
  const cause = error instanceof Error ? error.cause : undefined;
  if (typeof cause === 'object' && cause !== null && 'code' in cause && typeof cause.code === 'string') {
    return cause.code;
  }
  return null;
}

/** The class of a request that got no answer: refused before sending → retryable; timeout or reset → ambiguous. */
export function classifyTwilioTransportError(
  action: string,
  error: unknown,
  timeoutMs: number,
): ProviderError {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return new ProviderError(
      'ambiguous',
      `Twilio did not answer the request to ${action} within ${timeoutMs} ms; it may have been carried out`,
      { code: 'twilio_timeout', cause: error },
    );
  }
  const socketCode = socketErrorCode(error);
  if (socketCode !== null && NOT_SENT_ERRORS.has(socketCode)) {
    return new ProviderError(
      'retryable',
      `could not reach Twilio to ${action} (${socketCode}); retrying later`,
      {
        code: 'twilio_unreachable',
        cause: error,
      },
    );
  }
  return new ProviderError(
    'ambiguous',
    `the request to ${action} failed in transit${socketCode === null ? '' : ` (${socketCode})`}; Twilio may have carried it out`,
    { code: 'twilio_transport_error', cause: error },
  );
}
