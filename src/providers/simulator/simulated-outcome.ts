/**
 * What happens on one simulated call, in seconds after it was placed. Magic numbers map to fixed outcomes
 * (`magic-numbers.ts`), every other number draws one (`random-outcome.ts`); `call-events.ts` turns an outcome
 * into the provider events.
 */
export type SimulatedOutcome =
  | AnsweredOutcome
  | LostOutcome
  | {
      /** Initiated, then busy (no ringing). */
      readonly kind: 'busy';
      readonly afterSeconds: number;
    }
  | {
      /** Initiated, ringing, then unanswered. */
      readonly kind: 'unanswered';
      readonly ringSeconds: number;
    }
  | {
      /** Initiated, then failed (no ringing). */
      readonly kind: 'failed';
      readonly afterSeconds: number;
      readonly failureReason: 'carrier_error' | 'invalid_number';
    };

/** Initiated, ringing, answered after `ringSeconds`, completed `talkSeconds` later. */
export interface AnsweredOutcome {
  readonly kind: 'answered';
  readonly answeredBy: 'human' | 'machine';
  readonly ringSeconds: number;
  readonly talkSeconds: number;
  /**
   * Human calls report the assistant's variables `VARIABLES_DELAY_SECONDS` after the end, every boolean one set
   * to this value; `null` for machine-answered calls, which report no variables.
   */
  readonly goal: boolean | null;
}

/** Initiated, ringing, answered by a human after `ringSeconds`, then never another event. */
export interface LostOutcome {
  readonly kind: 'lost';
  readonly ringSeconds: number;
}

/** Seconds after the end of a human-answered call at which its post-call variables arrive. */
export const VARIABLES_DELAY_SECONDS = 2;
/** A busy signal comes back this many seconds after placing. */
export const BUSY_AFTER_SECONDS = 3;
/** A carrier failure or an invalid number is reported this many seconds after placing. */
export const FAILED_AFTER_SECONDS = 1;

/** A busy signal: the same for magic number 03 and for drawn outcomes. */
export const BUSY_OUTCOME: SimulatedOutcome = { kind: 'busy', afterSeconds: BUSY_AFTER_SECONDS };
/** A transient carrier failure: the same for magic number 05 and for drawn outcomes. */
export const CARRIER_ERROR_OUTCOME: SimulatedOutcome = {
  kind: 'failed',
  afterSeconds: FAILED_AFTER_SECONDS,
  failureReason: 'carrier_error',
};
