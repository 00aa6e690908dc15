import { ProviderError, type ProviderErrorKind } from '../../engine/ports/call-provider.js';
import { isRecord } from './retell-call.js';

/** Which request failed: a create may have placed a call; a query changes nothing and can simply be repeated. */
export type RetellOperation = 'create' | 'query';

/** Network failures that happen before the request reaches Retell: the call was certainly not placed. */
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** Longest part of Retell's error message we repeat: enough to act on, never a whole echoed body. */
const MAX_MESSAGE_CHARS = 200;

/**
 * Classifies a non-2xx answer of Retell's API (errors are `{status:"error", message}`; provider-apis.md §3.1):
 * - 429 → `rate_limited` (with `Retry-After` when Retell sends one);
 * - 5xx, 408 → `ambiguous` for a create (Retell may have placed the call), `retryable` for a query;
 * - a create refused with 400/422 whose message is about `to_number` or the destination → `invalid_number`. Retell
 *   documents no error code for it, so this reads the message; a number Retell accepts but cannot reach ends the
 *   call with `invalid_destination` instead, which the status mapping handles;
 * - any other 4xx (bad key 401, payment 402, unknown agent or number 404/422, …) → `permanent`: a configuration
 *   problem that retrying does not fix.
 */
export function classifyHttpError(
  operation: RetellOperation,
  status: number,
  body: unknown,
  retryAfter: string | null,
): ProviderError {
  const message = retellMessage(body);
  const what = operation === 'create' ? 'create-phone-call' : 'get-call';
  const said = message === null ? '' : `: ${message}`;
  const code = `retell_http_${status}`;
  if (status === 429) {
    const retryAfterMs = parseRetryAfter(retryAfter);
    return new ProviderError('rate_limited', `Retell ${what} was rate limited (HTTP 429)${said}`, {
      code,
      ...(retryAfterMs === null ? {} : { retryAfterMs }),
    });
  }
  if (status >= 500 || status === 408) {
    const kind: ProviderErrorKind = operation === 'create' ? 'ambiguous' : 'retryable';
    const hint = operation === 'create' ? '; the call may have been placed' : '';
    return new ProviderError(kind, `Retell ${what} failed with HTTP ${status}${said}${hint}`, { code });
  }
  if (operation === 'create' && (status === 400 || status === 422) && isAboutDestination(message)) {
    return new ProviderError('invalid_number', `Retell refused the number to call (HTTP ${status})${said}`, {
      code: 'retell_invalid_destination',
    });
  }
  const hint =
    status === 401 || status === 403
      ? ' (check the Retell API key)'
      : status === 402
        ? ' (check the Retell account’s payment method)'
        : '';
  return new ProviderError('permanent', `Retell ${what} was refused with HTTP ${status}${said}${hint}`, {
    code,
  });
}

/**
 * Classifies a request that got no HTTP answer. A timeout, or a connection lost after the request was sent, leaves
 * a create `ambiguous`; a connection that never opened is `retryable`.
 */
export function classifyNetworkError(
  operation: RetellOperation,
  error: unknown,
  timeoutMs: number,
): ProviderError {
  const what = operation === 'create' ? 'create-phone-call' : 'get-call';
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    const kind: ProviderErrorKind = operation === 'create' ? 'ambiguous' : 'retryable';
    return new ProviderError(kind, `Retell ${what} got no answer within ${timeoutMs} ms`, {
      code: 'retell_timeout',
      cause: error,
    });
  }
  const code = networkCode(error);
  if (code !== null && NOT_SENT_CODES.has(code)) {
    return new ProviderError('retryable', `could not reach Retell for ${what} (${code})`, {
      code: 'retell_unreachable',
      cause: error,
    });
  }
  const kind: ProviderErrorKind = operation === 'create' ? 'ambiguous' : 'retryable';
  return new ProviderError(kind, `Retell ${what} failed in transit (${code ?? 'network error'})`, {
    code: 'retell_network_error',
    cause: error,
  });
}

function retellMessage(body: unknown): string | null {
  if (!isRecord(body) || typeof body.message !== 'string' || body.message === '') return null;
  const message = body.message.replace(/\s+/g, ' ').trim();
  return message.length > MAX_MESSAGE_CHARS ? `${message.slice(0, MAX_MESSAGE_CHARS)}…` : message;
}

/** About the number we call, not about our caller id (`from_number` errors are configuration problems). */
function isAboutDestination(message: string | null): boolean {
  if (message === null) return false;
  return /\bto_number\b|\bdestination\b/i.test(message) && !/\bfrom_number\b/i.test(message);
}

/** `Retry-After` in seconds (the form APIs use for 429); an HTTP date or junk is ignored. */
function parseRetryAfter(value: string | null): number | null {
  if (value === null || !/^\d+$/.test(value.trim())) return null;
  return Number(value.trim()) * 1000;
}

/** Node's fetch wraps socket errors: `TypeError('fetch failed')` whose `cause` has the errno code. */
function networkCode(error: unknown): string | null {
  for (let current = error, depth = 0; isRecord(current) && depth < 4; depth += 1) {
    if (typeof current.code === 'string') return current.code;
    current = current.cause;
  }
  return null;
}
