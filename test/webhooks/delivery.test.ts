import { Webhook } from 'standardwebhooks';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWebhookDelivery, type WebhookDeliveryWorker } from '../../src/api/webhooks/delivery-worker.js';
import { createHttpSender } from '../../src/api/webhooks/http-sender.js';
import { createVirtualClock, type VirtualClock } from '../../src/engine/clock/virtual-clock.js';
import type { WebhookStore } from '../../src/engine/ports/webhook-store.js';
import { ACCOUNT_ID, CAMPAIGN_ID, MINUTE, SECOND, T0 } from '../store-conformance/fixtures.js';
import { openWebhookWorld, startReceiver, type Receiver, type WebhookWorld } from './webhook-world.js';

const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Real milliseconds: the receivers are real, only the schedule runs on the virtual clock. */
const TIMEOUT_MS = 2_000;
const ALL = { after: null, limit: 100 };

let world: WebhookWorld;
let clock: VirtualClock;
const cleanups: (() => Promise<void>)[] = [];

beforeEach(async () => {
  world = await openWebhookWorld();
  clock = createVirtualClock(T0 + MINUTE);
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await world.close();
});

async function receiver(respond?: (index: number) => number | 'hang'): Promise<Receiver> {
  const started = await startReceiver(respond);
  cleanups.push(started.close);
  return started;
}

function worker(
  options: { allowPrivateTargets?: boolean; store?: WebhookStore } = {},
): WebhookDeliveryWorker {
  const started = createWebhookDelivery({
    store: options.store ?? world.webhooks,
    clock,
    allowPrivateTargets: options.allowPrivateTargets ?? true,
    timeoutMs: TIMEOUT_MS,
  });
  started.start();
  cleanups.push(() => started.stop());
  return started;
}

/** Writes one outbox event now and wakes the worker, as the API does after a change; runs what is due now. */
async function eventNow(delivery: WebhookDeliveryWorker) {
  const type = await world.writeEvent(clock.now());
  delivery.wake();
  await clock.runUntil(clock.now());
  return type;
}

const attemptsOf = async (endpointId: string) => {
  const [delivery] = await world.webhooks.listDeliveries(endpointId, ALL);
  return delivery?.attempts ?? [];
};

describe('webhook delivery over real HTTP, on the virtual clock', () => {
  it('delivers a subscribed event once, signed per Standard Webhooks, and never polls', async () => {
    const hooks = await receiver();
    const endpoint = await world.subscribe(hooks.url, ['campaign.paused']);
    const delivery = worker();
    const sentAt = clock.now();
    await eventNow(delivery); // campaign.paused: subscribed
    await eventNow(delivery); // campaign.resumed: not subscribed
    await clock.runUntil(clock.now() + 2 * DAY);

    expect(hooks.requests).toHaveLength(1);
    const [request] = hooks.requests;
    const messageId = `msg_2_${endpoint.id}`;
    expect(request).toMatchObject({ method: 'POST', path: '/hooks/callwright' });
    expect(request!.headers).toMatchObject({
      'content-type': 'application/json',
      'user-agent': 'Callwright-Webhooks',
      'webhook-id': messageId,
      'webhook-timestamp': String(Math.floor(sentAt / 1000)),
    });
    // The reference library's signature for the bytes received (its verify() reads the wall clock).
    expect(request!.headers['webhook-signature']).toBe(
      new Webhook(endpoint.secret).sign(messageId, new Date(Math.floor(sentAt / 1000) * 1000), request!.body),
    );
    expect(JSON.parse(request!.body)).toEqual({
      type: 'campaign.paused',
      timestamp: new Date(sentAt).toISOString(),
      data: {
        campaignId: CAMPAIGN_ID,
        accountId: ACCOUNT_ID,
        from: 'active',
        to: 'paused',
        pauseReason: 'manual',
      },
    });
    expect(await attemptsOf(endpoint.id)).toEqual([
      { at: sentAt, responseStatus: 200, error: null, durationMs: 0 },
    ]);
    // Nothing is due and nothing is waited for: the loop sleeps until woken.
    expect(clock.nextTaskAt()).toBeNull();
  });

  it('retries a failing receiver on the schedule with the same webhook-id, then gives up', async () => {
    const hooks = await receiver(() => 500);
    const endpoint = await world.subscribe(hooks.url, ['*']);
    const delivery = worker();
    const first = clock.now();
    await eventNow(delivery);
    await clock.runUntil(first + 3 * DAY);

    const attempts = await attemptsOf(endpoint.id);
    const gaps = attempts.slice(1).map((a, i) => a.at - attempts[i]!.at);
    expect(gaps).toEqual([5 * SECOND, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 5 * HOUR, 10 * HOUR, 10 * HOUR]);
    expect(attempts.every((a) => a.responseStatus === 500)).toBe(true);
    expect(new Set(hooks.requests.map((r) => r.headers['webhook-id']))).toEqual(
      new Set([`msg_2_${endpoint.id}`]),
    );
    expect(hooks.requests.map((r) => Number(r.headers['webhook-timestamp']) * 1000)).toEqual(
      attempts.map((a) => a.at),
    );
    const [settled] = await world.webhooks.listDeliveries(endpoint.id, ALL);
    expect(settled).toMatchObject({ status: 'failed', nextAttemptAt: null });
    expect(clock.nextTaskAt()).toBeNull();
  });

  it('counts a receiver that does not answer in time as failed, and retries it', async () => {
    const hooks = await receiver((index) => (index === 0 ? 'hang' : 204));
    const endpoint = await world.subscribe(hooks.url, ['*']);
    const delivery = worker();
    const first = clock.now();
    await eventNow(delivery);
    expect(await attemptsOf(endpoint.id)).toEqual([
      { at: first, responseStatus: null, error: `no response within ${TIMEOUT_MS} ms`, durationMs: 0 },
    ]);
    await clock.runUntil(first + 5 * SECOND);
    expect((await attemptsOf(endpoint.id)).map((a) => [a.at, a.responseStatus])).toEqual([
      [first, null],
      [first + 5 * SECOND, 204],
    ]);
    expect(hooks.requests).toHaveLength(2);
  });

  it('on 410 Gone disables the endpoint and sends it nothing more', async () => {
    const hooks = await receiver(() => 410);
    const endpoint = await world.subscribe(hooks.url, ['*']);
    const delivery = worker();
    await eventNow(delivery);
    await clock.runUntil(clock.now() + HOUR);
    await eventNow(delivery);
    await clock.runUntil(clock.now() + 2 * DAY);

    expect(hooks.requests).toHaveLength(1);
    expect(await world.webhooks.getEndpoint(endpoint.id)).toMatchObject({
      disabledAt: T0 + MINUTE,
      disabledReason: 'the receiver answered 410 Gone',
    });
    expect((await world.webhooks.listDeliveries(endpoint.id, ALL)).map((d) => d.status)).toEqual(['failed']);
  });

  it('re-sends, with the same webhook-id, what a sender claimed and never recorded once its lease ends', async () => {
    const hooks = await receiver();
    const endpoint = await world.subscribe(hooks.url, ['*']);
    await world.writeEvent(clock.now());
    // A sender that claimed the delivery, then died before recording its attempt.
    await world.webhooks.fanOut(clock.now(), 100);
    const [lost] = await world.webhooks.claimDueDeliveries(clock.now(), 10, 2 * MINUTE);
    const leaseEnd = clock.now() + 2 * MINUTE;

    worker();
    await clock.runUntil(leaseEnd - 1);
    expect(hooks.requests).toHaveLength(0);
    await clock.runUntil(leaseEnd);
    expect(hooks.requests.map((r) => r.headers['webhook-id'])).toEqual([lost!.deliveryId]);
    expect(await attemptsOf(endpoint.id)).toMatchObject([{ at: leaseEnd, responseStatus: 200 }]);
  });

  it('sends nothing more for an endpoint deleted while a retry was pending', async () => {
    const hooks = await receiver(() => 503);
    const endpoint = await world.subscribe(hooks.url, ['*']);
    const delivery = worker();
    await eventNow(delivery);
    expect(hooks.requests).toHaveLength(1);
    expect(await world.webhooks.deleteEndpoint(endpoint.id)).toBe(true);
    await clock.runUntil(clock.now() + 2 * DAY);
    expect(hooks.requests).toHaveLength(1);
    expect(await world.webhooks.listDeliveries(endpoint.id, ALL)).toEqual([]);
  });

  it('refuses a loopback target unless private targets are allowed, saying which address and why', async () => {
    const hooks = await receiver();
    const endpoint = await world.subscribe(hooks.url, ['*']);
    const delivery = worker({ allowPrivateTargets: false });
    await eventNow(delivery);
    expect(hooks.requests).toHaveLength(0);
    expect(await attemptsOf(endpoint.id)).toEqual([
      {
        at: T0 + MINUTE,
        responseStatus: null,
        error:
          `${hooks.url} is refused: 127.0.0.1, a non-public address (loopback); webhooks only go to public ` +
          'addresses unless the operator allows private targets',
        durationMs: 0,
      },
    ]);
  });

  it('connects to the address it checked, keeping the host name in the Host header', async () => {
    const hooks = await receiver();
    const endpoint = await world.subscribe(`http://hooks.callwright.test:${hooks.port}/in`, ['*']);
    const lookups: string[] = [];
    const delivery = createWebhookDelivery({
      store: world.webhooks,
      clock,
      allowPrivateTargets: true,
      sender: createHttpSender({
        allowPrivateTargets: true,
        timeoutMs: TIMEOUT_MS,
        // A name no real resolver knows: the request can only reach the receiver through the checked address.
        resolveHost: (host) => {
          lookups.push(host);
          return Promise.resolve([{ address: '127.0.0.1', family: 4 }]);
        },
      }),
    });
    await world.writeEvent(clock.now());
    await delivery.drain();
    expect(lookups).toEqual(['hooks.callwright.test']);
    expect(hooks.requests.map((r) => [r.headers.host, r.path])).toEqual([
      [`hooks.callwright.test:${hooks.port}`, '/in'],
    ]);
    expect(await attemptsOf(endpoint.id)).toMatchObject([{ responseStatus: 200 }]);
  });

  it('tries a pass that failed on the store again a second later', async () => {
    const hooks = await receiver();
    await world.subscribe(hooks.url, ['*']);
    let failures = 1;
    const flaky: WebhookStore = {
      ...world.webhooks,
      fanOut: (now, limit) =>
        failures-- > 0 ? Promise.reject(new Error('database is locked')) : world.webhooks.fanOut(now, limit),
    };
    const delivery = worker({ store: flaky });
    await world.writeEvent(clock.now());
    delivery.wake();
    // The virtual clock reports what a task threw, as the real clock's onTaskError does.
    await expect(clock.runUntil(clock.now())).rejects.toThrow('database is locked');
    await clock.runUntil(clock.now() + SECOND - 1);
    expect(hooks.requests).toHaveLength(0);
    await clock.runUntil(T0 + MINUTE + SECOND);
    expect(hooks.requests).toHaveLength(1);
  });
});
