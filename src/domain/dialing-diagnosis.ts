import type { CampaignStatus, PauseReason } from './campaign-lifecycle.js';
import { isInsideWindow, nextWindowOpening, type CallingWindow } from './calling-window.js';

/**
 * Why a campaign is or is not placing calls right now, and when it next will: the seed's "no calls are being
 * made" troubleshooting answered by the product. Pure: the facts are read by the caller.
 */
export const DIALING_STATES = ['dialing', 'waiting', 'stopped'] as const;
export type DialingState = (typeof DIALING_STATES)[number];

export const DIALING_REASONS = [
  'draft',
  'paused',
  'insufficient_balance',
  'completed',
  'outside_window',
  'no_due_leads',
  'concurrency_full',
  'insufficient_balance_for_more',
] as const;
export type DialingReason = (typeof DIALING_REASONS)[number];

export interface DialingFacts {
  readonly status: CampaignStatus;
  readonly pauseReason: PauseReason | null;
  readonly window: CallingWindow;
  readonly now: number;
  readonly inFlight: number;
  readonly maxConcurrentCalls: number;
  /** The earliest `nextAttemptAt` of the leads waiting to be dialed; null when none waits. */
  readonly nextDueAt: number | null;
  /** Balance minus reservations, and what one more call reserves (DESIGN §2.8). */
  readonly availableMinor: number;
  readonly minuteCostMinor: number;
}

export interface DialingDiagnosis {
  readonly state: DialingState;
  /** Null while calls are being placed. */
  readonly reason: DialingReason | null;
  /** When the next call can be placed, if that can be known now (not when it waits on a call ending). */
  readonly nextDialAt: number | null;
}

export function diagnoseDialing(facts: DialingFacts): DialingDiagnosis {
  const stopped = (reason: DialingReason): DialingDiagnosis => ({
    state: 'stopped',
    reason,
    nextDialAt: null,
  });
  switch (facts.status) {
    case 'draft':
      return stopped('draft');
    case 'completed':
      return stopped('completed');
    case 'paused':
      return stopped(facts.pauseReason === 'insufficient_balance' ? 'insufficient_balance' : 'paused');
    case 'active':
      break;
  }
  const waiting = (reason: DialingReason, nextDialAt: number | null): DialingDiagnosis => ({
    state: 'waiting',
    reason,
    nextDialAt,
  });
  // The first instant both a lead is due and the window is open.
  const dueAt = facts.nextDueAt === null ? null : Math.max(facts.nextDueAt, facts.now);
  const opening = (from: number) =>
    isInsideWindow(facts.window, from) ? from : nextWindowOpening(facts.window, from);
  if (!isInsideWindow(facts.window, facts.now)) {
    return waiting('outside_window', opening(dueAt ?? facts.now));
  }
  if (dueAt === null || dueAt > facts.now) {
    return waiting('no_due_leads', dueAt === null ? null : opening(dueAt));
  }
  if (facts.inFlight >= facts.maxConcurrentCalls) return waiting('concurrency_full', null);
  if (facts.minuteCostMinor > 0 && facts.availableMinor < facts.minuteCostMinor) {
    return waiting('insufficient_balance_for_more', null);
  }
  return { state: 'dialing', reason: null, nextDialAt: facts.now };
}
