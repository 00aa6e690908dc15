import { describe, expect, it } from 'vitest';
import { ADMIN_KEY, createCampaign, useApi, type ApiClient, type ApiResponse } from './api-harness.js';
import { expectProblem, listIds, readDatabase, useTempDatabase, type Page } from './fixtures.js';

/**
 * `Idempotency-Key` on every create (DESIGN §7): a retry returns the first answer and creates nothing more; the
 * same key with another request is refused; keys belong to their account; failures are not kept.
 */

interface Owner {
  readonly key: string;
  readonly accountId: string;
  readonly assistantId: string;
}

interface CreateRoute {
  readonly name: string;
  readonly admin?: true;
  readonly path: (owner: Owner) => string;
  readonly body: (owner: Owner, variant: number) => unknown;
  /** How many of these exist (for the account, or in all for accounts). */
  readonly count: (api: ApiClient, owner: Owner, database: string) => Promise<number>;
}

/** The route's name as part of an Idempotency-Key (printable ASCII, no spaces). */
const slug = (route: CreateRoute) => route.name.replaceAll(' ', '-');

const countList = (path: string) => async (api: ApiClient, owner: Owner) =>
  (await listIds(api, owner.key, path)).length;

const CREATES: readonly CreateRoute[] = [
  {
    name: 'accounts',
    admin: true,
    path: () => '/v1/accounts',
    body: (_, variant) => ({ name: `Clinic ${variant}` }),
    // No API lists accounts: the database is the witness.
    count: (_api, _owner, database) =>
      Promise.resolve(
        readDatabase(
          database,
          (db) => db.prepare<[], { n: number }>('SELECT count(*) AS n FROM accounts').get()!.n,
        ),
      ),
  },
  {
    name: 'phone numbers',
    path: () => '/v1/phone-numbers',
    body: (_, variant) => ({ number: `+1212555020${variant}`, provider: 'simulator' }),
    count: countList('/v1/phone-numbers'),
  },
  {
    name: 'assistants',
    path: () => '/v1/assistants',
    body: (_, variant) => ({
      name: `Ava ${variant}`,
      provider: 'simulator',
      timezone: 'America/New_York',
      ratePerMinute: '0.10',
    }),
    count: countList('/v1/assistants'),
  },
  {
    name: 'campaigns',
    path: () => '/v1/campaigns',
    body: (owner, variant) => ({ assistantId: owner.assistantId, name: `Follow-up ${variant}` }),
    count: countList('/v1/campaigns'),
  },
  {
    name: 'webhook endpoints',
    path: () => '/v1/webhook-endpoints',
    body: (_, variant) => ({ url: `https://hooks.example.com/${variant}`, events: ['*'] }),
    count: countList('/v1/webhook-endpoints'),
  },
  {
    name: 'API keys',
    path: () => '/v1/account/api-keys',
    body: (_, variant) => ({ label: `deploy ${variant}` }),
    count: async (api, owner) =>
      (await api.call<Page>('GET', '/v1/account/api-keys', { key: owner.key })).body.data.length,
  },
  {
    name: 'credits',
    admin: true,
    path: (owner) => `/v1/accounts/${owner.accountId}/credits`,
    body: (_, variant) => ({ amount: `${variant}.00`, note: 'top-up' }),
    count: countList('/v1/account/ledger'),
  },
];

describe('Idempotency-Key on creates', () => {
  const database = useTempDatabase();
  const api = useApi({ db: database });

  /** An account with an assistant (for campaigns), and its key. */
  const owner = async (name = 'Acme'): Promise<Owner> => {
    const { key, id } = await api().account({ name });
    const { assistantId } = await createCampaign(api(), key);
    return { key, accountId: id, assistantId };
  };
  const create = (route: CreateRoute, who: Owner, body: unknown, idempotencyKey: string) =>
    api().call('POST', route.path(who), {
      key: route.admin ? ADMIN_KEY : who.key,
      body,
      headers: { 'idempotency-key': idempotencyKey },
    });
  const expectSameAnswer = (replay: ApiResponse, first: ApiResponse) => {
    expect(replay.status).toBe(first.status);
    expect(replay.body).toEqual(first.body);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
  };

  it.each(CREATES)('$name: a replay gets the first answer and creates nothing more', async (route) => {
    const who = await owner();
    const first = await create(route, who, route.body(who, 1), `retry-${slug(route)}`);
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const count = await route.count(api(), who, database);

    for (let retry = 0; retry < 2; retry++) {
      expectSameAnswer(await create(route, who, route.body(who, 1), `retry-${slug(route)}`), first);
    }
    expect(await route.count(api(), who, database)).toBe(count);

    // Another key with the same body is another request.
    expect((await create(route, who, route.body(who, 1), `another-${slug(route)}`)).status).toBe(201);
    expect(await route.count(api(), who, database)).toBe(count + 1);
  });

  it.each(CREATES)('$name: the same key with another body is 422 idempotency_key_reused', async (route) => {
    const who = await owner();
    expect((await create(route, who, route.body(who, 1), `reused-${slug(route)}`)).status).toBe(201);
    const count = await route.count(api(), who, database);
    const refused = await create(route, who, route.body(who, 2), `reused-${slug(route)}`);
    expectProblem(refused, 422, 'idempotency_key_reused');
    expect(await route.count(api(), who, database)).toBe(count);
  });

  it("keeps keys per account: another account's same key creates its own resource", async () => {
    const phoneNumbers = CREATES.find((c) => c.name === 'phone numbers')!;
    const [a, b] = [await owner('Alpha'), await owner('Bravo')];
    const body = phoneNumbers.body(a, 1);
    const ofA = await create(phoneNumbers, a, body, 'shared-key');
    const ofB = await create(phoneNumbers, b, body, 'shared-key');
    expect([ofA.status, ofB.status]).toEqual([201, 201]);
    expect(ofB.headers.get('idempotent-replayed')).toBeNull();
    expect(ofB.body.id).not.toBe(ofA.body.id);
    expect(await listIds(api(), b.key, '/v1/phone-numbers')).toContain(ofB.body.id);
    expect(await listIds(api(), b.key, '/v1/phone-numbers')).not.toContain(ofA.body.id);
    expect(await listIds(api(), a.key, '/v1/phone-numbers')).not.toContain(ofB.body.id);
  });

  it('refuses a key that is empty, too long, or not printable ASCII with 400, creating nothing', async () => {
    const phoneNumbers = CREATES.find((c) => c.name === 'phone numbers')!;
    const who = await owner();
    const count = await phoneNumbers.count(api(), who, database);
    for (const key of ['', 'k'.repeat(256), 'clé-1', 'two words']) {
      const refused = await create(phoneNumbers, who, phoneNumbers.body(who, 1), key);
      expect({ key, status: refused.status }).toEqual({ key, status: 400 });
      expectProblem(refused, 400, 'invalid_idempotency_key');
    }
    expect(await phoneNumbers.count(api(), who, database)).toBe(count);
    expect((await create(phoneNumbers, who, phoneNumbers.body(who, 1), 'k'.repeat(255))).status).toBe(201);
  });

  it('keeps no failed create: the same key with the body corrected succeeds', async () => {
    const who = await owner();
    const campaigns = CREATES.find((c) => c.name === 'campaigns')!;
    // Refused by the schema (before any handler runs) and by the handler (an assistant that is not the caller's).
    const invalid = { ...(campaigns.body(who, 1) as object), retry: { maxRetries: 7 } };
    expectProblem(
      await create(campaigns, who, invalid, 'fix-me'),
      422,
      'validation_failed',
      'retry.maxRetries',
    );
    const foreign = { ...(campaigns.body(who, 1) as object), assistantId: 'asst_0000000000000000000' };
    expectProblem(await create(campaigns, who, foreign, 'fix-me'), 422, 'validation_failed', 'assistantId');
    const fixed = await create(campaigns, who, campaigns.body(who, 1), 'fix-me');
    expect(fixed.status).toBe(201);
    expectSameAnswer(await create(campaigns, who, campaigns.body(who, 1), 'fix-me'), fixed);

    const accounts = CREATES.find((c) => c.name === 'accounts')!;
    const unknownCurrency = { name: 'Acme', currency: 'XYZ' };
    expectProblem(
      await create(accounts, who, unknownCurrency, 'acct-fix-me'),
      422,
      'validation_failed',
      'currency',
    );
    expect((await create(accounts, who, { name: 'Acme', currency: 'EUR' }, 'acct-fix-me')).status).toBe(201);
  });

  it('creates once when retries race the first request', async () => {
    const phoneNumbers = CREATES.find((c) => c.name === 'phone numbers')!;
    const who = await owner();
    const count = await phoneNumbers.count(api(), who, database);
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => create(phoneNumbers, who, phoneNumbers.body(who, 1), 'racing')),
    );
    const created = answers.filter((a) => a.status === 201);
    expect(created.filter((a) => a.headers.get('idempotent-replayed') === null)).toHaveLength(1);
    expect(new Set(created.map((a) => a.body.id)).size).toBe(1);
    // A retry that arrives while the first is still running is told to wait, never run a second time.
    for (const other of answers.filter((a) => a.status !== 201))
      expectProblem(other, 409, 'idempotency_key_in_use');
    expect(await phoneNumbers.count(api(), who, database)).toBe(count + 1);
  });
});
