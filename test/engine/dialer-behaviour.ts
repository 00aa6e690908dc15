import { describe, expect, it } from 'vitest';
import { ProviderError } from '../../src/engine/ports/call-provider.js';
import { createEngineHarness, type EngineHarness, type OpenHarnessStore } from '../support/engine-harness.js';
import { BUSY, createScriptedProvider } from '../support/scripted-provider.js';

const MINUTE = 60_000;

async function callsOf(h: EngineHarness) {
  return h.store.listCalls(h.campaignId, { after: null, limit: 1000 });
}

async function startAndRun(h: EngineHarness, ms: number) {
  const started = await h.commands.start(h.campaignId);
  expect(started.ok).toBe(true);
  h.dialer.start();
  await h.clock.runUntil(h.clock.now() + ms);
}

/** The engine's end-to-end behaviour on one store: run on every store (engine-*.test.ts). */
export function describeDialer(name: string, openStore: OpenHarnessStore): void {
  describe(`the dialer (${name})`, () => {
    it('places the first call at the instant a campaign starts inside its window (DESIGN §2.3)', async () => {
      const h = await createEngineHarness({ openStore });
      const startedAt = h.clock.now();
      await startAndRun(h, 0);
      const [first] = await callsOf(h);
      expect(first?.placedAt).toBe(startedAt);
    });

    it('treats provider back-pressure as no attempt and retries after retry-after (DESIGN §2.9)', async () => {
      const h = await createEngineHarness({
        openStore,
        provider: (clock) =>
          createScriptedProvider(clock, (_request, index) =>
            index === 0
              ? { reject: new ProviderError('rate_limited', 'HTTP 429', { retryAfterMs: 30_000 }) }
              : { steps: BUSY },
          ),
      });
      await startAndRun(h, 35_000);
      const calls = await callsOf(h);
      expect(calls).toHaveLength(1);
      expect(calls[0]).toMatchObject({ attempt: 1, status: 'busy' });
      expect(calls[0]!.placedAt - h.scenario.start).toBe(30_000);
    });

    it('kills a contact the provider refuses as invalid and dials the next one at once', async () => {
      const h = await createEngineHarness({
        openStore,
        phones: [['+12125550150', '+12125550103']],
        provider: (clock) =>
          createScriptedProvider(clock, (request) =>
            request.to === '+12125550150'
              ? { reject: new ProviderError('invalid_number', 'unallocated number') }
              : { steps: BUSY },
          ),
      });
      await startAndRun(h, 5_000);
      const calls = await callsOf(h);
      expect(calls.map((c) => [c.contactPhone, c.status, c.failureReason])).toEqual([
        ['+12125550150', 'failed', 'invalid_number'],
        ['+12125550103', 'busy', null],
      ]);
      const lead = await h.store.getLead(calls[0]!.leadId);
      expect(lead?.contacts.map((c) => c.dead)).toEqual([true, false]);
    });

    it('never re-sends an attempt whose create was ambiguous; it is reconciled as failed after its lease', async () => {
      let scripted!: ReturnType<typeof createScriptedProvider>;
      const h = await createEngineHarness({
        openStore,
        scenario: { campaign: { name: 'x', retry: { maxRetries: 2, intervalMinutes: 10 } } },
        provider: (clock) =>
          (scripted = createScriptedProvider(clock, (_request, index) =>
            index === 0 ? { reject: new ProviderError('ambiguous', 'timeout') } : { steps: BUSY },
          )),
      });
      await startAndRun(h, 20 * MINUTE);
      const calls = await callsOf(h);
      expect(calls.map((c) => [c.attempt, c.status, c.failureReason])).toEqual([
        [1, 'failed', 'unknown_outcome'],
        [2, 'busy', null],
      ]);
      const keys = scripted.placed.map((r) => r.idempotencyKey);
      expect(new Set(keys).size).toBe(keys.length);
    });

    it('after a crash between asking the provider and recording its answer, a new engine reconciles, never redials', async () => {
      let first!: ReturnType<typeof createScriptedProvider>;
      const h = await createEngineHarness({
        openStore,
        scenario: { campaign: { name: 'x', retry: { maxRetries: 2, intervalMinutes: 10 } } },
        provider: (clock) => (first = createScriptedProvider(clock, () => ({ steps: BUSY }))),
      });
      // The process dies right after the provider accepted the call, before its id is written down.
      const record = h.store.markCallsPlaced.bind(h.store);
      h.store.markCallsPlaced = () => Promise.reject(new Error('process killed'));
      await expect(startAndRun(h, 1_000)).rejects.toThrow('process killed');
      h.store.markCallsPlaced = record;
      expect(first.placed).toHaveLength(1);

      const restartAt = h.scenario.start + 2 * MINUTE;
      let second!: ReturnType<typeof createScriptedProvider>;
      const restarted = h.restart(
        (clock) => (second = createScriptedProvider(clock, () => ({ steps: BUSY }))),
        restartAt,
      );
      restarted.dialer.start();
      await restarted.clock.runUntil(restartAt + 20 * MINUTE);

      const calls = await callsOf(restarted);
      expect(calls.map((c) => [c.attempt, c.status, c.failureReason])).toEqual([
        [1, 'failed', 'unknown_outcome'],
        [2, 'busy', null],
      ]);
      expect(second.placed.map((r) => r.idempotencyKey)).not.toContain(first.placed[0]!.idempotencyKey);
    });

    it('keeps dialing after a failed pass: the error is reported and the pass is tried again a second later', async () => {
      const h = await createEngineHarness({ openStore });
      const claim = h.store.claimAttempts.bind(h.store);
      h.store.claimAttempts = () => Promise.reject(new Error('database is locked'));
      await expect(startAndRun(h, 0)).rejects.toThrow('database is locked');
      h.store.claimAttempts = claim;
      await h.clock.runUntil(h.scenario.start + 5_000);
      const [call] = await callsOf(h);
      expect(call?.placedAt).toBe(h.scenario.start + 1_000);
    });
  });
}
