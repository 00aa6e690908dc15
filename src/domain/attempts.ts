import type { AnsweredBy, FailureReason, TerminalCallStatus } from './call-status.js';
import type { CompletionReason } from './lead-status.js';

/**
 * Attempts, rounds and retries (DESIGN §2.6): what happens to a lead after each call.
 *
 * Contacts are tried in `position` order (primary = 0). A round dials each live contact once, back to back;
 * the next round begins `intervalMinutes` after the end of the round's last call, with the first live contact.
 * A contact is live while it is not dead and has had fewer than `maxRetries` attempts.
 *
 * | result of the attempt                                   | decision                                      |
 * |---------------------------------------------------------|-----------------------------------------------|
 * | human answered, goal configured, variables not yet in   | wait for them (lead stays processing)          |
 * | human answered, goal variable true                      | complete (goal_achieved)                      |
 * | human answered, untilGoal off                           | complete (answered)                           |
 * | human answered, untilGoal on, goal not true             | round ends → next round after the interval    |
 * | voicemail, onVoicemail off                              | complete (voicemail)                          |
 * | voicemail + onVoicemail, unanswered, busy, failed       | next live contact at once, else next round    |
 * | failed permanently (invalid number)                     | contact dead, then as a transient failure     |
 * | no live contact left                                    | max_retries                                   |
 */

export interface RetryRules {
  readonly maxRetries: number;
  readonly intervalMinutes: number;
  readonly onVoicemail: boolean;
  readonly untilGoal: boolean;
  /** The boolean post-call variable that says the goal was met, or null when the campaign has no goal. */
  readonly goalVariable: string | null;
}

export interface ContactState {
  readonly id: string;
  readonly position: number;
  readonly attempts: number;
  readonly dead: boolean;
}

export interface FinishedCall {
  readonly contactId: string;
  readonly status: TerminalCallStatus;
  readonly answeredBy: AnsweredBy | null;
  readonly failureReason: FailureReason | null;
  /** The goal variable as reported; null while no variables arrived. */
  readonly goal: boolean | null;
  /** True once variables arrived or their wait timed out: no more information will come. */
  readonly variablesSettled: boolean;
  readonly endedAt: number;
}

/** How long a lead waits for post-call variables after its call ended (DESIGN §2.7). */
export const VARIABLES_WAIT_MS = 10 * 60_000;

export type AfterCallDecision =
  | { readonly kind: 'wait_for_variables'; readonly until: number }
  | { readonly kind: 'complete'; readonly reason: CompletionReason; readonly killContact: boolean }
  | {
      readonly kind: 'dial_next';
      readonly contactId: string;
      readonly at: number;
      readonly killContact: boolean;
    }
  | {
      readonly kind: 'next_round';
      readonly contactId: string;
      readonly at: number;
      readonly killContact: boolean;
    }
  | { readonly kind: 'max_retries'; readonly killContact: boolean };

/** Whether a call reached a person: answered by a human, or answered and the provider could not tell by whom. */
export function isHumanAnswered(call: Pick<FinishedCall, 'status' | 'answeredBy'>): boolean {
  return call.status === 'completed' && call.answeredBy !== 'machine';
}

export function isVoicemail(call: Pick<FinishedCall, 'status' | 'answeredBy'>): boolean {
  return call.status === 'completed' && call.answeredBy === 'machine';
}

/** The one decision after a call reached a terminal status (and, if needed, its variables came or timed out). */
export function decideAfterCall(
  call: FinishedCall,
  contacts: readonly ContactState[],
  rules: RetryRules,
): AfterCallDecision {
  if (isHumanAnswered(call)) {
    if (rules.goalVariable !== null && call.goal === null && !call.variablesSettled) {
      return { kind: 'wait_for_variables', until: call.endedAt + VARIABLES_WAIT_MS };
    }
    if (call.goal === true) return { kind: 'complete', reason: 'goal_achieved', killContact: false };
    if (!rules.untilGoal) return { kind: 'complete', reason: 'answered', killContact: false };
    return startNextRound(contacts, rules, call.endedAt, false);
  }
  if (isVoicemail(call) && !rules.onVoicemail) {
    return { kind: 'complete', reason: 'voicemail', killContact: false };
  }
  const killContact = call.status === 'failed' && call.failureReason === 'invalid_number';
  const afterKill = killContact
    ? contacts.map((c) => (c.id === call.contactId ? { ...c, dead: true } : c))
    : contacts;
  const current = afterKill.find((c) => c.id === call.contactId);
  const nextInRound = current
    ? liveContacts(afterKill, rules).find((c) => c.position > current.position)
    : undefined;
  if (nextInRound) return { kind: 'dial_next', contactId: nextInRound.id, at: call.endedAt, killContact };
  return startNextRound(afterKill, rules, call.endedAt, killContact);
}

function startNextRound(
  contacts: readonly ContactState[],
  rules: RetryRules,
  endedAt: number,
  killContact: boolean,
): AfterCallDecision {
  const first = liveContacts(contacts, rules)[0];
  if (!first) return { kind: 'max_retries', killContact };
  return {
    kind: 'next_round',
    contactId: first.id,
    at: endedAt + rules.intervalMinutes * 60_000,
    killContact,
  };
}

/** Live contacts in dialing order. */
export function liveContacts(contacts: readonly ContactState[], rules: Pick<RetryRules, 'maxRetries'>) {
  return contacts
    .filter((c) => !c.dead && c.attempts < rules.maxRetries)
    .sort((a, b) => a.position - b.position);
}

/**
 * The contact to dial when a lead comes due: the planned one while it is still live, else the next live one in
 * order (settings may have changed since the plan was made, e.g. a lower `maxRetries`), else none (the lead is
 * out of attempts).
 */
export function chooseContactToDial(
  plannedContactId: string | null,
  contacts: readonly ContactState[],
  rules: Pick<RetryRules, 'maxRetries'>,
): ContactState | null {
  const live = liveContacts(contacts, rules);
  const planned = contacts.find((c) => c.id === plannedContactId);
  if (!planned) return live[0] ?? null;
  return live.find((c) => c.position >= planned.position) ?? live[0] ?? null;
}
