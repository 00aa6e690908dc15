import { hashString, createSeededRandom } from '../../domain/seeded-random.js';
import { isTerminalCallStatus } from '../../domain/call-status.js';
import { ProviderError } from '../../engine/ports/call-provider.js';
import type {
  CallProvider,
  PlaceCallRequest,
  PlacedCall,
  ProviderCallEvent,
  ProviderCallReport,
  ProviderEventListener,
} from '../../engine/ports/call-provider.js';
import type { Clock } from '../../engine/ports/clock.js';
import { SIMULATOR_PROVIDER_NAME, buildCallEvents, reportAt } from './call-events.js';
import { magicOutcome } from './magic-numbers.js';
import { drawOutcome, resolveOutcomeRates } from './random-outcome.js';
import type { SimulatorOutcomeRates } from './random-outcome.js';

export { DEFAULT_SIMULATOR_OUTCOMES } from './random-outcome.js';
export type { SimulatorOutcomeRates } from './random-outcome.js';
export { MAGIC_NUMBER_PATTERN } from './magic-numbers.js';

export interface SimulatorOptions {
  /** The engine's clock: every call event is scheduled on it. */
  readonly clock: Clock;
  /** Same seed, same outcome for the same attempt (idempotency key), whatever order calls are placed in. */
  readonly seed: number;
  /** Overrides of `DEFAULT_SIMULATOR_OUTCOMES` for numbers that are not magic. */
  readonly outcomes?: Partial<SimulatorOutcomeRates>;
}

/** How long (clock time) after its end `getCallStatus` still answers for an ended call. */
export const ENDED_CALL_RETENTION_MS = 24 * 60 * 60 * 1000;
/** At most this many ended calls are remembered; the oldest are forgotten first. */
export const MAX_ENDED_CALLS = 100_000;
/** At most this many lost (never-ending) calls are remembered; the oldest are forgotten first. */
export const MAX_LOST_CALLS = 100_000;

const E164_PATTERN = /^\+[1-9]\d{6,14}$/;
const SECONDS_PER_MINUTE = 60;

/**
 * The simulator provider (DESIGN §6): deterministic for a given seed, its call events scheduled on the engine's
 * clock, so on a virtual clock it replays weeks of calling in seconds.
 *
 * - `placeCall` decides the whole call at once (a magic number's fixed outcome, or one drawn from a generator
 *   seeded by `seed:idempotencyKey`), builds its events and schedules only the first one. Each event, when it
 *   fires, schedules the next: one pending timer and one closure per call, not per event.
 * - Placing the same call id again answers the same provider call id and schedules nothing (idempotent).
 * - Events go to the listener given to `subscribe` (the latest one; a restarted engine replaces the old one).
 *   An event firing before anyone subscribed is an error: the scheduled task rejects.
 *
 * Memory stays bounded on long simulations: a call's events are held only while it is in flight. When its last
 * event fires, only its final report is kept, for `ENDED_CALL_RETENTION_MS` of clock time and at most
 * `MAX_ENDED_CALLS` calls; after that `getCallStatus` answers `null`, as it does for calls it never placed
 * (e.g. after a process restart). Lost calls (magic 09) stay `in_progress` forever, up to `MAX_LOST_CALLS`.
 */
export function createSimulatorProvider(options: SimulatorOptions): CallProvider {
  const { clock, seed } = options;
  if (!Number.isFinite(seed)) throw new RangeError(`simulator seed must be a finite number; got ${seed}`);
  const rates = resolveOutcomeRates(options.outcomes);

  let listener: ProviderEventListener | undefined;
  /** Calls with events still to fire: their whole event list, in time order. */
  const inFlight = new Map<string, readonly ProviderCallEvent[]>();
  /** Final reports of ended calls, in the order they ended (Map iteration order = insertion order). */
  const ended = new Map<string, ProviderCallReport>();
  /** Reports of calls that will never end. */
  const lost = new Map<string, ProviderCallReport>();

  const deliver = (event: ProviderCallEvent): Promise<void> => {
    if (listener === undefined) {
      return Promise.reject(
        new Error(`simulator event ${event.eventId} fired before any listener subscribed to the simulator`),
      );
    }
    return listener(event);
  };

  const forgetOldEndedCalls = () => {
    const horizon = clock.now() - ENDED_CALL_RETENTION_MS;
    for (const [providerCallId, report] of ended) {
      if (ended.size <= MAX_ENDED_CALLS && (report.endedAt ?? horizon) > horizon) return;
      ended.delete(providerCallId);
    }
  };

  const settle = (providerCallId: string, events: readonly ProviderCallEvent[]) => {
    inFlight.delete(providerCallId);
    const report = reportAt(events, Number.POSITIVE_INFINITY);
    if (isTerminalCallStatus(report.status)) {
      ended.set(providerCallId, report);
      forgetOldEndedCalls();
    } else {
      lost.set(providerCallId, report);
      if (lost.size > MAX_LOST_CALLS) {
        const oldest = lost.keys().next();
        if (oldest.done !== true) lost.delete(oldest.value);
      }
    }
  };

  const start = (providerCallId: string, events: readonly ProviderCallEvent[]) => {
    inFlight.set(providerCallId, events);
    let next = 0;
    const fire = (): Promise<void> => {
      const event = events[next++]!;
      const following = events[next];
      if (following === undefined) settle(providerCallId, events);
      else clock.schedule(following.at, fire);
      return deliver(event);
    };
    clock.schedule(events[0]!.at, fire);
  };

  const outcomeOf = (request: PlaceCallRequest) => {
    const magic = magicOutcome(request.to, request.attempt);
    if (magic !== null) return magic;
    const random = createSeededRandom(hashString(`${seed}:${request.idempotencyKey}`));
    const maxCallMinutes = request.assistant.maxCallMinutes;
    const maxCallSeconds =
      Number.isFinite(maxCallMinutes) && maxCallMinutes > 0
        ? Math.floor(maxCallMinutes * SECONDS_PER_MINUTE)
        : Number.POSITIVE_INFINITY;
    return drawOutcome(rates, random, maxCallSeconds);
  };

  return {
    name: SIMULATOR_PROVIDER_NAME,
    capabilities: { statusQuery: true, inProcessEvents: true },

    placeCall(request: PlaceCallRequest): Promise<PlacedCall> {
      if (!E164_PATTERN.test(request.to)) {
        return Promise.reject(
          new ProviderError(
            'invalid_number',
            `simulator cannot call ${JSON.stringify(request.to)}: not E.164`,
            {
              code: 'simulator_invalid_number',
            },
          ),
        );
      }
      const providerCallId = `sim_${request.callId}`;
      if (!inFlight.has(providerCallId) && !ended.has(providerCallId) && !lost.has(providerCallId)) {
        const events = buildCallEvents(
          providerCallId,
          clock.now(),
          outcomeOf(request),
          request.assistant.variables,
        );
        start(providerCallId, events);
      }
      return Promise.resolve({ providerCallId });
    },

    getCallStatus(providerCallId: string): Promise<ProviderCallReport | null> {
      const events = inFlight.get(providerCallId);
      if (events !== undefined) return Promise.resolve(reportAt(events, clock.now()));
      return Promise.resolve(ended.get(providerCallId) ?? lost.get(providerCallId) ?? null);
    },

    subscribe(next: ProviderEventListener): void {
      listener = next;
    },
  };
}
