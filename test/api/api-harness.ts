import { afterEach, beforeEach } from 'vitest';
import { DEFAULT_API_OPTIONS, type ApiOptions } from '../../src/api/api-deps.js';
import { composeService, type Service } from '../../src/cli/serve/compose-service.js';

export const ADMIN_KEY = 'test-admin-key-0123456789abcdef';
/** A Friday, 14:00 in New York: inside the default window. */
export const START = Date.parse('2026-03-06T14:00:00-05:00');

export interface ApiResponse<T = any> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: T;
}

export interface ApiClient {
  readonly url: string;
  readonly service: Service;
  call<T = any>(
    method: string,
    path: string,
    options?: { key?: string | null; body?: unknown; headers?: Record<string, string> },
  ): Promise<ApiResponse<T>>;
  /** A new account with a credit: its API key and id. */
  account(options?: { credit?: string; name?: string }): Promise<{ key: string; id: string }>;
}

/**
 * `callwright serve` as users run it (the same composition), on a virtual clock and an in-memory database,
 * listening on a random loopback port: tests talk to it over real HTTP.
 */
export async function startApi(
  options: { api?: Partial<Omit<ApiOptions, 'version'>>; clock?: 'real' | 'virtual'; db?: string } = {},
): Promise<ApiClient> {
  const service = await composeService({
    db: options.db ?? ':memory:',
    clock: options.clock ?? 'virtual',
    clockStart: START,
    demo: false,
    adminKey: ADMIN_KEY,
    defaultCountry: 'US',
    simulatorSeed: 7,
    version: 'test',
    api: { ...DEFAULT_API_OPTIONS, allowPrivateWebhooks: true, ...options.api },
    logError: (message, error) => console.error(message, error),
  });
  const url = await service.app.listen({ host: '127.0.0.1', port: 0 });
  await service.start();

  const call: ApiClient['call'] = async (method, path, { key = null, body, headers = {} } = {}) => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: {
        ...(key === null ? {} : { authorization: `Bearer ${key}` }),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const text = await response.text();
    const type = response.headers.get('content-type') ?? '';
    return {
      status: response.status,
      headers: response.headers,
      body: type.includes('json') && text !== '' ? JSON.parse(text) : text,
    };
  };

  return {
    url,
    service,
    call,
    async account({ credit = '100.00', name = 'Acme' } = {}) {
      const created = await call('POST', '/v1/accounts', { key: ADMIN_KEY, body: { name } });
      const id: string = created.body.account.id;
      if (credit !== '0') {
        await call('POST', `/v1/accounts/${id}/credits`, { key: ADMIN_KEY, body: { amount: credit } });
      }
      return { key: created.body.apiKey, id };
    },
  };
}

/** A fresh API per test, stopped afterwards. */
export function useApi(options?: Parameters<typeof startApi>[0]): () => ApiClient {
  let client: ApiClient | undefined;
  beforeEach(async () => {
    client = await startApi(options);
  });
  afterEach(async () => {
    await client?.service.stop();
    client = undefined;
  });
  return () => client!;
}

/** Creates a simulator caller id, an assistant with a boolean goal variable, and a draft campaign. */
export async function createCampaign(
  api: ApiClient,
  key: string,
  campaign: Record<string, unknown> = {},
): Promise<{ campaignId: string; assistantId: string; phoneNumberId: string }> {
  const phone = await api.call('POST', '/v1/phone-numbers', {
    key,
    body: { number: '+12125550199', provider: 'simulator', callsPerSecond: 10 },
  });
  const assistant = await api.call('POST', '/v1/assistants', {
    key,
    body: {
      name: 'Ava',
      provider: 'simulator',
      phoneNumberId: phone.body.id,
      timezone: 'America/New_York',
      ratePerMinute: '0.10',
      variables: [{ name: 'appointment_booked', type: 'boolean' }],
    },
  });
  const created = await api.call('POST', '/v1/campaigns', {
    key,
    body: { assistantId: assistant.body.id, name: 'Spring follow-up', ...campaign },
  });
  if (created.status !== 201) throw new Error(`campaign not created: ${JSON.stringify(created.body)}`);
  return { campaignId: created.body.id, assistantId: assistant.body.id, phoneNumberId: phone.body.id };
}
