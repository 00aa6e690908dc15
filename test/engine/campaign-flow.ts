import { describe, expect, it } from 'vitest';
import { createEngineHarness, type EngineHarness, type OpenHarnessStore } from '../support/engine-harness.js';

const MINUTE = 60_000;

const calls = (h: EngineHarness) => h.store.listCalls(h.campaignId, { after: null, limit: 1000 });
const status = async (h: EngineHarness) => (await h.store.getCampaign(h.campaignId))!;

async function start(h: EngineHarness) {
  expect((await h.commands.start(h.campaignId)).ok).toBe(true);
  h.dialer.start();
}

/** The engine's end-to-end behaviour on one store: run on every store (engine-*.test.ts). */
export function describeCampaignFlow(name: string, openStore: OpenHarnessStore): void {
  describe(`campaign flow on the simulator (${name})`, () => {
    it('pause stops new dials at once, the call in flight finishes, resume carries on (DESIGN §2.2)', async () => {
      const h = await createEngineHarness({ openStore, phones: [['+12125550100'], ['+12125550101']] });
      await start(h);
      await h.clock.runUntil(h.scenario.start + 500);
      expect((await h.commands.pause(h.campaignId)).ok).toBe(true);
      await h.clock.runUntil(h.scenario.start + 10 * MINUTE);
      const whilePaused = await calls(h);
      expect(whilePaused).toHaveLength(1);
      expect(whilePaused[0]).toMatchObject({ status: 'completed', billedSeconds: 90 });

      expect((await h.commands.resume(h.campaignId)).ok).toBe(true);
      await h.clock.runUntil(h.scenario.start + 20 * MINUTE);
      expect(await calls(h)).toHaveLength(2);
      expect((await status(h)).status).toBe('completed');
    });

    it('pauses for money with balance.low when one minute is not affordable, and a top-up + resume carries on', async () => {
      // 0.10/min: 0.25 pays two talks of 90 s (0.15 each) only if the reservation allows; start needs 0.01.
      const h = await createEngineHarness({
        openStore,
        scenario: { account: { balance: '0.25', minimumStartBalance: '0.01' } },
        phones: [['+12125550100'], ['+12125550101'], ['+13125550101']],
      });
      await start(h);
      await h.clock.runUntil(h.scenario.start + 30 * MINUTE);
      const campaign = await status(h);
      expect(campaign).toMatchObject({ status: 'paused', pauseReason: 'insufficient_balance' });
      const events = await h.store.listEvents({ campaignId: h.campaignId, after: 0, limit: 1000 });
      expect(events.filter((e) => e.type === 'balance.low')).toHaveLength(1);
      const account = (await h.store.getAccount(campaign.accountId))!;
      expect(account.balanceMinor).toBeLessThan(10);

      await h.store.creditAccount({
        id: 'led_topup',
        accountId: campaign.accountId,
        amountMinor: 1000,
        note: null,
        now: h.clock.now(),
      });
      expect((await h.commands.resume(h.campaignId)).ok).toBe(true);
      await h.clock.runUntil(h.clock.now() + 30 * MINUTE);
      expect((await status(h)).status).toBe('completed');
    });

    it('reconciles a call that never reports an end after maxCallMinutes + 5 minutes, as a failed "lost" call', async () => {
      const h = await createEngineHarness({
        openStore,
        scenario: { assistant: { maxCallMinutes: 10 }, campaign: { name: 'x', retry: { maxRetries: 1 } } },
        phones: [['+12125550109']],
      });
      await start(h);
      await h.clock.runUntil(h.scenario.start + 30 * MINUTE);
      const [lost] = await calls(h);
      expect(lost).toMatchObject({ status: 'failed', failureReason: 'lost', costMinor: 0 });
      expect(lost!.endedAt! - lost!.placedAt).toBe(15 * MINUTE);
      expect((await status(h)).status).toBe('completed');
    });

    it('applies a settings edit to the very next decision: a narrowed window stops dialing', async () => {
      const h = await createEngineHarness({ openStore, phones: [['+12125550103']] });
      await start(h);
      await h.clock.runUntil(h.scenario.start + MINUTE);
      const edit = await h.commands.updateSettings(h.campaignId, {
        schedule: { startTime: '09:00', endTime: '17:00' },
      });
      expect(edit?.ok).toBe(true);
      await h.clock.runUntil(h.scenario.start + 3 * 60 * MINUTE);
      // The busy lead's second round (17:30) is now outside 09:00–17:00: it waits for Monday.
      expect(await calls(h)).toHaveLength(1);
    });

    it('reports every unmet start requirement at once (DESIGN §2.3)', async () => {
      const h = await createEngineHarness({
        openStore,
        scenario: { account: { balance: '0.00', minimumStartBalance: '1.00' } },
        phones: [],
      });
      const outcome = await h.commands.start(h.campaignId);
      expect(outcome).toMatchObject({ ok: false, code: 'campaign_not_startable' });
      expect(outcome.ok ? [] : 'unmet' in outcome ? outcome.unmet.map((u) => u.code) : []).toEqual([
        'insufficient_balance',
        'no_callable_leads',
      ]);
    });

    it('calls a reset lead again with new attempt keys, never reusing the old ones (DESIGN §2.4, §2.10.1)', async () => {
      const h = await createEngineHarness({
        openStore,
        scenario: { campaign: { name: 'x', retry: { maxRetries: 1, intervalMinutes: 10 } } },
        phones: [['+12125550103']],
      });
      await start(h);
      await h.clock.runUntil(h.scenario.start + MINUTE);
      const [first] = await calls(h);
      expect((await status(h)).status).toBe('completed');

      expect((await h.commands.overrideLead(first!.leadId, 'created')).ok).toBe(true);
      expect((await status(h)).status).toBe('active');
      await h.clock.runUntil(h.clock.now() + MINUTE);
      const all = await calls(h);
      expect(all.map((c) => [c.attempt, c.status])).toEqual([
        [1, 'busy'],
        [1, 'busy'],
      ]);
      expect(all[1]!.idempotencyKey).not.toBe(all[0]!.idempotencyKey);
      expect((await status(h)).status).toBe('completed');
    });

    it('completes on resume when the last calls ended while the campaign was paused', async () => {
      const h = await createEngineHarness({ openStore, phones: [['+12125550100']] });
      await start(h);
      await h.clock.runUntil(h.scenario.start + 500);
      await h.commands.pause(h.campaignId);
      await h.clock.runUntil(h.scenario.start + 10 * MINUTE);
      expect((await status(h)).status).toBe('paused');
      await h.commands.resume(h.campaignId);
      expect((await status(h)).status).toBe('completed');
    });
  });
}
