import { describe, expect, it } from 'vitest';
import { createCampaign, useApi, type ApiClient } from './api-harness.js';
import { advanceClock, expectProblem, type Page } from './fixtures.js';
import { expectFieldErrors } from './input-fixtures.js';

/** The account's do-not-call list over HTTP (issue 4, DESIGN §2.4): `POST/GET/DELETE /v1/dnc`. */

interface Entry {
  readonly phone: string;
  readonly source: string;
  readonly note: string | null;
  readonly createdAt: string;
}

/** Simulator numbers (DESIGN §6): 04 rings unanswered, 03 is busy, 01 answers. */
const UNANSWERED = '+12125550104';
const BUSY = '+12125550103';
const ANSWERS = '+12125550101';

const listAll = async (api: ApiClient, key: string, limit = 1000) => {
  const entries: Entry[] = [];
  let cursor: string | null = null;
  do {
    const query: string = `limit=${limit}${cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`}`;
    const page = await api.call<Page<Entry>>('GET', `/v1/dnc?${query}`, { key });
    expect(page.status, JSON.stringify(page.body)).toBe(200);
    entries.push(...page.body.data);
    cursor = page.body.nextCursor;
  } while (cursor !== null);
  return entries;
};

describe('the do-not-call list over HTTP', () => {
  const api = useApi();

  it('adds numbers as users write them, once, and reports the invalid ones by index', async () => {
    const { key } = await api().account();
    const added = await api().call('POST', '/v1/dnc', {
      key,
      body: {
        phones: ['+12125550104', '(212) 555-0103', 'not a number', '212-555-0104'],
        note: 'asked by email',
      },
    });
    expect(added.status).toBe(200);
    expect(added.body).toEqual({
      added: 2,
      alreadyListed: 1,
      invalid: [{ index: 2, field: 'phones[2]', message: expect.stringMatching(/^"not a number" /) }],
    });
    const again = await api().call('POST', '/v1/dnc', { key, body: { phones: [BUSY, ANSWERS] } });
    expect(again.body).toEqual({ added: 1, alreadyListed: 1, invalid: [] });

    expect(await listAll(api(), key)).toEqual([
      { phone: ANSWERS, source: 'api', note: null, createdAt: expect.any(String) },
      { phone: BUSY, source: 'api', note: 'asked by email', createdAt: expect.any(String) },
      { phone: UNANSWERED, source: 'api', note: 'asked by email', createdAt: expect.any(String) },
    ]);
  });

  it('pages in number order and looks one number up, however it is written', async () => {
    const { key } = await api().account();
    const phones = ['+12125550105', '+12125550101', '+12125550104', '+12125550102', '+12125550103'];
    await api().call('POST', '/v1/dnc', { key, body: { phones } });
    expect((await listAll(api(), key, 2)).map((e) => e.phone)).toEqual([...phones].sort());

    const found = await api().call<Page<Entry>>(
      'GET',
      `/v1/dnc?phone=${encodeURIComponent('(212) 555-0104')}`,
      {
        key,
      },
    );
    expect(found.body).toEqual({ data: [expect.objectContaining({ phone: UNANSWERED })], nextCursor: null });
    const absent = await api().call('GET', `/v1/dnc?phone=${encodeURIComponent('+12125550199')}`, { key });
    expect(absent.body).toEqual({ data: [], nextCursor: null });
  });

  it('takes a number off the list (its + written %2B or not), then answers 404 for it', async () => {
    const { key } = await api().account();
    await api().call('POST', '/v1/dnc', { key, body: { phones: [UNANSWERED, BUSY] } });
    expect((await api().call('DELETE', `/v1/dnc/${encodeURIComponent(UNANSWERED)}`, { key })).status).toBe(
      204,
    );
    expect((await api().call('DELETE', `/v1/dnc/${BUSY}`, { key })).status).toBe(204);
    expect(await listAll(api(), key)).toEqual([]);
    const gone = expectProblem(
      await api().call('DELETE', `/v1/dnc/%2B12125550104`, { key }),
      404,
      'not_found',
    );
    expect(gone.detail).toBe('+12125550104 is not on the do-not-call list');
  });

  it("keeps every account's list to itself", async () => {
    const a = await api().account({ name: 'A' });
    const b = await api().account({ name: 'B' });
    await api().call('POST', '/v1/dnc', { key: a.key, body: { phones: [UNANSWERED] } });
    expect(await listAll(api(), b.key)).toEqual([]);
    const lookup = await api().call('GET', `/v1/dnc?phone=${encodeURIComponent(UNANSWERED)}`, { key: b.key });
    expect(lookup.body.data).toEqual([]);
    expectProblem(await api().call('DELETE', `/v1/dnc/%2B12125550104`, { key: b.key }), 404, 'not_found');
    expect((await listAll(api(), a.key)).map((e) => e.phone)).toEqual([UNANSWERED]);

    // The same number on B's list is B's own entry: taking it off leaves A's.
    await api().call('POST', '/v1/dnc', { key: b.key, body: { phones: [UNANSWERED] } });
    expect((await api().call('DELETE', `/v1/dnc/%2B12125550104`, { key: b.key })).status).toBe(204);
    expect((await listAll(api(), a.key)).map((e) => e.phone)).toEqual([UNANSWERED]);
    expect((await api().call('GET', '/v1/dnc')).status).toBe(401);
  });

  it('refuses bad input, naming the field, the value and what is allowed', async () => {
    const { key } = await api().account();
    expectFieldErrors(await api().call('POST', '/v1/dnc', { key, body: { phones: [] } }), [
      { path: 'phones', message: 'must hold 1–1000 items, got 0' },
    ]);
    const tooMany = Array.from({ length: 1001 }, (_, i) => `+1212555${String(i).padStart(4, '0')}`);
    expectFieldErrors(await api().call('POST', '/v1/dnc', { key, body: { phones: tooMany } }), [
      { path: 'phones', message: 'must hold 1–1000 items, got 1001' },
    ]);
    expectFieldErrors(
      await api().call('POST', '/v1/dnc', { key, body: { phones: [UNANSWERED], why: 'x' } }),
      [{ path: 'why', message: expect.any(String) }],
    );
    expectFieldErrors(await api().call('DELETE', '/v1/dnc/2125550104', { key }), [
      { path: 'phone', message: 'must be an E.164 number such as "+12125550199", got "2125550104"' },
    ]);
    expectFieldErrors(await api().call('GET', '/v1/dnc?phone=nope', { key }), [
      { path: 'phone', message: expect.stringMatching(/^"nope" /) },
    ]);
    expectFieldErrors(await api().call('GET', '/v1/dnc?cursor=bm9wZQ', { key }), [
      { path: 'cursor', message: 'must be a nextCursor from a previous page, got "bm9wZQ"' },
    ]);
  });
});

describe('the do-not-call list and the dialer over HTTP', () => {
  const api = useApi();

  it('never dials a number put on the list after its lead was added', async () => {
    const { key } = await api().account();
    const { campaignId } = await createCampaign(api(), key);
    const added = await api().call('POST', `/v1/campaigns/${campaignId}/leads`, {
      key,
      body: { leads: [{ phone: UNANSWERED, secondaryPhones: [ANSWERS] }, { phone: BUSY }] },
    });
    expect(added.body).toMatchObject({ created: 2 });
    await api().call('POST', '/v1/dnc', { key, body: { phones: [UNANSWERED, '(212) 555-0103'] } });
    expect((await api().call('POST', `/v1/campaigns/${campaignId}/start`, { key })).status).toBe(200);
    await advanceClock(api(), 4 * 60);

    const calls = await api().call<Page<{ leadId: string; phone: string; status: string }>>(
      'GET',
      `/v1/campaigns/${campaignId}/calls`,
      { key },
    );
    expect(calls.body.data.map((c) => [c.phone, c.status])).toEqual([[ANSWERS, 'completed']]);
    const leads = await api().call<Page<{ status: string; completionReason: string | null }>>(
      'GET',
      `/v1/campaigns/${campaignId}/leads`,
      { key },
    );
    expect(leads.body.data.map((l) => [l.status, l.completionReason])).toEqual([
      ['completed', 'answered'],
      ['max_retries', null],
    ]);
    const campaign = await api().call('GET', `/v1/campaigns/${campaignId}`, { key });
    expect(campaign.body.status).toBe('completed');
  });

  it("puts a callee who opts out on the list and stops calling the lead (the assistant's optOutVariable)", async () => {
    const { key } = await api().account();
    const { campaignId, assistantId } = await createCampaign(api(), key);
    const assistant = await api().call('PATCH', `/v1/assistants/${assistantId}`, {
      key,
      body: {
        variables: [
          { name: 'appointment_booked', type: 'boolean' },
          { name: 'opt_out', type: 'boolean' },
        ],
      },
    });
    expect(assistant.body.optOutVariable).toBe('opt_out');
    await api().call('POST', `/v1/campaigns/${campaignId}/leads`, {
      key,
      body: { leads: [{ phone: UNANSWERED }] },
    });
    await api().call('POST', `/v1/campaigns/${campaignId}/start`, { key });
    await advanceClock(api(), 5);
    const [call] = (await api().call('GET', `/v1/campaigns/${campaignId}/calls`, { key })).body.data;
    expect(call).toMatchObject({ phone: UNANSWERED, status: 'unanswered' });

    const reported = await api().call('POST', `/v1/calls/${call.id}/variables`, {
      key,
      body: { variables: { opt_out: true } },
    });
    expect(reported.status).toBe(200);
    const lead = await api().call('GET', `/v1/leads/${call.leadId}`, { key });
    expect(lead.body).toMatchObject({ status: 'completed', completionReason: 'opted_out' });
    const listed = await api().call('GET', `/v1/dnc?phone=${encodeURIComponent(UNANSWERED)}`, { key });
    expect(listed.body.data).toEqual([
      {
        phone: UNANSWERED,
        source: 'opt_out',
        note: `opted out on call ${call.id}`,
        createdAt: expect.any(String),
      },
    ]);
    await advanceClock(api(), 3 * 60);
    expect((await api().call('GET', `/v1/campaigns/${campaignId}/calls`, { key })).body.data).toHaveLength(1);
  });
});

describe("an assistant's opt-out variable over HTTP", () => {
  const api = useApi();

  it('is opt_out unless given, may be another boolean variable or null, and never a variable of another type', async () => {
    const { key } = await api().account();
    const base = { name: 'Ava', provider: 'simulator', timezone: 'America/New_York', ratePerMinute: '0.10' };
    const created = await api().call('POST', '/v1/assistants', { key, body: base });
    expect(created.body.optOutVariable).toBe('opt_out');
    const id: string = created.body.id;
    const patch = (body: unknown) => api().call('PATCH', `/v1/assistants/${id}`, { key, body });

    expect((await patch({ optOutVariable: 'unsubscribe' })).body.optOutVariable).toBe('unsubscribe');
    expect((await patch({ optOutVariable: null })).body.optOutVariable).toBeNull();
    expect((await api().call('GET', `/v1/assistants/${id}`, { key })).body.optOutVariable).toBeNull();

    expectFieldErrors(await patch({ optOutVariable: 'opt out' }), [
      {
        path: 'optOutVariable',
        message:
          'must be a name of letters, digits and _ that does not start with a digit, at most 64 characters, got "opt out"',
      },
    ]);
    expectFieldErrors(
      await patch({ optOutVariable: 'notes', variables: [{ name: 'notes', type: 'string' }] }),
      [
        {
          path: 'optOutVariable',
          message: 'must name a boolean variable, but "notes" is declared as string',
        },
      ],
    );
    const withNull = await api().call('POST', '/v1/assistants', {
      key,
      body: { ...base, optOutVariable: null },
    });
    expect(withNull.body.optOutVariable).toBeNull();
  });
});
