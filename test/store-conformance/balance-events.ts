import { describe, expect, it } from 'vitest';
import {
  ACCOUNT_ID,
  CAMPAIGN_ID,
  MINUTE,
  MINUTE_COST,
  SECOND,
  T0,
  newLeads,
  startCampaign,
  useFreshStore,
  type OpenStore,
} from './fixtures.js';

/** `balance.low` (DESIGN §2.8): written with the change that makes the balance low, once per crossing. */
export function describeBalanceEvents(openStore: OpenStore): void {
  describe('balance.low', () => {
    const d = useFreshStore(openStore);
    const balanceLows = async () =>
      (await d().store.listEvents({ campaignId: null, after: 0, limit: 1000 })).filter(
        (e) => e.type === 'balance.low',
      );

    it('is written once when a charge takes the balance below the minimum start balance, again after a top-up', async () => {
      // 5.10 USD against a 5.00 threshold; each 90-second talk costs 0.15.
      await startCampaign(d().store, newLeads(4), { balanceMinor: 5_10, minimumStartBalanceMinor: 5_00 });
      const talk = async (at: number) => d().answer(await d().dial(at), at + 10 * SECOND, 90);

      const crossing = await talk(T0);
      expect(await balanceLows()).toEqual([
        {
          seq: expect.any(Number) as number,
          accountId: ACCOUNT_ID,
          campaignId: null,
          type: 'balance.low',
          payload: {
            accountId: ACCOUNT_ID,
            campaignId: null,
            balanceMinor: 4_95,
            currency: 'USD',
            thresholdMinor: 5_00,
          },
          createdAt: crossing,
        },
      ]);
      // Already below: the next charge says nothing more.
      await talk(crossing);
      expect(await balanceLows()).toHaveLength(1);

      await d().store.creditAccount({
        id: 'led_top',
        accountId: ACCOUNT_ID,
        amountMinor: 30,
        note: null,
        now: crossing + MINUTE,
      });
      const again = await talk(crossing + MINUTE);
      expect((await balanceLows()).map((e) => [e.createdAt, e.payload.balanceMinor])).toEqual([
        [crossing, 4_95],
        [again, 4_95],
      ]);
    });

    it('is written with the campaign when the balance pauses it, against one minute’s cost', async () => {
      await startCampaign(d().store, newLeads(1), {
        balanceMinor: MINUTE_COST - 1,
        minimumStartBalanceMinor: 0,
      });
      await d().claim(T0);
      const events = await d().store.listEvents({ campaignId: CAMPAIGN_ID, after: 0, limit: 100 });
      expect(events.slice(-2).map((e) => [e.type, e.createdAt])).toEqual([
        ['campaign.paused', T0],
        ['balance.low', T0],
      ]);
      expect(events.at(-1)).toMatchObject({
        accountId: ACCOUNT_ID,
        campaignId: CAMPAIGN_ID,
        payload: {
          accountId: ACCOUNT_ID,
          campaignId: CAMPAIGN_ID,
          balanceMinor: MINUTE_COST - 1,
          currency: 'USD',
          thresholdMinor: MINUTE_COST,
        },
      });
      expect(await balanceLows()).toHaveLength(1);
    });
  });
}
