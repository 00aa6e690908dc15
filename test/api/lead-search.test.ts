import { beforeAll, describe, expect, it } from 'vitest';
import { createCampaign } from './api-harness.js';
import { walkPages, type Page } from './fixtures.js';
import { expectFieldErrors, useSharedApi } from './input-fixtures.js';

/**
 * `GET /v1/campaigns/{id}/leads?q=`: the dashboard's search box. A query of digits and phone punctuation finds
 * leads by any of their numbers; any other finds them by name. Each lead comes with its numbers.
 */

interface ListedLead {
  readonly id: string;
  readonly name: string | null;
  readonly status: string;
  readonly updatedAt: string;
  readonly contacts: readonly {
    position: number;
    phone: string;
    attempts: number;
    lastResult: string | null;
  }[];
  readonly lastResult: string | null;
}

const LEADS = [
  { name: 'Ada Lovelace', phone: '+12125550123' },
  { name: 'Grace Hopper', phone: '+13105550140', secondaryPhones: ['(646) 555-0177'] },
  { name: 'ada byron', phone: '+14155550150' },
  { name: 'Alan Turing', phone: '+12125550188' },
  { phone: '+17185550199' },
];

describe('searching a campaign’s leads', () => {
  const api = useSharedApi();
  let key: string;
  let path: string;
  const names = async (query: string, limit = 100) =>
    (await walkPages<ListedLead>(api(), key, `${path}?${query}`, limit)).rows.map((lead) => lead.name);

  beforeAll(async () => {
    ({ key } = await api().account());
    const { campaignId } = await createCampaign(api(), key);
    path = `/v1/campaigns/${campaignId}/leads`;
    const added = await api().call('POST', path, { key, body: { leads: LEADS } });
    expect(added.body.created).toBe(LEADS.length);
  });

  it('finds leads by a part of their name, ignoring case, a page at a time', async () => {
    expect(await names('q=ADA', 1)).toEqual(['Ada Lovelace', 'ada byron']);
    expect(await names(`q=${encodeURIComponent(' hopper ')}`)).toEqual(['Grace Hopper']);
    expect(await names('q=nobody')).toEqual([]);
  });

  it('finds leads by the digits of any of their numbers, however the query is written', async () => {
    expect(await names(`q=${encodeURIComponent('555 0123')}`)).toEqual(['Ada Lovelace']);
    expect(await names(`q=${encodeURIComponent('+1 212')}`)).toEqual(['Ada Lovelace', 'Alan Turing']);
    expect(await names(`q=${encodeURIComponent('(646) 555-01')}`)).toEqual(['Grace Hopper']);
    expect(await names('q=7185550199')).toEqual([null]);
  });

  it('combines a search with a status, and lists each lead with its numbers', async () => {
    const all = (await api().call<Page<ListedLead>>('GET', `${path}?q=a`, { key })).body.data;
    const grace = all.find((lead) => lead.name === 'Grace Hopper')!;
    expect(grace.contacts.map((c) => [c.position, c.phone, c.attempts, c.lastResult])).toEqual([
      [0, '+13105550140', 0, null],
      [1, '+16465550177', 0, null],
    ]);
    expect(grace).toMatchObject({ status: 'created', lastResult: null, updatedAt: expect.any(String) });

    const ada = all.find((lead) => lead.name === 'Ada Lovelace')!;
    const patched = await api().call('PATCH', `/v1/leads/${ada.id}`, { key, body: { status: 'completed' } });
    expect(patched.status).toBe(200);
    expect(await names('q=ada&status=completed')).toEqual(['Ada Lovelace']);
    expect(await names('q=ada&status=created')).toEqual(['ada byron']);
    expect(await names('q=212&status=created')).toEqual(['Alan Turing']);
  });

  it('refuses an empty or overlong query, naming the field', async () => {
    const refused = async (query: string) => api().call('GET', `${path}?${query}`, { key });
    expectFieldErrors(await refused('q='), [
      { path: 'q', message: 'must be a text of 1–200 characters, got 0' },
    ]);
    expectFieldErrors(await refused(`q=${'x'.repeat(201)}`), [
      { path: 'q', message: 'must be a text of 1–200 characters, got 201' },
    ]);
    expectFieldErrors(await refused('q=ada&status=done'), [
      { path: 'status', message: expect.stringContaining('"done"') },
    ]);
  });
});
