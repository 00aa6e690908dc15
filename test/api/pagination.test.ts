import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN_KEY, createCampaign, useApi, type ApiClient } from './api-harness.js';
import { advanceClock, expectProblem, listIds, walkPages, withQuery, type Page } from './fixtures.js';
import { startWebhookReceiver } from './webhook-receiver.js';

/** Cursor pagination of every list (issue 3: `limit` ≤ 1000, `nextCursor`), over real HTTP. */

const ROWS = 7;
/** Simulator numbers that answer on the first call (DESIGN §6: XY 00 and 01), so every lead completes. */
const LEAD_PHONES = [
  '212',
  '213',
  '310',
  '312',
  '347',
  '404',
  '415',
  '503',
  '512',
  '617',
  '646',
  '702',
  '718',
]
  .flatMap((npa) => [`+1${npa}5550100`, `+1${npa}5550101`])
  .slice(0, 25);

interface Filled {
  readonly key: string;
  readonly campaignId: string;
  readonly endpointId: string;
  /** Ids in the order created. */
  readonly created: Readonly<
    Record<'phoneNumbers' | 'assistants' | 'campaigns' | 'endpoints' | 'credits', readonly string[]>
  >;
}

/**
 * An account with seven caller ids, assistants, campaigns and webhook endpoints, seven credits, and a campaign
 * of 25 leads run to completion (so it has calls, and its first endpoint has deliveries).
 */
async function fillAccount(api: ApiClient, webhookUrl: string): Promise<Filled> {
  const { key, id: accountId } = await api.account();
  const create = async (path: string, body: unknown, asKey = key) => {
    const created = await api.call('POST', path, { key: asKey, body });
    expect(created.status, `POST ${path}: ${JSON.stringify(created.body)}`).toBe(201);
    return created.body.id as string;
  };
  const first = await createCampaign(api, key, { maxConcurrentCalls: 5 });
  const created = {
    phoneNumbers: [first.phoneNumberId],
    assistants: [first.assistantId],
    campaigns: [first.campaignId],
    // Only the first endpoint takes every event: the others would multiply deliveries to no purpose.
    endpoints: [await create('/v1/webhook-endpoints', { url: webhookUrl, events: ['*'] })],
    credits: [] as string[],
  };
  for (let i = 1; i < ROWS; i++) {
    created.phoneNumbers.push(
      await create('/v1/phone-numbers', { number: `+1212555020${i}`, provider: 'simulator' }),
    );
    created.assistants.push(
      await create('/v1/assistants', {
        name: `Ava ${i}`,
        provider: 'simulator',
        timezone: 'America/New_York',
        ratePerMinute: '0.10',
      }),
    );
    created.campaigns.push(
      await create('/v1/campaigns', { assistantId: first.assistantId, name: `No. ${i}` }),
    );
    created.endpoints.push(
      await create('/v1/webhook-endpoints', { url: webhookUrl, events: ['campaign.completed'] }),
    );
    created.credits.push(await create(`/v1/accounts/${accountId}/credits`, { amount: '1.00' }, ADMIN_KEY));
  }
  const added = await api.call('POST', `/v1/campaigns/${first.campaignId}/leads`, {
    key,
    body: { leads: LEAD_PHONES.map((phone, i) => ({ phone, name: `Lead ${i}` })) },
  });
  expect(added.body.created).toBe(LEAD_PHONES.length);
  expect((await api.call('POST', `/v1/campaigns/${first.campaignId}/start`, { key })).status).toBe(200);
  await advanceClock(api, 120);
  const campaign = await api.call('GET', `/v1/campaigns/${first.campaignId}`, { key });
  expect(campaign.body.status).toBe('completed');
  return { key, campaignId: first.campaignId, endpointId: created.endpoints[0]!, created };
}

/** Every paginated list of an account with a campaign and a webhook endpoint. */
const listPaths = (campaignId: string, endpointId: string) => [
  '/v1/phone-numbers',
  '/v1/assistants',
  '/v1/campaigns',
  '/v1/webhook-endpoints',
  '/v1/account/ledger',
  `/v1/campaigns/${campaignId}/leads`,
  `/v1/campaigns/${campaignId}/leads?status=completed`,
  `/v1/campaigns/${campaignId}/calls`,
  `/v1/campaigns/${campaignId}/calls?order=newest`,
  `/v1/webhook-endpoints/${endpointId}/deliveries`,
];

type Row = { id: string } & Record<string, unknown>;

describe('cursor pagination', () => {
  const api = useApi();
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await Promise.all(closers.splice(0).map((close) => close()));
  });

  it('walks every list with nextCursor: each row exactly once, in the order created', async () => {
    const receiver = await startWebhookReceiver();
    closers.push(receiver.close);
    const filled = await fillAccount(api(), receiver.url);
    const { created } = filled;

    for (const path of listPaths(filled.campaignId, filled.endpointId)) {
      const all = await walkPages<Row>(api(), filled.key, path, 1000);
      expect(all.pages, path).toBe(1);
      expect(all.rows.length, path).toBeGreaterThan(ROWS - 1);
      for (const limit of [1, 4]) {
        const walked = await walkPages<Row>(api(), filled.key, path, limit);
        expect(
          walked.rows.map((r) => r.id),
          `${path} by ${limit}`,
        ).toEqual(all.rows.map((r) => r.id));
        expect(walked.pages, `${path} by ${limit}`).toBe(Math.ceil(all.rows.length / limit));
      }
    }

    const ids = (path: string) => listIds(api(), filled.key, path);
    expect(await ids('/v1/phone-numbers')).toEqual(created.phoneNumbers);
    expect(await ids('/v1/assistants')).toEqual(created.assistants);
    expect(await ids('/v1/campaigns')).toEqual(created.campaigns);
    expect(await ids('/v1/webhook-endpoints')).toEqual(created.endpoints);
    const rows = async (path: string) => (await walkPages<Row>(api(), filled.key, path, 1000)).rows;
    const leads = await rows(`/v1/campaigns/${filled.campaignId}/leads`);
    expect(leads.map((l) => l.name)).toEqual(LEAD_PHONES.map((_, i) => `Lead ${i}`));
    // The ledger: the account's first credit, then ours, in the order written, with call charges after them.
    const ledger = await rows('/v1/account/ledger');
    expect(ledger.filter((e) => e.kind === 'credit').map((e) => e.id)).toEqual([
      ledger[0]!.id,
      ...created.credits,
    ]);
    expect(ledger.slice(ROWS).every((e) => e.kind === 'call_charge')).toBe(true);
    const placed = (await rows(`/v1/campaigns/${filled.campaignId}/calls`)).map((c) => String(c.placedAt));
    expect(placed).toEqual([...placed].sort());
    const newest = await rows(`/v1/campaigns/${filled.campaignId}/calls?order=newest`);
    expect(newest.map((c) => String(c.placedAt))).toEqual([...placed].reverse());
    const sequence = (await rows(`/v1/webhook-endpoints/${filled.endpointId}/deliveries`)).map(
      (d) => d.eventSeq,
    );
    expect(sequence).toEqual([...sequence].sort((x, y) => Number(x) - Number(y)));
    expect(new Set(sequence).size).toBe(sequence.length);
  });

  it('sees rows added during a walk once, after the ones before', async () => {
    const { key } = await api().account();
    const addPhoneNumber = async (i: number) =>
      (
        await api().call('POST', '/v1/phone-numbers', {
          key,
          body: { number: `+1212555030${i}`, provider: 'simulator' },
        })
      ).body.id as string;
    const before = [];
    for (let i = 0; i < 5; i++) before.push(await addPhoneNumber(i));

    const first = await api().call<Page>('GET', '/v1/phone-numbers?limit=2', { key });
    expect(first.body.data.map((p) => p.id)).toEqual(before.slice(0, 2));
    const after = [await addPhoneNumber(5), await addPhoneNumber(6)];
    const rest: string[] = [];
    let cursor: string | null = first.body.nextCursor;
    while (cursor !== null) {
      const page = await api().call<Page>('GET', `/v1/phone-numbers?limit=2&cursor=${cursor}`, { key });
      rest.push(...page.body.data.map((p) => p.id));
      cursor = page.body.nextCursor;
    }
    expect([...before.slice(0, 2), ...rest]).toEqual([...before, ...after]);
  });

  /** A new account with a draft campaign and a webhook endpoint, and the paths of all its lists. */
  const everyList = async () => {
    const { key } = await api().account();
    const { campaignId } = await createCampaign(api(), key);
    const endpoint = await api().call('POST', '/v1/webhook-endpoints', {
      key,
      body: { url: 'https://hooks.example.com/in', events: ['*'] },
    });
    return { key, paths: listPaths(campaignId, endpoint.body.id) };
  };

  it('takes a limit of 1 to 1000 and refuses 0, 1001 and non-integers with 422 naming limit', async () => {
    const { key, paths } = await everyList();
    for (const path of paths) {
      for (const limit of ['1', '1000']) {
        const page = await api().call('GET', withQuery(path, `limit=${limit}`), { key });
        expect({ path, limit, status: page.status }).toEqual({ path, limit, status: 200 });
      }
      for (const limit of ['0', '1001', '-1', '2.5', 'ten']) {
        const refused = await api().call('GET', withQuery(path, `limit=${limit}`), { key });
        expect({ path, limit, status: refused.status }).toEqual({ path, limit, status: 422 });
        expectProblem(refused, 422, 'validation_failed', 'limit');
      }
    }
    const first = await api().call('GET', '/v1/phone-numbers?limit=1', { key });
    expect(first.body.data).toHaveLength(1);
  });

  it('refuses a cursor it did not give out with 422 naming cursor', async () => {
    const { key, paths } = await everyList();
    const tampered = [
      'not a cursor',
      Buffer.from('DROP TABLE leads; --').toString('base64url'),
      Buffer.from("lead_1' OR '1'='1").toString('base64url'),
      Buffer.from('../../etc/passwd').toString('base64url'),
      'x'.repeat(401),
    ];
    for (const path of paths) {
      for (const cursor of tampered) {
        const refused = await api().call('GET', withQuery(path, `cursor=${encodeURIComponent(cursor)}`), {
          key,
        });
        expect({ path, cursor, status: refused.status }).toEqual({ path, cursor, status: 422 });
        expectProblem(refused, 422, 'validation_failed', 'cursor');
      }
    }
  });
});
