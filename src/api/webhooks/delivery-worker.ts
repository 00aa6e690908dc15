import type { Clock, TimerHandle } from '../../engine/ports/clock.js';
import type { DueDelivery, WebhookStore } from '../../engine/ports/webhook-store.js';
import { runClaimed } from './claim-pool.js';
import { createHttpSender, type WebhookSender } from './http-sender.js';
import { decideAfterAttempt } from './retry-schedule.js';
import { buildWebhookRequest } from './webhook-message.js';

export interface WebhookDeliveryDeps {
  readonly store: WebhookStore;
  readonly clock: Clock;
  /** Let deliveries reach loopback and private networks (url-guard.ts). */
  readonly allowPrivateTargets: boolean;
  /** Bounds one attempt: resolving, connecting and the receiver's answer. Default 10 s. */
  readonly timeoutMs?: number;
  /**
   * The wall clock the signature's timestamp is read from. Receivers refuse a timestamp far from their own clock
   * (replay protection), so on the test clock deliveries must still be signed with real time. Default: `clock`.
   */
  readonly signatureClock?: () => number;
  /** How requests go out; by default node:http(s) behind the URL guard, with the two options above. */
  readonly sender?: WebhookSender;
}

export interface WebhookDeliveryWorker {
  /** Begins delivering: the first pass runs at once. */
  start(): void;
  /** The outbox may have new events (an API change, an engine event): look now. */
  wake(): void;
  /** Stops taking new deliveries; resolves once the attempts under way are recorded. */
  stop(): Promise<void>;
  /**
   * Runs passes until nothing is due at the clock's current time and every event is fanned out, without a
   * timer: for callers that drive time themselves (tests, one-shot commands). Retries due later stay due.
   */
  drain(): Promise<void>;
}

/** Attempts under way at once: enough to keep up, few enough not to flood receivers after an outage. */
const CONCURRENCY = 8;
/** Outbox events fanned out per transaction. */
const FAN_OUT_BATCH = 500;
/** Deliveries per pass: a long backlog yields between passes so new events are fanned out meanwhile. */
const MAX_DELIVERIES_PER_PASS = 100;
/** A claimed delivery starts at once and its attempt ends within the timeout; this covers recording it. */
const LEASE_MARGIN_MS = 60_000;
/** A failed pass (a busy database, a store outage) is tried again this soon, as the dialer does. */
const RETRY_FAILED_PASS_MS = 1_000;

/**
 * The outbound webhook loop (DESIGN §7): at least once per (subscription, event), from the transactional
 * outbox. A pass fans new outbox events out into deliveries, then claims due deliveries and POSTs each, signed
 * per Standard Webhooks, recording every attempt. Between passes it sleeps until the next delivery is due or it
 * is woken; it never polls. A pass awaits its attempts, so on the virtual clock time waits for the network.
 */
export function createWebhookDelivery(deps: WebhookDeliveryDeps): WebhookDeliveryWorker {
  const { store, clock } = deps;
  const timeoutMs = deps.timeoutMs ?? 10_000;
  const send = deps.sender ?? createHttpSender({ allowPrivateTargets: deps.allowPrivateTargets, timeoutMs });
  const leaseMs = timeoutMs + LEASE_MARGIN_MS;

  /** `idle` until started: `drain` works, no timers. `stopped`: nothing more is claimed. */
  let state: 'idle' | 'started' | 'stopped' = 'idle';
  let timer: { at: number; handle: TimerHandle } | null = null;
  let running: Promise<number | null> | null = null;

  const scheduleAt = (at: number) => {
    if (state !== 'started' || (timer && timer.at <= at)) return;
    timer?.handle.cancel();
    timer = { at, handle: clock.schedule(at, runPass) };
  };

  async function attempt(delivery: DueDelivery): Promise<void> {
    const at = clock.now();
    const result = await send(buildWebhookRequest(delivery, deps.signatureClock?.() ?? at));
    const end = clock.now();
    await store.recordAttempt({
      deliveryId: delivery.deliveryId,
      at,
      responseStatus: result.status,
      error: result.error,
      durationMs: end - at,
      next: decideAfterAttempt(delivery.attempts + 1, result.status, end),
    });
  }

  /** One pass; returns when to look again (null: only when woken). */
  async function pass(): Promise<number | null> {
    if (state === 'stopped') return null;
    const fanned = await store.fanOut(clock.now(), FAN_OUT_BATCH);
    const claimed = await runClaimed({
      concurrency: CONCURRENCY,
      max: MAX_DELIVERIES_PER_PASS,
      claim: (room) => store.claimDueDeliveries(clock.now(), room, leaseMs),
      work: attempt,
      keepClaiming: () => state !== 'stopped',
    });
    if (fanned.events === FAN_OUT_BATCH || claimed === MAX_DELIVERIES_PER_PASS) return clock.now();
    return store.nextDeliveryDueAt();
  }

  /** Passes never overlap: one asked for while another runs starts when it ends. */
  async function runExclusive(): Promise<number | null> {
    while (running) await running.catch(() => null);
    const current = pass();
    running = current;
    try {
      return await current;
    } finally {
      if (running === current) running = null;
    }
  }

  async function runPass(): Promise<void> {
    timer = null;
    let next: number | null;
    try {
      next = await runExclusive();
    } catch (error) {
      scheduleAt(clock.now() + RETRY_FAILED_PASS_MS);
      // The clock reports it: a store that keeps failing must not be silent.
      throw error;
    }
    if (next !== null) scheduleAt(next);
  }

  return {
    start() {
      state = 'started';
      scheduleAt(clock.now());
    },
    wake: () => scheduleAt(clock.now()),
    async stop() {
      state = 'stopped';
      timer?.handle.cancel();
      timer = null;
      await running?.catch(() => null);
    },
    async drain() {
      for (;;) {
        const next = await runExclusive();
        if (next === null || next > clock.now()) return;
      }
    },
  };
}
