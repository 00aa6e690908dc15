import { describe, expect, it } from 'vitest';
import type { StartRequirementCode } from '../../src/domain/start-requirements.js';
import {
  CAMPAIGN_ID,
  MINUTE,
  T0,
  contactId,
  createWorld,
  newLeads,
  startCampaign,
  useFreshStore,
  type OpenStore,
  type WorldOptions,
} from './fixtures.js';

/** transitionCampaign: start requirements (DESIGN §2.3) and the lifecycle (DESIGN §2.2). */
export function describeLifecycle(openStore: OpenStore): void {
  describe('transitionCampaign', () => {
    const d = useFreshStore(openStore);

    const start = (providerConfigured: boolean, now = T0) =>
      d().store.transitionCampaign({ campaignId: CAMPAIGN_ID, action: 'start', now, providerConfigured });

    it('refuses to start with every unmet requirement at once, and changes nothing', async () => {
      await createWorld(d().store, {
        assistantHasPhoneNumber: false,
        balanceMinor: 4_99,
        minimumStartBalanceMinor: 5_00,
      });
      const outcome = await start(false);
      expect(outcome.ok).toBe(false);
      if (outcome.ok || outcome.code !== 'campaign_not_startable') throw new Error(JSON.stringify(outcome));
      expect(outcome.unmet.map((u) => u.code).sort()).toEqual([
        'assistant_has_no_phone_number',
        'insufficient_balance',
        'no_callable_leads',
        'provider_not_configured',
      ]);
      for (const unmet of outcome.unmet) expect(unmet.message).not.toBe('');
      expect(await d().campaign()).toMatchObject({ status: 'draft', startedAt: null });
      expect(await d().eventTypes()).toEqual([]);
    });

    const single: [StartRequirementCode, WorldOptions, boolean, number][] = [
      ['assistant_has_no_phone_number', { assistantHasPhoneNumber: false }, true, 1],
      ['provider_not_configured', {}, false, 1],
      ['insufficient_balance', { balanceMinor: 4_99, minimumStartBalanceMinor: 5_00 }, true, 1],
      ['no_callable_leads', {}, true, 0],
    ];
    it.each(single)(
      'refuses a start that misses only %s with exactly that code',
      async (code, world, provider, leads) => {
        await createWorld(d().store, world);
        await d().store.addLeads(CAMPAIGN_ID, newLeads(leads), T0);
        const outcome = await start(provider);
        expect(outcome).toMatchObject({ ok: false, code: 'campaign_not_startable', unmet: [{ code }] });
        if (!outcome.ok && outcome.code === 'campaign_not_startable') expect(outcome.unmet).toHaveLength(1);
      },
    );

    it('starts with a balance exactly at the minimum, scheduling the created leads at now', async () => {
      await createWorld(d().store, { balanceMinor: 5_00, minimumStartBalanceMinor: 5_00 });
      await d().store.addLeads(CAMPAIGN_ID, newLeads(2), T0 - MINUTE);
      const outcome = await start(true, T0);
      expect(outcome).toMatchObject({
        ok: true,
        campaign: { status: 'active', startedAt: T0, endedAt: null },
      });
      expect(await d().campaign()).toMatchObject({ status: 'active', startedAt: T0 });
      for (const n of [1, 2]) {
        expect((await d().lead(n)).lead).toMatchObject({
          status: 'scheduled',
          nextAttemptAt: T0,
          nextContactId: contactId(n, 0),
        });
      }
      expect(await d().eventTypes()).toEqual(['campaign.started']);
      expect(await d().store.listActiveCampaignIds()).toEqual([CAMPAIGN_ID]);
    });

    it('pauses (no dialing) and resumes (schedules kept), writing one event each', async () => {
      const { store } = d();
      await startCampaign(store, newLeads(1));
      const paused = await store.transitionCampaign({
        campaignId: CAMPAIGN_ID,
        action: 'pause',
        now: T0 + 1,
      });
      expect(paused).toMatchObject({ ok: true, campaign: { status: 'paused', pauseReason: 'manual' } });
      expect(await store.listActiveCampaignIds()).toEqual([]);
      expect(await d().claim(T0 + 2)).toEqual({ attempts: [], blocked: 'not_active', nextCheckAt: null });

      const resumed = await store.transitionCampaign({
        campaignId: CAMPAIGN_ID,
        action: 'resume',
        now: T0 + 3,
      });
      expect(resumed).toMatchObject({ ok: true, campaign: { status: 'active', pauseReason: null } });
      expect(await d().eventTypes()).toEqual(['campaign.started', 'campaign.paused', 'campaign.resumed']);
      expect((await d().lead(1)).lead).toMatchObject({ status: 'scheduled', nextAttemptAt: T0 });
      expect((await d().claimOne(T0 + 4)).leadId).toBe('lead_0001');
    });

    it('refuses transitions the lifecycle does not allow, naming the current status', async () => {
      const { store } = d();
      await createWorld(store);
      await store.addLeads(CAMPAIGN_ID, newLeads(1), T0);
      const transition = (action: 'start' | 'pause' | 'resume') =>
        store.transitionCampaign({ campaignId: CAMPAIGN_ID, action, now: T0, providerConfigured: true });
      expect(await transition('resume')).toMatchObject({
        ok: false,
        code: 'campaign_transition_not_allowed',
        status: 'draft',
      });
      expect(await transition('pause')).toMatchObject({ ok: false, status: 'draft' });
      expect((await transition('start')).ok).toBe(true);
      expect(await transition('start')).toMatchObject({
        ok: false,
        code: 'campaign_transition_not_allowed',
        status: 'active',
      });
      expect(await transition('resume')).toMatchObject({ ok: false, status: 'active' });
      expect(await d().eventTypes()).toEqual(['campaign.started']);
    });

    it('answers not_found for an unknown campaign', async () => {
      expect(
        await d().store.transitionCampaign({ campaignId: 'camp_missing', action: 'pause', now: T0 }),
      ).toEqual({ ok: false, code: 'not_found' });
    });
  });
}
