import { describe, expect, it } from 'vitest';
import type { LeadSearch, Store } from '../../src/engine/ports/store.js';
import {
  CAMPAIGN_ID,
  SECOND,
  T0,
  createWorld,
  leadId,
  newLead,
  primaryPhone,
  secondaryPhone,
  startCampaign,
  useFreshStore,
  type OpenStore,
} from './fixtures.js';

const named = (n: number, name: string, phones?: readonly string[]) => ({ ...newLead(n, phones), name });

/** The ids of every lead a search finds, page by page of `limit`. */
async function searchAll(
  store: Store,
  search: LeadSearch,
  options: { status?: 'completed'; limit?: number } = {},
) {
  const ids: string[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await store.listLeads(CAMPAIGN_ID, {
      status: options.status ?? null,
      after,
      limit: options.limit ?? 2,
      search,
    });
    ids.push(...page.map((lead) => lead.id));
    if (page.length < (options.limit ?? 2)) return ids;
    after = page.at(-1)!.id;
  }
}

/** `listLeads` with a search (the dashboard's search box) and the numbers and last result of each lead. */
export function describeLeadSearch(openStore: OpenStore): void {
  describe('listLeads: search, numbers and last result', () => {
    const d = useFreshStore(openStore);

    it('finds leads by a part of their name, ignoring case, with wildcards taken literally', async () => {
      const { store } = d();
      await createWorld(store);
      await store.addLeads(
        CAMPAIGN_ID,
        [
          named(1, 'Ada Lovelace'),
          named(2, 'Grace Hopper'),
          named(3, 'ADA BYRON'),
          named(4, 'Alan Turing'),
          named(5, 'Katherine Johnson'),
          named(6, '100% sure_thing'),
          named(7, 'Radar Adams'),
        ],
        T0,
      );
      expect(await searchAll(store, { name: 'ada' })).toEqual([1, 3, 7].map(leadId));
      expect(await searchAll(store, { name: 'HOPPER' })).toEqual([leadId(2)]);
      expect(await searchAll(store, { name: '%' })).toEqual([leadId(6)]);
      expect(await searchAll(store, { name: 'e_t' })).toEqual([leadId(6)]);
      expect(await searchAll(store, { name: 'nobody' })).toEqual([]);
    });

    it('finds leads by digits of any of their numbers, combined with a status', async () => {
      const { store } = d();
      await startCampaign(store, [
        newLead(1),
        newLead(2, [primaryPhone(2), secondaryPhone(2)]),
        newLead(3),
        newLead(4, [primaryPhone(4), '+12125550123']),
      ]);
      // +1415555000n primaries, +1646555000n secondaries (fixtures.ts)
      expect(await searchAll(store, { digits: '4155550003' })).toEqual([leadId(3)]);
      expect(await searchAll(store, { digits: '646555' })).toEqual([leadId(2)]);
      expect(await searchAll(store, { digits: '64' })).toEqual([leadId(2)]);
      expect(await searchAll(store, { digits: '5550123' })).toEqual([leadId(4)]);
      expect(await searchAll(store, { digits: '1415' })).toEqual([1, 2, 3, 4].map(leadId));
      expect(await searchAll(store, { digits: '999999' })).toEqual([]);

      await store.overrideLeadStatus(leadId(2), 'completed', T0 + SECOND);
      await store.overrideLeadStatus(leadId(3), 'completed', T0 + SECOND);
      expect(await searchAll(store, { digits: '1415' }, { status: 'completed', limit: 1 })).toEqual(
        [2, 3].map(leadId),
      );
      expect(await searchAll(store, { name: 'lead 3' }, { status: 'completed' })).toEqual([leadId(3)]);
      expect(await searchAll(store, { name: 'lead 1' }, { status: 'completed' })).toEqual([]);
    });

    it('lists each lead with its numbers in order and the result of its latest ended call', async () => {
      const { store } = d();
      await startCampaign(store, [newLead(1, [primaryPhone(1), secondaryPhone(1)])]);
      const first = await d().dial(T0);
      await d().status(first, 'busy', T0 + 3 * SECOND);
      // The round goes on with the secondary number at once.
      const second = await d().dial(T0 + 4 * SECOND);
      await d().status(second, 'ringing', T0 + 4 * SECOND);
      await store.addLeads(CAMPAIGN_ID, [newLead(2)], T0 + 5 * SECOND);

      const [one, two] = await store.listLeads(CAMPAIGN_ID, { status: null, after: null, limit: 10 });
      expect(one!.contacts.map((c) => [c.position, c.phone, c.attempts, c.lastResult])).toEqual([
        [0, primaryPhone(1), 1, 'busy'],
        [1, secondaryPhone(1), 1, null],
      ]);
      expect(one!.lastResult).toBe('busy');
      expect(two).toMatchObject({ id: leadId(2), lastResult: null });
      expect(two!.contacts.map((c) => c.phone)).toEqual([primaryPhone(2)]);

      // Results on both numbers: the latest ended call's number has the last word.
      await d().status(second, 'unanswered', T0 + 34 * SECOND);
      const [again] = await store.listLeads(CAMPAIGN_ID, { status: null, after: null, limit: 1 });
      expect(again!.contacts.map((c) => c.lastResult)).toEqual(['busy', 'unanswered']);
      expect(again!.lastResult).toBe('unanswered');
    });
  });
}
