/**
 * Lead statuses (DESIGN §2.4). One lead is in exactly one status and has at most one call in flight.
 *
 *   created ──(campaign starts)──────────────────────────→ scheduled
 *   scheduled | rescheduled ──(dialer claims it)──────────→ processing
 *   processing ──(next contact of this round, at once)──→ scheduled
 *   processing ──(round over, wait for the interval)────→ rescheduled
 *   processing ──(reached / goal met)───────────────────→ completed
 *   processing ──(every contact exhausted or dead)──────→ max_retries
 *   any but processing ──(manual reset)─────────────────→ created, or scheduled when the campaign has started
 *   any ──(manual mark)─────────────────────────────────→ completed (a call in flight finishes, nothing follows)
 *   any but completed | max_retries ──(a call reports the opt-out)──→ completed (as a manual mark; do-not-call.ts)
 */
export const LEAD_STATUSES = [
  'created',
  'scheduled',
  'processing',
  'rescheduled',
  'completed',
  'max_retries',
] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

/** Statuses the dialer may claim a lead from, once its `nextAttemptAt` has come. */
export const DUE_LEAD_STATUSES = ['scheduled', 'rescheduled'] as const satisfies readonly LeadStatus[];

/** Statuses in which a lead needs nothing more: a campaign whose leads are all here is complete. */
export const TERMINAL_LEAD_STATUSES = ['completed', 'max_retries'] as const satisfies readonly LeadStatus[];

export function isTerminalLeadStatus(status: LeadStatus): boolean {
  return status === 'completed' || status === 'max_retries';
}

/** Why a lead ended `completed`, kept for reports and the `lead.status_changed` event. */
export const COMPLETION_REASONS = ['answered', 'goal_achieved', 'voicemail', 'manual', 'opted_out'] as const;
export type CompletionReason = (typeof COMPLETION_REASONS)[number];
