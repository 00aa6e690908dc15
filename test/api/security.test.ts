import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN_KEY, START, createCampaign, useApi, type ApiClient } from './api-harness.js';
import {
  expectProblem,
  listIds,
  readDatabase,
  setUpTenant,
  useTempDatabase,
  type Page,
  type Tenant,
} from './fixtures.js';
import { startWebhookReceiver } from './webhook-receiver.js';

/** Issue 3 "Security": each rule tried over real HTTP against `callwright serve`'s composition. */

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
/** A well-formed id of the same kind that nothing has. */
const ghostOf = (id: string) => `${id.slice(0, id.indexOf('_'))}_0000000000000000000`;
const unknownKey = () => `cw_${randomBytes(32).toString('base64url')}`;

describe('tenant isolation (DESIGN §2.10.4)', () => {
  const api = useApi();
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await Promise.all(closers.splice(0).map((close) => close()));
  });
  const tenant = async (name: string) => {
    const receiver = await startWebhookReceiver();
    closers.push(receiver.close);
    return { ...(await setUpTenant(api(), name, receiver.url)), received: receiver.received };
  };

  /** Every route that takes an id, as [method, path with `:id`, the id to put there, body]. */
  const routesWithIds = (a: Tenant): [string, string, string, unknown?][] => [
    ['GET', '/v1/campaigns/:id', a.campaignId],
    ['PATCH', '/v1/campaigns/:id', a.campaignId, { name: 'Taken over' }],
    ['DELETE', '/v1/campaigns/:id', a.draftCampaignId],
    ['POST', '/v1/campaigns/:id/start', a.draftCampaignId],
    ['POST', '/v1/campaigns/:id/pause', a.campaignId],
    ['POST', '/v1/campaigns/:id/resume', a.campaignId],
    ['GET', '/v1/campaigns/:id/stats', a.campaignId],
    ['GET', '/v1/campaigns/:id/leads', a.campaignId],
    ['POST', '/v1/campaigns/:id/leads', a.campaignId, { leads: [{ phone: '+12125550101' }] }],
    ['GET', '/v1/leads/:id', a.leadId],
    ['PATCH', '/v1/leads/:id', a.leadId, { status: 'completed' }],
    ['GET', '/v1/campaigns/:id/calls', a.campaignId],
    ['GET', '/v1/calls/:id', a.callId],
    ['POST', '/v1/calls/:id/variables', a.callId, { variables: { appointment_booked: false } }],
    ['GET', '/v1/assistants/:id', a.assistantId],
    ['PATCH', '/v1/assistants/:id', a.assistantId, { name: 'Taken over' }],
    ['DELETE', '/v1/phone-numbers/:id', a.sparePhoneNumberId],
    ['DELETE', '/v1/webhook-endpoints/:id', a.webhookEndpointId],
    ['GET', '/v1/webhook-endpoints/:id/deliveries', a.webhookEndpointId],
    ['GET', '/v1/campaigns/:id/events', a.campaignId],
    ['GET', '/v1/campaigns/:id/leads.csv', a.campaignId],
    ['GET', '/v1/campaigns/:id/calls.csv', a.campaignId],
    ['GET', '/v1/campaigns/:id/imports', a.campaignId],
    ['DELETE', '/v1/account/api-keys/:id', a.spareKeyId],
  ];

  /** Everything A can see of what B's requests could have changed. */
  const viewOf = async (a: Tenant) => {
    const paths = [
      `/v1/campaigns/${a.campaignId}`,
      `/v1/campaigns/${a.draftCampaignId}`,
      `/v1/campaigns/${a.campaignId}/leads`,
      `/v1/leads/${a.leadId}`,
      `/v1/calls/${a.callId}`,
      `/v1/assistants/${a.assistantId}`,
      '/v1/phone-numbers',
      '/v1/webhook-endpoints',
      '/v1/account/api-keys',
    ];
    return Promise.all(paths.map(async (path) => (await api().call('GET', path, { key: a.key })).body));
  };

  it("answers 404 not_found to every route given another account's id, exactly as for an unknown id, and changes nothing", async () => {
    const a = await tenant('Alpha');
    const b = await tenant('Bravo');
    const before = await viewOf(a);

    for (const [method, template, id, body] of routesWithIds(a)) {
      const route = `${method} ${template}`;
      const taken = await api().call(method, template.replace(':id', id), { key: b.key, body });
      expect({ route, status: taken.status, code: taken.body.code }).toEqual({
        route,
        status: 404,
        code: 'not_found',
      });
      expectProblem(taken, 404, 'not_found');
      // Nothing tells "exists, not yours" from "does not exist": ids cannot be probed.
      const ghost = ghostOf(id);
      const missing = await api().call(method, template.replace(':id', ghost), { key: b.key, body });
      expect(JSON.stringify(taken.body).replaceAll(id, '<id>'), route).toBe(
        JSON.stringify(missing.body).replaceAll(ghost, '<id>'),
      );
      // The owner is answered, so the 404 is about ownership, not a broken route (the stream never ends).
      if (method === 'GET' && !template.endsWith('/events')) {
        expect((await api().call(method, template.replace(':id', id), { key: a.key })).status, route).toBe(
          200,
        );
      }
    }

    expect(await viewOf(a)).toEqual(before);
    expect((await api().call('GET', '/v1/account', { key: a.key })).status).toBe(200);
  });

  it("never shows another account's rows in lists, webhooks or the account", async () => {
    const a = await tenant('Alpha');
    const b = await tenant('Bravo');

    for (const list of [
      '/v1/phone-numbers',
      '/v1/assistants',
      '/v1/campaigns',
      '/v1/webhook-endpoints',
      '/v1/account/ledger',
    ]) {
      const [ofA, ofB] = await Promise.all([listIds(api(), a.key, list), listIds(api(), b.key, list)]);
      expect(ofB.length, list).toBeGreaterThan(0);
      expect(
        ofB.filter((id) => ofA.includes(id)),
        list,
      ).toEqual([]);
    }
    const keysOf = async (t: Tenant) =>
      (await api().call<Page>('GET', '/v1/account/api-keys', { key: t.key })).body.data.map((k) => k.id);
    const [keysA, keysB] = await Promise.all([keysOf(a), keysOf(b)]);
    expect(keysB).toContain(b.spareKeyId);
    expect(keysB.filter((id) => keysA.includes(id))).toEqual([]);
    expect((await api().call('GET', '/v1/account', { key: b.key })).body.id).toBe(b.accountId);

    // Each account's webhook endpoint (subscribed to "*") receives its own events and none of the other's.
    expect(a.received.length).toBeGreaterThan(0);
    expect(b.received.length).toBeGreaterThan(0);
    for (const { body } of b.received) {
      expect(body).toContain(b.campaignId);
      expect(body).not.toContain(a.campaignId);
      expect(body).not.toContain(a.accountId);
    }
    for (const { body } of a.received) expect(body).not.toContain(b.campaignId);
  });

  it("refuses a campaign on another account's assistant and an assistant on its phone number (422)", async () => {
    const a = await api().account({ name: 'Alpha' });
    const theirs = await createCampaign(api(), a.key);
    const b = await api().account({ name: 'Bravo' });
    const ours = await createCampaign(api(), b.key);
    const asB = (method: string, path: string, body: unknown) =>
      api().call(method, path, { key: b.key, body });

    const campaign = await asB('POST', '/v1/campaigns', {
      assistantId: theirs.assistantId,
      name: 'Borrowed',
    });
    expectProblem(campaign, 422, 'validation_failed', 'assistantId');
    const assistant = {
      name: 'Borrowed caller id',
      provider: 'simulator',
      timezone: 'America/New_York',
      ratePerMinute: '0.10',
      phoneNumberId: theirs.phoneNumberId,
    };
    expectProblem(await asB('POST', '/v1/assistants', assistant), 422, 'validation_failed', 'phoneNumberId');
    const patched = await asB('PATCH', `/v1/assistants/${ours.assistantId}`, {
      phoneNumberId: theirs.phoneNumberId,
    });
    expectProblem(patched, 422, 'validation_failed', 'phoneNumberId');

    // The refusal reads the same as for an id that does not exist.
    const ghost = await asB('POST', '/v1/campaigns', { assistantId: ghostOf(theirs.assistantId), name: 'x' });
    expect(campaign.body.errors[0].message.replace(theirs.assistantId, '<id>')).toBe(
      ghost.body.errors[0].message.replace(ghostOf(theirs.assistantId), '<id>'),
    );
    expect(await listIds(api(), b.key, '/v1/campaigns')).toEqual([ours.campaignId]);
    expect(await listIds(api(), b.key, '/v1/assistants')).toEqual([ours.assistantId]);
    const own = await api().call('GET', `/v1/assistants/${ours.assistantId}`, { key: b.key });
    expect(own.body.phoneNumberId).toBe(ours.phoneNumberId);
  });
});

describe('authentication', () => {
  const api = useApi();
  const asAccount = (key: string) => api().call('GET', '/v1/account', { key });
  const withAuthorization = (authorization: string | null) =>
    api().call('GET', '/v1/account', { headers: authorization === null ? {} : { authorization } });

  it('answers 401 unauthorized with www-authenticate to a missing, malformed or unknown key, all alike', async () => {
    const { key } = await api().account();
    const refusals = [];
    for (const authorization of [
      null,
      `Basic ${Buffer.from(`user:${key}`).toString('base64')}`,
      'Bearer',
      `Token ${key}`,
      key,
      `Bearer ${key} ${key}`,
      `Bearer ${unknownKey()}`,
      `Bearer ${key.slice(0, -1)}`,
      `Bearer ${ADMIN_KEY}x`,
    ]) {
      const refused = await withAuthorization(authorization);
      expect({ authorization, status: refused.status }).toEqual({ authorization, status: 401 });
      expectProblem(refused, 401, 'unauthorized');
      expect(refused.headers.get('www-authenticate')).toMatch(/^Bearer/);
      refusals.push(refused.body);
    }
    expect(new Set(refusals.map((r) => JSON.stringify(r))).size).toBe(1);
    expect((await asAccount(key)).status).toBe(200);
  });

  it('answers 401 to a revoked key from then on, exactly as to an unknown one', async () => {
    const { key } = await api().account();
    const created = await api().call('POST', '/v1/account/api-keys', { key, body: { label: 'ci' } });
    expect(created.status).toBe(201);
    const spare: string = created.body.apiKey;
    expect((await asAccount(spare)).status).toBe(200);

    const revoked = await api().call('DELETE', `/v1/account/api-keys/${created.body.key.id}`, { key });
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).toEqual(expect.any(String));
    expect(JSON.stringify(revoked.body)).not.toContain(spare);
    const refused = await asAccount(spare);
    expectProblem(refused, 401, 'unauthorized');
    expect(refused.body).toEqual((await asAccount(unknownKey())).body);
    expect((await asAccount(key)).status).toBe(200);

    // A key may revoke itself (a leaked key is retired with the key at hand).
    const keys = await api().call<Page<{ id: string; revokedAt: string | null }>>(
      'GET',
      '/v1/account/api-keys',
      {
        key,
      },
    );
    const first = keys.body.data.find((k) => k.revokedAt === null)!;
    expect((await api().call('DELETE', `/v1/account/api-keys/${first.id}`, { key })).status).toBe(200);
    expectProblem(await asAccount(key), 401, 'unauthorized');
  });

  it("refuses an account's key on admin routes with 403 admin_key_required, changing nothing", async () => {
    const { key, id } = await api().account({ credit: '10.00' });
    for (const [path, body] of [
      ['/v1/accounts', { name: 'Mallory' }],
      [`/v1/accounts/${id}/credits`, { amount: '1000000.00' }],
      ['/v1/clock/advance', { minutes: 60 }],
    ] as const) {
      const refused = await api().call('POST', path, { key, body });
      expect({ path, status: refused.status }).toEqual({ path, status: 403 });
      expectProblem(refused, 403, 'admin_key_required');
    }
    const account = await asAccount(key);
    expect(account.body.balance.amount).toBe('10.00');
    const clock = await api().call('GET', '/v1/clock', { key });
    expect(clock.body.now).toBe(new Date(START).toISOString());
  });

  it('refuses the admin key on account routes with 403 account_key_required', async () => {
    for (const [method, path, body] of [
      ['GET', '/v1/account', undefined],
      ['GET', '/v1/campaigns', undefined],
      ['POST', '/v1/phone-numbers', { number: '+12125550199', provider: 'simulator' }],
    ] as const) {
      const refused = await api().call(method, path, { key: ADMIN_KEY, body });
      expect({ path, status: refused.status }).toEqual({ path, status: 403 });
      expectProblem(refused, 403, 'account_key_required');
    }
  });

  it('serves health, readiness and the OpenAPI document without a key', async () => {
    for (const path of ['/healthz', '/readyz', '/openapi.json']) {
      expect((await api().call('GET', path)).status, path).toBe(200);
    }
  });
});

describe('API keys at rest', () => {
  const database = useTempDatabase();
  const api = useApi({ db: database });

  it('keeps only hashes of API keys, in the database and its idempotency records, and never lists a key', async () => {
    // Idempotency keys make the service keep these responses (which carry the new key) to replay them.
    const created = await api().call('POST', '/v1/accounts', {
      key: ADMIN_KEY,
      body: { name: 'Acme' },
      headers: { 'idempotency-key': 'create-acme' },
    });
    expect(created.status).toBe(201);
    const first: string = created.body.apiKey;
    const second = await api().call('POST', '/v1/account/api-keys', {
      key: first,
      body: { label: 'rotation' },
      headers: { 'idempotency-key': 'rotate-1' },
    });
    expect(second.status).toBe(201);
    const keys = [first, second.body.apiKey as string];

    const listed = await api().call<Page<Record<string, unknown>>>('GET', '/v1/account/api-keys', {
      key: first,
    });
    expect(listed.body.data).toHaveLength(2);
    for (const entry of listed.body.data) {
      expect(Object.keys(entry).sort()).toEqual(['createdAt', 'id', 'label', 'prefix', 'revokedAt']);
    }
    for (const key of keys) expect(JSON.stringify(listed.body)).not.toContain(key);

    const rows = readDatabase(database, (db) =>
      db
        .prepare<[string], { key_hash: string }>('SELECT * FROM api_keys WHERE account_id = ? ORDER BY rowid')
        .all(created.body.account.id),
    );
    expect(rows.map((r) => r.key_hash)).toEqual(keys.map(sha256));
    // Not anywhere in the files, in any table or the write-ahead log: not even the operator's key.
    for (const file of [database, `${database}-wal`].filter((f) => existsSync(f))) {
      const bytes = readFileSync(file);
      for (const secret of [...keys, ADMIN_KEY]) expect(bytes.includes(secret), file).toBe(false);
    }

    // The kept responses still replay: a client that lost the first answer gets its key.
    const replayed = await api().call('POST', '/v1/accounts', {
      key: ADMIN_KEY,
      body: { name: 'Acme' },
      headers: { 'idempotency-key': 'create-acme' },
    });
    expect(replayed.headers.get('idempotent-replayed')).toBe('true');
    expect(replayed.body).toEqual(created.body);
  });
});

describe('rate limit per key', () => {
  const api = useApi({ api: { rateLimitPerMinute: 5 } });
  const get = (authorization: string) => api().call('GET', '/v1/account', { headers: { authorization } });

  it('answers 429 rate_limited with retry-after from the 6th request in a minute; other keys go on', async () => {
    const a = await api().account({ credit: '0' });
    const b = await api().account({ credit: '0' });
    for (let i = 1; i <= 5; i++) expect((await get(`Bearer ${a.key}`)).status, `request ${i}`).toBe(200);
    const limited = await get(`Bearer ${a.key}`);
    expectProblem(limited, 429, 'rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect((await get(`Bearer ${b.key}`)).status).toBe(200);
  });

  it('counts a key once however its Authorization header is spelled', async () => {
    const { key } = await api().account({ credit: '0' });
    const spellings = ['Bearer', 'bearer', 'BEARER', 'Bearer ', 'Bearer\t'].map((s) => `${s} ${key}`);
    for (const authorization of spellings) expect((await get(authorization)).status, authorization).toBe(200);
    expectProblem(await get(`bEaReR ${key}`), 429, 'rate_limited');
  });

  it('counts requests with unknown keys by address, so keys cannot be guessed without limit', async () => {
    for (let i = 1; i <= 5; i++) expectProblem(await get(`Bearer ${unknownKey()}`), 401, 'unauthorized');
    expectProblem(await get(`Bearer ${unknownKey()}`), 429, 'rate_limited');
  });
});

describe('request bodies', () => {
  const api = useApi({ api: { bodyLimitBytes: 1000 } });
  const post = (key: string, path: string, body: string, contentType = 'application/json') =>
    api().call('POST', path, { key, body, headers: { 'content-type': contentType } });

  it('answers 413 body_too_large to a body over the limit', async () => {
    const { key } = await api().account();
    const { campaignId } = await createCampaign(api(), key);
    const leads = (count: number) =>
      JSON.stringify({ leads: Array.from({ length: count }, (_, i) => ({ phone: `+1212555${1000 + i}` })) });
    expect(leads(2).length).toBeLessThan(1000);
    expect((await post(key, `/v1/campaigns/${campaignId}/leads`, leads(2))).status).toBe(200);
    expect(leads(50).length).toBeGreaterThan(1000);
    expectProblem(await post(key, `/v1/campaigns/${campaignId}/leads`, leads(50)), 413, 'body_too_large');
  });

  it('answers 415 to a body that is not JSON', async () => {
    const { key } = await api().account();
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/xml']) {
      const refused = await post(key, '/v1/phone-numbers', 'number=%2B12125550199&provider=simulator', type);
      expect({ type, status: refused.status }).toEqual({ type, status: 415 });
      expectProblem(refused, 415, 'unsupported_media_type');
    }
  });

  it('answers 400 invalid_json to broken, empty or prototype-poisoning JSON', async () => {
    const { key } = await api().account();
    for (const body of [
      '{"number": "+12125550199", "provider": ',
      '',
      '{"__proto__": {"isAdmin": true}, "number": "+12125550199", "provider": "simulator"}',
      '{"constructor": {"prototype": {"isAdmin": true}}, "number": "+12125550199", "provider": "simulator"}',
    ]) {
      const refused = await post(key, '/v1/phone-numbers', body);
      expect({ body, status: refused.status }).toEqual({ body, status: 400 });
      expectProblem(refused, 400, 'invalid_json');
    }
    expect(await listIds(api(), key, '/v1/phone-numbers')).toEqual([]);
  });
});

describe('response headers', () => {
  const api = useApi();

  const expectSecurityHeaders = (headers: Headers, what: string) => {
    expect(headers.get('x-content-type-options'), what).toBe('nosniff');
    const framing = headers.get('x-frame-options') ?? headers.get('content-security-policy') ?? '';
    expect(framing, what).toMatch(/^(SAMEORIGIN|DENY)$|frame-ancestors/);
    expect(headers.get('strict-transport-security'), what).toMatch(/max-age=\d+/);
    expect(headers.get('x-powered-by'), what).toBeNull();
  };

  it('sends security headers on successes and errors alike', async () => {
    const { key } = await api().account();
    const responses = {
      success: await api().call('GET', '/v1/account', { key }),
      created: await api().call('POST', '/v1/phone-numbers', {
        key,
        body: { number: '+12125550199', provider: 'simulator' },
      }),
      unauthorized: await api().call('GET', '/v1/account'),
      'not found': await api().call('GET', '/v1/nowhere', { key }),
      invalid: await api().call('POST', '/v1/phone-numbers', { key, body: { number: 'x' } }),
      health: await api().call('GET', '/healthz'),
    };
    for (const [what, response] of Object.entries(responses)) expectSecurityHeaders(response.headers, what);
  });

  it('has CORS off by default: no origin is allowed, preflights included', async () => {
    const { key } = await api().account();
    const origin = 'https://app.example';
    const simple = await api().call('GET', '/v1/account', { key, headers: { origin } });
    expect(simple.status).toBe(200);
    expect(simple.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await api().call('OPTIONS', '/v1/campaigns', {
      headers: { origin, 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(preflight.headers.get('access-control-allow-methods')).toBeNull();
  });
});

describe('CORS with allowed origins', () => {
  const api = useApi({ api: { corsOrigins: ['https://app.example'] } });
  const preflight = (client: ApiClient, origin: string, method: string) =>
    client.call('OPTIONS', '/v1/campaigns/cmp_0abc', {
      headers: {
        origin,
        'access-control-request-method': method,
        'access-control-request-headers': 'authorization, content-type, idempotency-key',
      },
    });

  it('allows the configured origin, for every method the API has, and no other', async () => {
    const { key } = await api().account();
    const allowed = await api().call('GET', '/v1/account', {
      key,
      headers: { origin: 'https://app.example' },
    });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example');
    expect(allowed.headers.get('vary')).toMatch(/origin/i);
    const other = await api().call('GET', '/v1/account', {
      key,
      headers: { origin: 'https://evil.example' },
    });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();

    for (const method of ['GET', 'POST', 'PATCH', 'DELETE']) {
      const answer = await preflight(api(), 'https://app.example', method);
      expect(answer.status, method).toBeLessThan(300);
      expect(answer.headers.get('access-control-allow-origin')).toBe('https://app.example');
      expect(answer.headers.get('access-control-allow-methods'), method).toContain(method);
      expect(answer.headers.get('access-control-allow-headers')).toMatch(/authorization/i);
    }
    const refused = await preflight(api(), 'https://evil.example', 'DELETE');
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('webhook URLs when private targets are not allowed', () => {
  const api = useApi({ api: { allowPrivateWebhooks: false } });
  const subscribe = (key: string, url: string) =>
    api().call('POST', '/v1/webhook-endpoints', { key, body: { url, events: ['*'] } });

  it('refuses loopback, private, link-local and other non-public addresses (422 on url)', async () => {
    const { key } = await api().account();
    for (const url of [
      'http://127.0.0.1/x',
      'http://127.0.0.1:3000/v1/accounts',
      'http://10.0.0.1/x',
      'http://172.16.0.5/x',
      'http://192.168.1.1/x',
      'http://169.254.169.254/latest',
      'http://100.64.0.1/x',
      'http://0.0.0.0/x',
      'http://[::1]/x',
      'http://[::ffff:127.0.0.1]/x',
      'http://[fd00::1]/x',
      'http://[fe80::1]/x',
      // Other spellings of 127.0.0.1 that URL parsers accept.
      'http://2130706433/x',
      'http://0x7f.0.0.1/x',
      'http://0177.0.0.1/x',
    ]) {
      const refused = await subscribe(key, url);
      expect({ url, status: refused.status }).toEqual({ url, status: 422 });
      expectProblem(refused, 422, 'validation_failed', 'url');
    }
    expect(await listIds(api(), key, '/v1/webhook-endpoints')).toEqual([]);
  });

  it('accepts a public https URL', async () => {
    const { key } = await api().account();
    const created = await subscribe(key, 'https://hooks.example.com/callwright');
    expect(created.status).toBe(201);
    expect(created.body.url).toBe('https://hooks.example.com/callwright');
  });

  it('refuses a URL with credentials, without repeating them', async () => {
    const { key } = await api().account();
    const refused = await subscribe(key, 'https://user:s3cr3t@hooks.example.com/callwright');
    expectProblem(refused, 422, 'validation_failed', 'url');
    expect(JSON.stringify(refused.body)).not.toContain('s3cr3t');
  });
});
