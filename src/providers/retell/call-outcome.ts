import type { AnsweredBy, CallStatus, FailureReason } from '../../domain/call-status.js';
import type { RetellCallStatus } from './retell-call.js';

/** What a Retell call's state means in our terms. */
export interface CallOutcome {
  readonly status: CallStatus;
  readonly answeredBy?: AnsweredBy;
  readonly failureReason?: FailureReason;
}

/** The fields of a Retell call the outcome depends on. */
export interface CallOutcomeInput {
  readonly callStatus: RetellCallStatus | null;
  readonly disconnectionReason: string | null;
  /** `call_analysis.in_voicemail`, known only once the call is analysed. */
  readonly inVoicemail: boolean | null;
  readonly durationMs: number | null;
}

const HUMAN: CallOutcome = { status: 'completed', answeredBy: 'human' };
const MACHINE: CallOutcome = { status: 'completed', answeredBy: 'machine' };
const CARRIER: CallOutcome = { status: 'failed', failureReason: 'carrier_error' };
const PROVIDER: CallOutcome = { status: 'failed', failureReason: 'provider_error' };

/**
 * Retell's `disconnection_reason` values (provider-apis.md §3.2, §0.1) and what each means. Judgment calls:
 * - `user_declined` (the callee rejected the ring) → `unanswered`: nobody was reached, as with no answer.
 * - `ivr_reached` → completed by a machine: an automated menu answered, not the lead (as voicemail).
 * - `call_take_over` (a person took the call over from the agent) → completed by a human.
 * - telephony-side refusals (`dial_failed`, `sip_routing_error`, `marked_as_spam`, …) → `carrier_error`;
 *   Retell-side ones (`error_*`, concurrency, payment, `manual_stopped`, …) → `provider_error`. Both are transient.
 */
export const DISCONNECTION_OUTCOMES: Readonly<Record<string, CallOutcome>> = {
  user_hangup: HUMAN,
  agent_hangup: HUMAN,
  call_transfer: HUMAN,
  inactivity: HUMAN,
  max_duration_reached: HUMAN,
  transfer_bridged: HUMAN,
  transfer_cancelled: HUMAN,
  call_take_over: HUMAN,
  voicemail_reached: MACHINE,
  ivr_reached: MACHINE,
  dial_busy: { status: 'busy' },
  dial_no_answer: { status: 'unanswered' },
  user_declined: { status: 'unanswered' },
  invalid_destination: { status: 'failed', failureReason: 'invalid_number' },
  dial_failed: CARRIER,
  telephony_provider_permission_denied: CARRIER,
  telephony_provider_unavailable: CARRIER,
  sip_routing_error: CARRIER,
  marked_as_spam: CARRIER,
  scam_detected: PROVIDER,
  concurrency_limit_reached: PROVIDER,
  no_concurrency_fallback: PROVIDER,
  no_valid_payment: PROVIDER,
  registered_call_timeout: PROVIDER,
  manual_stopped: PROVIDER,
  error_llm_websocket_open: PROVIDER,
  error_llm_websocket_lost_connection: PROVIDER,
  error_llm_websocket_runtime: PROVIDER,
  error_llm_websocket_corrupt_payload: PROVIDER,
  error_no_audio_received: PROVIDER,
  error_asr: PROVIDER,
  error_retell: PROVIDER,
  error_unknown: PROVIDER,
  error_user_not_joined: PROVIDER,
};

/**
 * Maps a Retell call to our status (provider-apis.md §0.1). The disconnection reason decides once the call is over;
 * before that, the call status. `in_voicemail` (from the analysis) marks a completed call as answered by a machine
 * whatever the reason. A reason this table does not know (a newer API) counts as a completed call of unknown
 * answerer when the call lasted, else as a provider error: a call that was talked through must not be redialled.
 */
export function mapCallOutcome(input: CallOutcomeInput): CallOutcome {
  const reason = input.disconnectionReason;
  const known = reason === null ? undefined : DISCONNECTION_OUTCOMES[reason];
  const outcome = known ?? (reason === null ? byCallStatus(input) : unknownReason(input));
  if (outcome.status === 'completed' && input.inVoicemail === true) return MACHINE;
  return outcome;
}

function byCallStatus(input: CallOutcomeInput): CallOutcome {
  switch (input.callStatus) {
    case 'registered':
      return { status: 'initiated' };
    case 'ongoing':
      return { status: 'in_progress' };
    case 'ended':
    case null:
      return unknownReason(input);
    case 'not_connected':
    case 'error':
      return PROVIDER;
  }
}

function unknownReason(input: CallOutcomeInput): CallOutcome {
  if (input.callStatus === 'registered') return { status: 'initiated' };
  if (input.callStatus === 'ongoing') return { status: 'in_progress' };
  if (input.callStatus === 'ended' && (input.durationMs ?? 0) > 0) {
    return { status: 'completed', answeredBy: 'unknown' };
  }
  return PROVIDER;
}
