import { describe, expect, it } from 'vitest';
import { createEngineHarness, type EngineHarness, type OpenHarnessStore } from '../support/engine-harness.js';

const MINUTE = 60_000;
/** Simulator numbers (DESIGN §6): 04 rings unanswered, 01 answers without the goal. */
const UNANSWERED = '+12125550104';
const ANSWERS = '+12125550101';

const callsOf = (h: EngineHarness) => h.store.listCalls(h.campaignId, { after: null, limit: 1000 });

async function listNumber(h: EngineHarness, phone: string) {
  const { accountId } = (await h.store.getCampaign(h.campaignId))!;
  await h.store.addToDoNotCallList({
    accountId,
    phones: [phone],
    source: 'api',
    note: null,
    now: h.clock.now(),
  });
}

async function start(h: EngineHarness) {
  expect((await h.commands.start(h.campaignId)).ok).toBe(true);
  h.dialer.start();
}

/** DESIGN §2.4 through the whole engine: a number on the do-not-call list is never dialed. */
export function describeDoNotCallFlow(name: string, openStore: OpenHarnessStore): void {
  describe(`the do-not-call list in a running campaign (${name})`, () => {
    it('never dials a number listed after import: the lead’s next number is called instead', async () => {
      const h = await createEngineHarness({ openStore, phones: [[UNANSWERED, ANSWERS]] });
      await listNumber(h, UNANSWERED);
      await start(h);
      await h.clock.runUntil(h.scenario.start + 30 * MINUTE);

      const calls = await callsOf(h);
      expect(calls.map((c) => [c.contactPhone, c.status])).toEqual([[ANSWERS, 'completed']]);
      const lead = (await h.store.getLead(calls[0]!.leadId))!;
      expect(lead.lead).toMatchObject({ status: 'completed', completionReason: 'answered' });
      expect(lead.contacts.map((c) => [c.phone, c.dead, c.lastResult])).toEqual([
        [UNANSWERED, true, 'do_not_call'],
        [ANSWERS, false, 'completed'],
      ]);
    });

    it('stops dialing a number listed between two rounds: the lead ends max_retries', async () => {
      const h = await createEngineHarness({
        openStore,
        scenario: { campaign: { name: 'x', retry: { maxRetries: 3, intervalMinutes: 10 } } },
        phones: [[UNANSWERED]],
      });
      await start(h);
      await h.clock.runUntil(h.scenario.start + MINUTE);
      expect(await callsOf(h)).toHaveLength(1);

      await listNumber(h, UNANSWERED);
      await h.clock.runUntil(h.scenario.start + 2 * 60 * MINUTE);
      const calls = await callsOf(h);
      expect(calls.map((c) => c.status)).toEqual(['unanswered']);
      expect((await h.store.getLead(calls[0]!.leadId))!.lead.status).toBe('max_retries');
      expect((await h.store.getCampaign(h.campaignId))!.status).toBe('completed');
    });
  });
}
