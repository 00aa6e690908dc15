/**
 * Call statuses and their forward-only machine (DESIGN §2.7).
 *
 *   initiated → ringing → in_progress → one terminal status
 *   (any non-terminal) → completed | busy | unanswered | failed
 *
 * Provider events arrive duplicated and out of order, so a status only moves forward (by rank) and a terminal
 * status never changes. Skipping ranks is allowed (a terminal event may be the first one we hear).
 */
export const CALL_STATUSES = [
  'initiated',
  'ringing',
  'in_progress',
  'completed',
  'busy',
  'unanswered',
  'failed',
] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];

export const TERMINAL_CALL_STATUSES = ['completed', 'busy', 'unanswered', 'failed'] as const;
export type TerminalCallStatus = (typeof TERMINAL_CALL_STATUSES)[number];

export const ANSWERED_BY = ['human', 'machine', 'unknown'] as const;
export type AnsweredBy = (typeof ANSWERED_BY)[number];

/** Why a call ended `failed`; `invalid_number` is permanent (the contact is dead), every other one transient. */
export const FAILURE_REASONS = [
  'carrier_error',
  'invalid_number',
  'provider_error',
  'lost',
  'unknown_outcome',
  'do_not_call',
] as const;
export type FailureReason = (typeof FAILURE_REASONS)[number];

const RANK: Record<CallStatus, number> = {
  initiated: 0,
  ringing: 1,
  in_progress: 2,
  completed: 3,
  busy: 3,
  unanswered: 3,
  failed: 3,
};

export function isTerminalCallStatus(status: CallStatus): status is TerminalCallStatus {
  return RANK[status] === 3;
}

/** Whether an event reporting `next` may move a call that is currently `current`. */
export function canAdvanceCallStatus(current: CallStatus, next: CallStatus): boolean {
  return !isTerminalCallStatus(current) && RANK[next] > RANK[current];
}
