import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeliveryAttempt } from '../../src/engine/ports/webhook-store.js';
import { CAMPAIGN_ID, SECOND, T0 } from '../store-conformance/fixtures.js';
import { openWebhookWorld, type OpenWebhookStores, type WebhookWorld } from './webhook-world.js';

const URL_A = 'https://hooks.example.com/a';
const LEASE_MS = 70 * SECOND;
const ALL = { after: null, limit: 100 };

/** An attempt at `at` answered with `status`, and what follows it. */
const attempt = (deliveryId: string, at: number, status: number | null, next: DeliveryAttempt['next']) => ({
  deliveryId,
  at,
  responseStatus: status,
  error: status === null ? 'connect ECONNREFUSED 203.0.113.9:443' : null,
  durationMs: 12,
  next,
});

/** The WebhookStore port's conformance suite, run on every store (sqlite- and postgres-webhook-store.test.ts). */
export function describeWebhookStoreConformance(name: string, open: OpenWebhookStores): void {
  let world: WebhookWorld;
  beforeEach(async () => {
    world = await openWebhookWorld(open);
  });
  afterEach(() => world.close());

  describe(`${name} webhook store: fan-out`, () => {
    it('offers an endpoint only the event types it subscribes to, written after it was created, once', async () => {
      const { webhooks } = world;
      const paused = await world.subscribe(URL_A, ['campaign.paused']);
      const everything = await world.subscribe('https://hooks.example.com/all', ['*']);
      await world.createOtherAccount('acc_0002');
      const stranger = await world.subscribe('https://other.example.com/', ['*'], { accountId: 'acc_0002' });

      await world.writeEvent(T0 + SECOND);
      await world.writeEvent(T0 + 2 * SECOND);
      expect(await webhooks.fanOut(T0 + 3 * SECOND, 100)).toEqual({ events: 2, deliveries: 3 });
      expect(await webhooks.fanOut(T0 + 4 * SECOND, 100)).toEqual({ events: 0, deliveries: 0 });

      const types = async (endpointId: string) =>
        (await webhooks.listDeliveries(endpointId, ALL)).map((d) => d.eventType);
      // campaign.started (T0) was written before any endpoint existed.
      expect(await types(paused.id)).toEqual(['campaign.paused']);
      expect(await types(everything.id)).toEqual(['campaign.paused', 'campaign.resumed']);
      expect(await types(stranger.id)).toEqual([]);
      const [delivery] = await webhooks.listDeliveries(paused.id, ALL);
      expect(delivery).toEqual({
        id: `msg_2_${paused.id}`,
        endpointId: paused.id,
        eventSeq: 2,
        eventType: 'campaign.paused',
        status: 'pending',
        createdAt: T0 + 3 * SECOND,
        nextAttemptAt: T0 + 3 * SECOND,
        attempts: [],
      });
    });

    it('reads at most `limit` events a call and says so, so the caller knows to call again', async () => {
      await world.subscribe(URL_A, ['*']);
      for (let i = 1; i <= 5; i += 1) await world.writeEvent(T0 + i * SECOND);
      const now = T0 + 10 * SECOND;
      expect(await world.webhooks.fanOut(now, 2)).toEqual({ events: 2, deliveries: 2 });
      expect(await world.webhooks.fanOut(now, 2)).toEqual({ events: 2, deliveries: 2 });
      expect(await world.webhooks.fanOut(now, 2)).toEqual({ events: 1, deliveries: 1 });
      expect(await world.webhooks.fanOut(now, 2)).toEqual({ events: 0, deliveries: 0 });
    });

    it('gives a later endpoint only what comes after it, while an older one catches up', async () => {
      const early = await world.subscribe(URL_A, ['*']);
      await world.writeEvent(T0 + SECOND);
      const late = await world.subscribe('https://hooks.example.com/late', ['*'], { now: T0 + 2 * SECOND });
      await world.writeEvent(T0 + 3 * SECOND);
      expect(await world.webhooks.fanOut(T0 + 4 * SECOND, 100)).toEqual({ events: 2, deliveries: 3 });
      expect((await world.webhooks.listDeliveries(early.id, ALL)).map((d) => d.eventSeq)).toEqual([2, 3]);
      expect((await world.webhooks.listDeliveries(late.id, ALL)).map((d) => d.eventSeq)).toEqual([3]);
    });
  });

  describe(`${name} webhook store: claims and attempts`, () => {
    async function oneDelivery() {
      const endpoint = await world.subscribe(URL_A, ['*']);
      await world.writeEvent(T0 + SECOND);
      await world.webhooks.fanOut(T0 + SECOND, 100);
      return endpoint;
    }

    it('claims a due delivery with its endpoint and event, and leases it', async () => {
      const endpoint = await oneDelivery();
      const now = T0 + 2 * SECOND;
      const [claimed, ...rest] = await world.webhooks.claimDueDeliveries(now, 10, LEASE_MS);
      expect(rest).toEqual([]);
      expect(claimed).toEqual({
        deliveryId: `msg_2_${endpoint.id}`,
        endpoint,
        event: {
          seq: 2,
          accountId: endpoint.accountId,
          campaignId: CAMPAIGN_ID,
          type: 'campaign.paused',
          payload: { campaignId: CAMPAIGN_ID, from: 'active', to: 'paused', pauseReason: 'manual' },
          createdAt: T0 + SECOND,
        },
        attempts: 0,
        firstAttemptAt: null,
      });
      // Leased: not due again until the lease ends, and that is when the loop must wake to retry it.
      expect(await world.webhooks.claimDueDeliveries(now + LEASE_MS - 1, 10, LEASE_MS)).toEqual([]);
      expect(await world.webhooks.nextDeliveryDueAt()).toBe(now + LEASE_MS);
      const [again] = await world.webhooks.claimDueDeliveries(now + LEASE_MS, 10, LEASE_MS);
      expect(again?.deliveryId).toBe(claimed?.deliveryId);
    });

    it('takes due deliveries oldest first, at most `limit`', async () => {
      await world.subscribe(URL_A, ['*']);
      for (let i = 1; i <= 3; i += 1) {
        await world.writeEvent(T0 + i * SECOND);
        await world.webhooks.fanOut(T0 + i * SECOND, 100);
      }
      const first = await world.webhooks.claimDueDeliveries(T0 + 2 * SECOND, 10, LEASE_MS);
      expect(first.map((d) => d.event.seq)).toEqual([2, 3]);
      const next = await world.webhooks.claimDueDeliveries(T0 + 5 * SECOND, 1, LEASE_MS);
      expect(next.map((d) => d.event.seq)).toEqual([4]);
    });

    it('records a retry, then a success; a late attempt is logged but changes nothing', async () => {
      const endpoint = await oneDelivery();
      const id = `msg_2_${endpoint.id}`;
      const t = T0 + 2 * SECOND;
      await world.webhooks.claimDueDeliveries(t, 10, LEASE_MS);
      await world.webhooks.recordAttempt(attempt(id, t, 503, { kind: 'retry', at: t + 5 * SECOND }));
      expect(await world.webhooks.nextDeliveryDueAt()).toBe(t + 5 * SECOND);
      const [retried] = await world.webhooks.claimDueDeliveries(t + 5 * SECOND, 10, LEASE_MS);
      expect(retried).toMatchObject({ attempts: 1, firstAttemptAt: t });
      await world.webhooks.recordAttempt(attempt(id, t + 5 * SECOND, 200, { kind: 'delivered' }));
      await world.webhooks.recordAttempt(
        attempt(id, t + 6 * SECOND, 500, { kind: 'retry', at: t + 9 * SECOND }),
      );

      const [delivery] = await world.webhooks.listDeliveries(endpoint.id, ALL);
      expect(delivery).toMatchObject({ status: 'delivered', nextAttemptAt: null });
      expect(delivery?.attempts).toEqual([
        { at: t, responseStatus: 503, error: null, durationMs: 12 },
        { at: t + 5 * SECOND, responseStatus: 200, error: null, durationMs: 12 },
        { at: t + 6 * SECOND, responseStatus: 500, error: null, durationMs: 12 },
      ]);
      expect(await world.webhooks.nextDeliveryDueAt()).toBeNull();
    });

    it('records a final failure', async () => {
      const endpoint = await oneDelivery();
      const id = `msg_2_${endpoint.id}`;
      await world.webhooks.recordAttempt(attempt(id, T0 + 2 * SECOND, null, { kind: 'failed' }));
      const [delivery] = await world.webhooks.listDeliveries(endpoint.id, ALL);
      expect(delivery).toMatchObject({ status: 'failed', nextAttemptAt: null });
      expect(delivery?.attempts[0]?.error).toBe('connect ECONNREFUSED 203.0.113.9:443');
      expect(await world.webhooks.claimDueDeliveries(T0 + 100 * SECOND, 10, LEASE_MS)).toEqual([]);
    });

    it('on 410 Gone disables the endpoint, fails what it had pending and offers it nothing more', async () => {
      const gone = await world.subscribe(URL_A, ['*']);
      const other = await world.subscribe('https://hooks.example.com/b', ['*']);
      await world.writeEvent(T0 + SECOND);
      await world.writeEvent(T0 + 2 * SECOND);
      await world.webhooks.fanOut(T0 + 2 * SECOND, 100);
      const at = T0 + 3 * SECOND;
      await world.webhooks.recordAttempt(attempt(`msg_2_${gone.id}`, at, 410, { kind: 'endpoint_gone' }));

      expect(await world.webhooks.getEndpoint(gone.id)).toEqual({
        ...gone,
        disabledAt: at,
        disabledReason: 'the receiver answered 410 Gone',
      });
      const statuses = async (endpointId: string) =>
        (await world.webhooks.listDeliveries(endpointId, ALL)).map((d) => d.status);
      expect(await statuses(gone.id)).toEqual(['failed', 'failed']);
      expect(await statuses(other.id)).toEqual(['pending', 'pending']);

      await world.writeEvent(T0 + 4 * SECOND);
      expect(await world.webhooks.fanOut(T0 + 4 * SECOND, 100)).toEqual({ events: 1, deliveries: 1 });
      expect(await statuses(gone.id)).toHaveLength(2);
    });

    it('deletes an endpoint with its deliveries; an attempt finishing afterwards is dropped', async () => {
      const endpoint = await oneDelivery();
      const id = `msg_2_${endpoint.id}`;
      await world.webhooks.recordAttempt(
        attempt(id, T0 + 2 * SECOND, 500, { kind: 'retry', at: T0 + 7 * SECOND }),
      );
      await world.webhooks.claimDueDeliveries(T0 + 7 * SECOND, 10, LEASE_MS);

      expect(await world.webhooks.deleteEndpoint(endpoint.id)).toBe(true);
      await world.webhooks.recordAttempt(attempt(id, T0 + 7 * SECOND, 200, { kind: 'delivered' }));
      expect(await world.webhooks.getEndpoint(endpoint.id)).toBeNull();
      expect(await world.webhooks.listDeliveries(endpoint.id, ALL)).toEqual([]);
      expect(await world.webhooks.nextDeliveryDueAt()).toBeNull();
      expect(await world.webhooks.deleteEndpoint(endpoint.id)).toBe(false);
    });
  });

  describe(`${name} webhook store: lists`, () => {
    it('pages an account’s endpoints by id', async () => {
      const a = await world.subscribe(URL_A, ['*']);
      const b = await world.subscribe('https://hooks.example.com/b', ['call.ended']);
      const c = await world.subscribe('https://hooks.example.com/c', ['*']);
      expect(await world.webhooks.listEndpoints(a.accountId, { after: null, limit: 2 })).toEqual([a, b]);
      expect(await world.webhooks.listEndpoints(a.accountId, { after: b.id, limit: 2 })).toEqual([c]);
      expect(await world.webhooks.listEndpoints('acc_none', ALL)).toEqual([]);
    });

    it('pages an endpoint’s deliveries in event order, after a delivery id', async () => {
      const endpoint = await world.subscribe(URL_A, ['*']);
      for (let i = 1; i <= 3; i += 1) await world.writeEvent(T0 + i * SECOND);
      await world.webhooks.fanOut(T0 + 4 * SECOND, 100);
      const first = await world.webhooks.listDeliveries(endpoint.id, { after: null, limit: 2 });
      expect(first.map((d) => d.eventSeq)).toEqual([2, 3]);
      const rest = await world.webhooks.listDeliveries(endpoint.id, { after: first[1]!.id, limit: 2 });
      expect(rest.map((d) => d.eventSeq)).toEqual([4]);
    });
  });
}
