import { ProviderError } from '../../engine/ports/call-provider.js';
import {
  concurrencyBlocked,
  errorOfFailedRequest,
  errorOfResponse,
  errorOfStatusQuery,
} from './classify-error.js';
import { asRecord, parseJson } from './json-values.js';

/** The two Vapi endpoints the adapter uses, over plain `fetch` with Bearer auth and a timeout per request. */
export interface VapiApi {
  /** `POST /call`; resolves with Vapi's call id, rejects with a classified `ProviderError`. */
  createCall(body: Record<string, unknown>): Promise<string>;
  /** `GET /call/{id}`; null when Vapi does not know the call (404). */
  getCall(id: string): Promise<Record<string, unknown> | null>;
}

export function createVapiApi(options: {
  readonly apiKey: string;
  readonly baseUrl: string;
  readonly timeoutMs: number;
}): VapiApi {
  const base = options.baseUrl.replace(/\/+$/, '');

  /** One request and its JSON answer (null when the body is not JSON), both within the timeout. */
  const send = async (method: 'GET' | 'POST', path: string, body?: unknown) => {
    const request = `${method} ${path}`;
    try {
      const response = await fetch(`${base}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${options.apiKey}`,
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      const text = await response.text();
      return { response, answer: parseJson(text) };
    } catch (error) {
      throw errorOfFailedRequest(error, request, options.timeoutMs);
    }
  };

  return {
    async createCall(body) {
      const { response, answer } = await send('POST', '/call', body);
      if (!response.ok) throw errorOfResponse(response.status, answer, response.headers.get('retry-after'));
      const call = asRecord(answer);
      if (asRecord(call?.subscriptionLimits)?.concurrencyBlocked === true) throw concurrencyBlocked();
      if (typeof call?.id !== 'string') {
        throw new ProviderError(
          'ambiguous',
          `Vapi answered POST /call with HTTP ${response.status} but no call id`,
          {
            code: 'vapi_unexpected_answer',
          },
        );
      }
      return call.id;
    },

    async getCall(id) {
      const { response, answer } = await send('GET', `/call/${encodeURIComponent(id)}`);
      if (response.status === 404) return null;
      if (!response.ok) throw errorOfStatusQuery(response.status, answer);
      const call = asRecord(answer);
      if (call === null) {
        throw new ProviderError(
          'retryable',
          `Vapi answered GET /call/{id} with HTTP ${response.status} but no call`,
          {
            code: 'vapi_unexpected_answer',
          },
        );
      }
      return call;
    },
  };
}
