import type { SeededRandom } from '../../domain/seeded-random.js';
import { BUSY_OUTCOME, CARRIER_ERROR_OUTCOME } from './simulated-outcome.js';
import type { SimulatedOutcome } from './simulated-outcome.js';

/**
 * How calls to numbers that are not magic turn out. `human + voicemail + busy + failed` must be at most 1; the
 * rest is `unanswered`. Ranges are whole seconds, both ends inclusive.
 */
export interface SimulatorOutcomeRates {
  readonly human: number;
  readonly voicemail: number;
  readonly busy: number;
  /** A transient carrier error. */
  readonly failed: number;
  /** Probability that a human-answered call reports its boolean variables (the goal) `true`. */
  readonly goal: number;
  /** Ringing before a human or a machine answers; an unanswered call rings for the upper bound. */
  readonly ringSeconds: readonly [number, number];
  /** Length of a human-answered conversation. */
  readonly talkSeconds: readonly [number, number];
  /** Length of a machine-answered (voicemail) call. */
  readonly voicemailSeconds: readonly [number, number];
}

export const DEFAULT_SIMULATOR_OUTCOMES: SimulatorOutcomeRates = Object.freeze({
  human: 0.35,
  voicemail: 0.2,
  busy: 0.1,
  failed: 0.05,
  goal: 0.3,
  ringSeconds: Object.freeze([5, 30] as const),
  talkSeconds: Object.freeze([30, 300] as const),
  voicemailSeconds: Object.freeze([15, 45] as const),
});

/** Rounding slack for rates such as 0.7 + 0.2 + 0.1 that sum to 1.0000000000000002. */
const SUM_TOLERANCE = 1e-9;

/** The defaults overridden by `overrides`, validated; throws a `RangeError` naming the bad field. */
export function resolveOutcomeRates(overrides: Partial<SimulatorOutcomeRates> = {}): SimulatorOutcomeRates {
  const rates: SimulatorOutcomeRates = { ...DEFAULT_SIMULATOR_OUTCOMES, ...overrides };
  for (const field of ['human', 'voicemail', 'busy', 'failed', 'goal'] as const) {
    const value = rates[field];
    if (!Number.isFinite(value) || value < 0 || value > 1) {
      throw new RangeError(`simulator outcomes.${field} must be a probability in [0, 1]; got ${value}`);
    }
  }
  const sum = rates.human + rates.voicemail + rates.busy + rates.failed;
  if (sum > 1 + SUM_TOLERANCE) {
    throw new RangeError(
      `simulator outcomes human + voicemail + busy + failed must be at most 1; got ${sum}`,
    );
  }
  for (const field of ['ringSeconds', 'talkSeconds', 'voicemailSeconds'] as const) {
    const [min, max] = rates[field];
    if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || min < 0 || min > max) {
      throw new RangeError(
        `simulator outcomes.${field} must be whole seconds [min, max] with 0 <= min <= max; got [${min}, ${max}]`,
      );
    }
  }
  return rates;
}

/**
 * Draws one outcome: first which one (one draw against the cumulative rates), then only the timings that outcome
 * needs, in a fixed order, so the same random source always gives the same outcome. Conversations and voicemails
 * are cut at `maxCallSeconds`, as a provider enforces the assistant's maximum call length.
 */
export function drawOutcome(
  rates: SimulatorOutcomeRates,
  random: SeededRandom,
  maxCallSeconds: number,
): SimulatedOutcome {
  const draw = random.next();
  let threshold = rates.human;
  if (draw < threshold) {
    const ringSeconds = random.int(rates.ringSeconds[0], rates.ringSeconds[1]);
    const talkSeconds = Math.min(random.int(rates.talkSeconds[0], rates.talkSeconds[1]), maxCallSeconds);
    const goal = random.next() < rates.goal;
    return { kind: 'answered', answeredBy: 'human', ringSeconds, talkSeconds, goal };
  }
  threshold += rates.voicemail;
  if (draw < threshold) {
    const ringSeconds = random.int(rates.ringSeconds[0], rates.ringSeconds[1]);
    const talkSeconds = Math.min(
      random.int(rates.voicemailSeconds[0], rates.voicemailSeconds[1]),
      maxCallSeconds,
    );
    return { kind: 'answered', answeredBy: 'machine', ringSeconds, talkSeconds, goal: null };
  }
  threshold += rates.busy;
  if (draw < threshold) return BUSY_OUTCOME;
  threshold += rates.failed;
  if (draw < threshold) return CARRIER_ERROR_OUTCOME;
  return { kind: 'unanswered', ringSeconds: rates.ringSeconds[1] };
}
