import type { TimerHandle } from '../ports/clock.js';
import type { ProviderCallEvent } from '../ports/call-provider.js';
import type { ApplyEventOutcome, PlacedAttempt } from '../ports/store.js';
import { DEFAULT_DIALER_OPTIONS, type DialerDeps } from './dialer-deps.js';
import { createAttemptPlacer } from './place-attempt.js';
import { createReconciler } from './reconcile.js';

export interface Dialer {
  /** Begins dialing: the first pass runs at once. */
  start(): void;
  /** Stops claiming new work; resolves when the pass in progress has finished. Calls in flight stay safe. */
  stop(): Promise<void>;
  /** Something changed (a start, a resume, new leads, a settings edit): look again now. */
  wake(): void;
  /** Applies one provider event (from a webhook or an in-process provider). */
  handleProviderEvent(event: ProviderCallEvent): Promise<ApplyEventOutcome>;
  /**
   * The calls this dialer is working on right now: attempts it is placing (until their placement is recorded)
   * and calls it is reconciling. Its heartbeat keeps their leases; a lease it no longer works on (an ambiguous
   * placement) is left to run out, so the attempt is reconciled.
   */
  activeCallIds(): readonly string[];
}

/**
 * The dialer loop (DESIGN §4). One pass: reconcile overdue calls, then for each active campaign claim what
 * capacity allows and ask the providers. Between passes it sleeps until the earliest moment something can
 * change by itself (a lead coming due, a window opening, a pacing token, a call deadline) or until woken by
 * an event; it never polls on a fixed period.
 */
export function createDialer(deps: DialerDeps): Dialer {
  const { store, clock, workerId } = deps;
  const options = { ...DEFAULT_DIALER_OPTIONS, ...deps.options };
  const placeAttempt = createAttemptPlacer(deps);
  const reconcile = createReconciler(deps);

  let timer: { at: number; handle: TimerHandle } | null = null;
  let running: Promise<void> | null = null;
  let rerun = false;
  let stopped = true;
  /**
   * The earliest call deadline as of the end of the last pass. Every deadline is set in the future by a pass
   * (claims, placements) or by an event that wakes the dialer, and every pass ends by reading it again, so
   * before this instant there is nothing overdue to look for.
   */
  let nextDeadline = Number.NEGATIVE_INFINITY;
  /** See `Dialer.activeCallIds`. */
  const active = new Set<string>();

  const scheduleAt = (at: number) => {
    if (stopped || (timer && timer.at <= at)) return;
    timer?.handle.cancel();
    timer = { at, handle: clock.schedule(at, runPass) };
  };

  async function pass(): Promise<number | null> {
    const now = clock.now();
    const overdue =
      now < nextDeadline
        ? []
        : await store.claimOverdueCalls(now, options.overdueBatch, workerId, options.dialLeaseMs);
    for (const call of overdue) {
      active.add(call.call.id);
      try {
        await reconcile(call);
      } finally {
        active.delete(call.call.id);
      }
    }

    let next: number | null = overdue.length === options.overdueBatch ? now : null;
    const earliest = (at: number | null) => {
      if (at !== null && (next === null || at < next)) next = at;
    };
    for (const campaignId of await store.listActiveCampaignIds()) {
      const claim = await store.claimAttempts({
        campaignId,
        now,
        workerId,
        leaseMs: options.dialLeaseMs,
        maxClaims: options.maxClaims,
        newCallId: () => deps.ids.next('call'),
      });
      const placed: PlacedAttempt[] = [];
      const placing = claim.attempts.map((attempt) => attempt.request.callId);
      for (const id of placing) active.add(id);
      try {
        for (const outcome of await Promise.all(claim.attempts.map(placeAttempt))) {
          if (outcome === null) continue;
          if ('retryAt' in outcome) earliest(outcome.retryAt);
          else placed.push(outcome);
        }
        // Not caught: a store failure here is not the provider's answer and must not be taken for one.
        if (placed.length > 0) await store.markCallsPlaced(placed);
      } finally {
        for (const id of placing) active.delete(id);
      }
      earliest(claim.nextCheckAt);
    }
    const deadline = await store.nextCallDeadline();
    nextDeadline = deadline ?? Number.POSITIVE_INFINITY;
    earliest(deadline);
    return next;
  }

  async function runPass(): Promise<void> {
    timer = null;
    if (running) {
      rerun = true;
      return;
    }
    let next: number | null = null;
    running = pass().then((at) => {
      next = at;
    });
    try {
      await running;
    } catch (error) {
      // A failed pass (a busy database, a store outage) must not stop dialing for good: try again shortly, and
      // let the clock report the error.
      scheduleAt(clock.now() + options.retryFailedPassMs);
      throw error;
    } finally {
      running = null;
    }
    if (rerun) {
      rerun = false;
      scheduleAt(clock.now());
    } else if (next !== null) {
      scheduleAt(next);
    }
  }

  const wake = () => scheduleAt(clock.now());

  const handleProviderEvent = async (event: ProviderCallEvent): Promise<ApplyEventOutcome> => {
    const outcome = await store.applyCallEvent(event, clock.now());
    if (outcome.applied && outcome.wakeDialer) wake();
    return outcome;
  };

  // Events from in-process providers are queued and applied together, once per instant of the clock: a
  // simulated campaign produces several events per instant, and one commit for all is what keeps it fast. One
  // batch at a time: events that come while one is being applied wait for the next, so a call's events are applied
  // in order and two batches of one process never wait on each other's rows (on a real clock they would overlap).
  let queuedEvents: ProviderCallEvent[] = [];
  let applying = false;
  const applyQueuedEvents = async () => {
    if (applying) return;
    applying = true;
    try {
      while (queuedEvents.length > 0) {
        const batch = queuedEvents;
        queuedEvents = [];
        const outcomes = await store.applyCallEvents(batch, clock.now());
        if (outcomes.some((outcome) => outcome.applied && outcome.wakeDialer)) wake();
      }
    } finally {
      applying = false;
      // After a failure, events that came meanwhile still get their batch.
      if (queuedEvents.length > 0) clock.schedule(clock.now(), applyQueuedEvents);
    }
  };
  for (const provider of deps.providers.values()) {
    provider.subscribe?.((event) => {
      if (queuedEvents.push(event) === 1 && !applying) clock.schedule(clock.now(), applyQueuedEvents);
      return Promise.resolve();
    });
  }

  return {
    start() {
      stopped = false;
      wake();
    },
    async stop() {
      stopped = true;
      timer?.handle.cancel();
      timer = null;
      await running;
    },
    wake,
    handleProviderEvent,
    activeCallIds: () => [...active],
  };
}
