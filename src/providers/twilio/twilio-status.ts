import type { AnsweredBy, CallStatus, FailureReason } from '../../domain/call-status.js';

/**
 * Twilio's call statuses and answering-machine verdicts in our terms (reference/provider-apis.md §0.1, §1.3, §1.5).
 *
 *   CallStatus    AnsweredBy                          → status       answeredBy  failureReason
 *   queued        any                                 → initiated
 *   initiated     any                                 → initiated
 *   ringing       any                                 → ringing
 *   in-progress   machine_* | human | unknown | none  → in_progress  as below
 *   completed     machine_*                           → completed    machine     (a voicemail)
 *   completed     human | unknown                     → completed    human
 *   completed     none (AMD had no verdict)           → completed    (kept from an earlier event)
 *   completed     fax                                 → failed                   carrier_error
 *   busy                                              → busy
 *   no-answer                                         → unanswered
 *   failed        ErrorCode ∈ INVALID_NUMBER_CODES    → failed                   invalid_number
 *   failed        otherwise                           → failed                   carrier_error
 *   canceled                                          → failed                   carrier_error
 *   anything else                                     → null (nothing to report)
 *
 * Judgment calls (reference §7): `unknown` counts as a person, as AMD gives up on short or odd greetings that are
 * mostly people; `canceled` is `failed`, since Callwright never cancels a call it placed (someone else did, and the
 * campaign's retry rules decide); a fax line is `failed` with a transient reason rather than `invalid_number`,
 * because AMD's fax verdict is a guess and `invalid_number` would kill the contact for good.
 */
export interface TwilioStatusMapping {
  readonly status: CallStatus;
  readonly answeredBy?: AnsweredBy;
  readonly failureReason?: FailureReason;
}

/**
 * Twilio error codes that mean the number itself cannot be called (reference §1.7): 21211 invalid 'To', 21214
 * 'To' cannot be reached, 21217 not a valid number, 13224 not supported or invalid, 13226 invalid country code.
 */
export const INVALID_NUMBER_CODES: ReadonlySet<number> = new Set([21211, 21214, 21217, 13224, 13226]);

/** An `AnsweredBy` value in our terms: `machine`, `human`, `fax`, or null when absent or unrecognised. */
export type TwilioVerdict = 'machine' | 'human' | 'fax' | null;

export function readAnsweredBy(value: string | null | undefined): TwilioVerdict {
  if (value === null || value === undefined) return null;
  // Enable: machine_start; DetectMessageEnd: machine_end_beep, machine_end_silence, machine_end_other.
  if (value.startsWith('machine')) return 'machine';
  if (value === 'human' || value === 'unknown') return 'human';
  if (value === 'fax') return 'fax';
  return null;
}

/** Maps one Twilio `CallStatus` (callback or REST `status`) with its `AnsweredBy` and `ErrorCode`, if any. */
export function mapTwilioStatus(
  callStatus: string,
  answeredBy: string | null | undefined,
  errorCode?: string | null,
): TwilioStatusMapping | null {
  const verdict = readAnsweredBy(answeredBy);
  switch (callStatus) {
    case 'queued':
    case 'initiated':
      return { status: 'initiated' };
    case 'ringing':
      return { status: 'ringing' };
    case 'in-progress':
      return verdict === 'machine' || verdict === 'human'
        ? { status: 'in_progress', answeredBy: verdict }
        : { status: 'in_progress' };
    case 'completed':
      if (verdict === 'fax') return { status: 'failed', failureReason: 'carrier_error' };
      return verdict === null ? { status: 'completed' } : { status: 'completed', answeredBy: verdict };
    case 'busy':
      return { status: 'busy' };
    case 'no-answer':
      return { status: 'unanswered' };
    case 'failed': {
      const code = Number(errorCode);
      const invalid = errorCode != null && INVALID_NUMBER_CODES.has(code);
      return { status: 'failed', failureReason: invalid ? 'invalid_number' : 'carrier_error' };
    }
    case 'canceled':
      return { status: 'failed', failureReason: 'carrier_error' };
    default:
      return null;
  }
}
