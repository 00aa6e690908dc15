import { ProviderError } from '../../engine/ports/call-provider.js';
import { classifyHttpError, classifyNetworkError, type RetellOperation } from './api-errors.js';
import type { CreatePhoneCallBody } from './create-call-body.js';
import { readRetellCall, type RetellCall } from './retell-call.js';

export interface RetellApiOptions {
  readonly apiKey: string;
  /** Without a trailing slash, e.g. `https://api.retellai.com`. */
  readonly baseUrl: string;
  readonly timeoutMs: number;
}

export interface RetellApi {
  createPhoneCall(body: CreatePhoneCallBody): Promise<RetellCall>;
  /** `null` when Retell answers 404 (no such call under this API key). */
  getCall(callId: string): Promise<RetellCall | null>;
}

/**
 * Retell's REST API over plain `fetch` (provider-apis.md §3): Bearer auth, JSON both ways. Plain fetch rather than
 * the `retell-sdk` client, whose default retries would re-send a create after a 5xx or a timeout (a second call to
 * the same person) and whose base URL can come from the environment; here every attempt is the engine's decision.
 */
export function createRetellApi(options: RetellApiOptions): RetellApi {
  const { apiKey, baseUrl, timeoutMs } = options;

  const send = async (operation: RetellOperation, path: string, init: RequestInit) => {
    let response: Response;
    let body: unknown;
    try {
      response = await fetch(`${baseUrl}${path}`, {
        ...init,
        headers: {
          authorization: `Bearer ${apiKey}`,
          accept: 'application/json',
          ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        signal: AbortSignal.timeout(timeoutMs),
      });
      const text = await response.text();
      body = parseJson(text);
    } catch (error) {
      throw classifyNetworkError(operation, error, timeoutMs);
    }
    return { response, body };
  };

  return {
    async createPhoneCall(request) {
      const { response, body } = await send('create', '/v2/create-phone-call', {
        method: 'POST',
        body: JSON.stringify(request),
      });
      if (!response.ok) {
        throw classifyHttpError('create', response.status, body, response.headers.get('retry-after'));
      }
      const call = readRetellCall(body);
      if (call === null) {
        // Retell said yes but we cannot read which call: it may exist, so it must be reconciled, not re-sent.
        throw new ProviderError(
          'ambiguous',
          `Retell create-phone-call answered HTTP ${response.status} without a call_id`,
          { code: 'retell_unreadable_answer' },
        );
      }
      return call;
    },

    async getCall(callId) {
      const { response, body } = await send('query', `/v2/get-call/${encodeURIComponent(callId)}`, {
        method: 'GET',
      });
      if (response.status === 404) return null;
      if (!response.ok) {
        throw classifyHttpError('query', response.status, body, response.headers.get('retry-after'));
      }
      const call = readRetellCall(body);
      if (call === null) {
        throw new ProviderError(
          'retryable',
          `Retell get-call answered HTTP ${response.status} without a call`,
          {
            code: 'retell_unreadable_answer',
          },
        );
      }
      return call;
    },
  };
}

function parseJson(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
