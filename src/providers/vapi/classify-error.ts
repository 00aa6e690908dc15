import { ProviderError } from '../../engine/ports/call-provider.js';

/**
 * What a refused `POST /call` means for the engine (DESIGN §6):
 *
 *   429                                   → rate_limited (Retry-After honoured when Vapi sends one)
 *   201 with subscriptionLimits
 *     .concurrencyBlocked = true          → rate_limited: every call slot of the Vapi account is busy and the
 *                                           call will not connect
 *   400 naming `customer.number`          → invalid_number: Vapi's validation refused the contact's number
 *   other 4xx (bad key, unknown assistant
 *     or phone number id, …)              → permanent
 *   408, 5xx, no answer in time           → ambiguous: Vapi may have created the call
 *   connection refused                    → retryable: the request never reached Vapi
 *
 * Vapi answers errors as `{message: string | string[], error, statusCode}`; its `message` is quoted in ours
 * (shortened), our API key never is.
 */
export function errorOfResponse(status: number, body: unknown, retryAfter: string | null): ProviderError {
  const detail = `Vapi answered POST /call with HTTP ${status}${describe(body)}`;
  const code = `vapi_http_${status}`;
  if (status === 429) {
    const retryAfterMs = retryAfterMillis(retryAfter);
    return new ProviderError('rate_limited', `${detail}; retrying later`, {
      code,
      ...(retryAfterMs === null ? {} : { retryAfterMs }),
    });
  }
  if (status === 408 || status >= 500) {
    return new ProviderError('ambiguous', `${detail}; the call may have been placed`, { code });
  }
  if (status === 400 && messagesOf(body).some((message) => message.includes('customer.number'))) {
    return new ProviderError('invalid_number', detail, { code: 'vapi_invalid_number' });
  }
  return new ProviderError(
    'permanent',
    `${detail}; check the Vapi API key, assistant id and phone number id`,
    {
      code,
    },
  );
}

/** A refused `GET /call/{id}` (404 is not an error: the call is unknown). Asking again later is harmless. */
export function errorOfStatusQuery(status: number, body: unknown): ProviderError {
  const detail = `Vapi answered GET /call/{id} with HTTP ${status}${describe(body)}`;
  const kind = status === 429 || status === 408 || status >= 500 ? 'retryable' : 'permanent';
  return new ProviderError(kind, detail, { code: `vapi_http_${status}` });
}

export function concurrencyBlocked(): ProviderError {
  return new ProviderError(
    'rate_limited',
    'Vapi refused to start the call: every concurrent call slot of the Vapi account is in use (concurrencyBlocked)',
    { code: 'vapi_concurrency_blocked' },
  );
}

/**
 * `fetch` rejected: the request timed out or broke mid-way (ambiguous: Vapi may have acted on it), or never
 * reached Vapi (retryable). `request` names it in the message, e.g. `POST /call`.
 */
export function errorOfFailedRequest(error: unknown, request: string, timeoutMs: number): ProviderError {
  if (error instanceof Error && error.name === 'TimeoutError') {
    return new ProviderError('ambiguous', `Vapi did not answer ${request} within ${timeoutMs} ms`, {
      code: 'vapi_timeout',
      cause: error,
    });
  }
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  if (cause?.code === 'ECONNREFUSED' || cause?.code === 'ENOTFOUND') {
    return new ProviderError('retryable', `could not reach Vapi for ${request} (${String(cause.code)})`, {
      code: 'vapi_unreachable',
      cause: error,
    });
  }
  return new ProviderError('ambiguous', `the connection to Vapi failed during ${request}`, {
    code: 'vapi_connection_failed',
    cause: error,
  });
}

function messagesOf(body: unknown): string[] {
  if (typeof body !== 'object' || body === null) return [];
  const message = (body as { message?: unknown }).message;
  if (typeof message === 'string') return [message];
  return Array.isArray(message) ? message.filter((item): item is string => typeof item === 'string') : [];
}

const MAX_QUOTED = 200;

function describe(body: unknown): string {
  const text = messagesOf(body).join('; ');
  if (text === '') return '';
  return `: ${text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED)}…` : text}`;
}

/** Retry-After in seconds (the form APIs use for 429); an HTTP date is left to the engine's default back-off. */
function retryAfterMillis(value: string | null): number | null {
  if (value === null || !/^\d+$/.test(value.trim())) return null;
  return Number(value.trim()) * 1000;
}
