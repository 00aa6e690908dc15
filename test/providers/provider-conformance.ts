import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canAdvanceCallStatus } from '../../src/domain/call-status.js';
import {
  ProviderError,
  type CallProvider,
  type PlaceCallRequest,
  type ProviderCallEvent,
  type ProviderStatusEvent,
  type WebhookRequest,
} from '../../src/engine/ports/call-provider.js';
import type { FakeCreateFailure, FakeOutcome, ProviderFake } from './provider-fake.js';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver.js';

/**
 * The provider conformance suite (DESIGN §6): every real adapter, pointed at its provider's local fake, places
 * calls, turns the fake's signed webhooks into normalised events, refuses forged ones, classifies the API's
 * refusals and answers status queries alike. Run it from `test/providers/<provider>.test.ts`.
 */

export interface ConformanceWorld {
  /** The adapter under test, configured to reach the fake and to give it `webhookUrl` for its webhooks. */
  readonly provider: CallProvider;
  /** The same adapter with another webhook secret: it must refuse every webhook the fake signs. */
  readonly providerWithOtherSecret: CallProvider;
  readonly fake: ProviderFake;
}

export interface ConformanceOptions {
  /** Whether the provider reports the assistant's post-call variables (voice-AI platforms); raw telephony does not. */
  readonly reportsVariables: boolean;
}

/** The goal variable every request's assistant declares. */
export const GOAL = 'booked';

export function placeRequest(to: string, callId: string): PlaceCallRequest {
  return {
    callId,
    idempotencyKey: `${callId}:key`,
    assistant: {
      id: 'asst_conformance',
      providerAssistantId: 'provider-assistant-1',
      maxCallMinutes: 10,
      variables: [{ name: GOAL, type: 'boolean' }],
    },
    from: '+12125550199',
    fromProviderRef: 'provider-number-1',
    to,
    attempt: 1,
    variables: { first_name: 'Ann', plan: 'gold' },
  };
}

/** What a call's events say in the end, folded as the engine folds them: forward only, variables merged. */
function finalState(events: readonly ProviderCallEvent[], providerCallId: string) {
  let status: ProviderStatusEvent | null = null;
  const variables: Record<string, unknown> = {};
  for (const event of events) {
    if (event.providerCallId !== providerCallId) continue;
    if (event.type === 'variables') Object.assign(variables, event.variables);
    else if (status === null || canAdvanceCallStatus(status.status, event.status)) status = event;
  }
  return { status: status?.status, answeredBy: status?.answeredBy, variables };
}

const EXPECTED: Record<FakeOutcome, { status: string; answeredBy?: string; goal?: boolean }> = {
  answered_goal_met: { status: 'completed', answeredBy: 'human', goal: true },
  answered_goal_not_met: { status: 'completed', answeredBy: 'human', goal: false },
  voicemail: { status: 'completed', answeredBy: 'machine' },
  busy: { status: 'busy' },
  no_answer: { status: 'unanswered' },
  failed: { status: 'failed' },
};

const EXPECTED_ERRORS: Record<FakeCreateFailure, string> = {
  rate_limited: 'rate_limited',
  server_error: 'ambiguous',
  timeout: 'ambiguous',
  invalid_number: 'invalid_number',
};

export function describeProviderConformance(
  name: string,
  setUp: (webhookUrl: string) => Promise<ConformanceWorld>,
  options: ConformanceOptions,
): void {
  describe(`${name}: the provider conformance suite`, () => {
    let receiver: WebhookReceiver;
    let world: ConformanceWorld;
    let calls = 0;
    beforeAll(async () => {
      receiver = await startWebhookReceiver();
      world = await setUp(`${receiver.url}/webhooks/${name}`);
    });
    afterAll(async () => {
      await world?.fake.close();
      await receiver?.close();
    });

    /** Places a call to `to` with `outcome` scripted, waits for its last webhook, and answers what was received. */
    async function callThrough(to: string, outcome: FakeOutcome) {
      world.fake.script(to, outcome);
      const from = receiver.received.length;
      const { providerCallId } = await world.provider.placeCall(placeRequest(to, `call_${(calls += 1)}`));
      await world.fake.settled(providerCallId);
      return { providerCallId, webhooks: receiver.received.slice(from) };
    }

    async function eventsOf(provider: CallProvider, webhooks: readonly WebhookRequest[]) {
      const events: ProviderCallEvent[] = [];
      for (const webhook of webhooks) {
        const outcome = await provider.receiveWebhook!(webhook);
        if (!outcome.ok) throw new Error(`webhook refused: ${outcome.reason}: ${outcome.message}`);
        events.push(...outcome.events);
      }
      return events;
    }

    it('receives webhooks (not in-process events), and can be asked for a call’s status', () => {
      expect(world.provider.capabilities).toEqual({ statusQuery: true, inProcessEvents: false });
      expect(typeof world.provider.receiveWebhook).toBe('function');
    });

    it.each(Object.keys(EXPECTED) as FakeOutcome[])('reports a call that ends as %s', async (outcome) => {
      world.fake.deliver('once');
      const { providerCallId, webhooks } = await callThrough(`+1212555${1000 + calls}`, outcome);
      const events = await eventsOf(world.provider, webhooks);
      expect(events.every((e) => e.provider === world.provider.name)).toBe(true);
      const state = finalState(events, providerCallId);
      const expected = EXPECTED[outcome];
      expect(state.status).toBe(expected.status);
      if (expected.answeredBy !== undefined) expect(state.answeredBy).toBe(expected.answeredBy);
      if (options.reportsVariables && expected.goal !== undefined) {
        expect(state.variables[GOAL]).toBe(expected.goal);
      }
      const report = await world.provider.getCallStatus(providerCallId);
      expect(report?.status).toBe(expected.status);
    });

    it('gives a duplicated webhook’s events the same ids, so they apply once', async () => {
      world.fake.deliver('twice');
      const { webhooks } = await callThrough(`+1212555${1000 + calls}`, 'answered_goal_met');
      world.fake.deliver('once');
      const ids = (await eventsOf(world.provider, webhooks)).map((e) => e.eventId);
      expect(ids.length).toBeGreaterThan(0);
      for (const id of new Set(ids)) expect(ids.filter((other) => other === id)).toHaveLength(2);
    });

    it('ends in the same state whatever order the webhooks arrive in', async () => {
      world.fake.deliver('shuffled');
      const { providerCallId, webhooks } = await callThrough(`+1212555${1000 + calls}`, 'voicemail');
      world.fake.deliver('once');
      const state = finalState(await eventsOf(world.provider, webhooks), providerCallId);
      expect(state).toMatchObject({ status: 'completed', answeredBy: 'machine' });
    });

    it('refuses a webhook signed with another secret, tampered with, or not signed, and says why', async () => {
      world.fake.deliver('once');
      const { webhooks } = await callThrough(`+1212555${1000 + calls}`, 'busy');
      const webhook = webhooks.at(-1)!;
      const refused = { ok: false, reason: 'unauthenticated', message: expect.any(String) };
      expect(await world.providerWithOtherSecret.receiveWebhook!(webhook)).toEqual(refused);
      // One bit of the body changed: a status flipped in transit.
      const tampered = Uint8Array.from(webhook.rawBody, (byte, i) => (i === 0 ? byte ^ 1 : byte));
      expect(await world.provider.receiveWebhook!({ ...webhook, rawBody: tampered })).toEqual(refused);
      const unsigned = Object.fromEntries(
        Object.entries(webhook.headers).filter(([header]) => !/signature|secret|authorization/.test(header)),
      );
      expect(await world.provider.receiveWebhook!({ ...webhook, headers: unsigned })).toEqual(refused);
    });

    it.each(Object.keys(EXPECTED_ERRORS) as FakeCreateFailure[])(
      'classifies a create-call refused by %s',
      async (failure) => {
        world.fake.failNextCreate(failure);
        const placing = world.provider.placeCall(placeRequest('+12125550123', `call_${(calls += 1)}`));
        await expect(placing).rejects.toBeInstanceOf(ProviderError);
        await expect(placing).rejects.toMatchObject({ kind: EXPECTED_ERRORS[failure] });
      },
    );

    it('answers null for a call the provider does not know', async () => {
      expect(await world.provider.getCallStatus('unknown-call-id')).toBeNull();
    });
  });
}
