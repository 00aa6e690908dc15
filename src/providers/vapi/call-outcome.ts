import type { AnsweredBy, CallStatus, FailureReason } from '../../domain/call-status.js';

/**
 * Vapi's call `status` and `endedReason` in our terms (reference/provider-apis.md §0.1, §2.2).
 *
 *   scheduled | queued           → initiated
 *   ringing                      → ringing
 *   in-progress | forwarding     → in_progress
 *   ended + endedReason          → the terminal status the table below gives
 *   not-found | deletion-failed  → nothing we can use (null)
 *
 * endedReason (571 values in SDK v2.0.0; the outcome-relevant ones, then a rule for the rest):
 *
 *   voicemail                                              → completed, answered by a machine
 *   customer-ended-call*, assistant-ended-call*,
 *   assistant-said-end-call-phrase, assistant-forwarded-call,
 *   silence-timed-out, exceeded-max-duration,
 *   *.twilio-completed-call, *.sip-completed-call,
 *   vonage-completed, call.forwarding.operator-busy        → completed, answered by a person
 *   customer-busy                                          → busy
 *   customer-did-not-answer, SIP 408 / 480                 → unanswered
 *   twilio-reported-customer-misdialed                     → failed, invalid number (the contact is dead)
 *   twilio/vonage failed-to-connect, vonage-rejected,
 *   other outbound SIP provider faults                     → failed, carrier error
 *   anything else (start errors, pipeline errors, …)       → failed, provider error
 *
 * `call.forwarding.operator-busy` is the transfer target being busy after the customer talked to the assistant:
 * the customer was reached, so the call completed (the reference lists it beside `customer-busy`; counting it
 * busy would redial someone we just spoke to).
 */
export interface VapiCallOutcome {
  readonly status: CallStatus;
  readonly answeredBy?: AnsweredBy;
  readonly failureReason?: FailureReason;
}

const COMPLETED_BY_A_PERSON = [
  'customer-ended-call',
  'assistant-ended-call',
  'assistant-said-end-call-phrase',
  'assistant-forwarded-call',
  'silence-timed-out',
  'exceeded-max-duration',
  'call.in-progress.twilio-completed-call',
  'call.in-progress.sip-completed-call',
  'vonage-completed',
  'call.forwarding.operator-busy',
] as const;

/** SIP answers that mean the phone rang and nobody picked up (Vapi's docs: "Phone rang but no answer"). */
const UNANSWERED = [
  'customer-did-not-answer',
  'call.in-progress.error-providerfault-outbound-sip-408-request-timeout',
  'call.in-progress.error-providerfault-outbound-sip-480-temporarily-unavailable',
] as const;

const CARRIER_ERRORS = [
  'twilio-failed-to-connect-call',
  'vonage-failed-to-connect-call',
  'vonage-rejected',
  'call.in-progress.error-sip-outbound-call-failed-to-connect',
] as const;
const CARRIER_ERROR_PREFIX = 'call.in-progress.error-providerfault-outbound-sip-';

const includes = (list: readonly string[], value: string) => list.includes(value);

/** The terminal outcome of an ended call; every reason maps to one (unknown ones to a provider error). */
export function outcomeOfEndedReason(endedReason: string): VapiCallOutcome {
  if (endedReason === 'voicemail') return { status: 'completed', answeredBy: 'machine' };
  // Prefixes: Vapi adds variants such as `customer-ended-call-before-warm-transfer`.
  if (COMPLETED_BY_A_PERSON.some((reason) => endedReason.startsWith(reason))) {
    return { status: 'completed', answeredBy: 'human' };
  }
  if (endedReason === 'customer-busy') return { status: 'busy' };
  if (includes(UNANSWERED, endedReason)) return { status: 'unanswered' };
  if (endedReason === 'twilio-reported-customer-misdialed') {
    return { status: 'failed', failureReason: 'invalid_number' };
  }
  if (includes(CARRIER_ERRORS, endedReason) || endedReason.startsWith(CARRIER_ERROR_PREFIX)) {
    return { status: 'failed', failureReason: 'carrier_error' };
  }
  return { status: 'failed', failureReason: 'provider_error' };
}

/** A call's outcome from its `status` (and `endedReason` once ended); null for a status that says nothing. */
export function outcomeOfCallStatus(status: string, endedReason: string | undefined): VapiCallOutcome | null {
  switch (status) {
    case 'scheduled':
    case 'queued':
      return { status: 'initiated' };
    case 'ringing':
      return { status: 'ringing' };
    case 'in-progress':
    case 'forwarding':
      return { status: 'in_progress' };
    case 'ended':
      return outcomeOfEndedReason(endedReason ?? '');
    default:
      return null;
  }
}
