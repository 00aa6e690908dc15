import { chooseContactToDial, type ContactState, type RetryRules } from './attempts.js';
import { readBoolean } from './post-call-variables.js';
import type { FieldError } from './result.js';
import type { AssistantVariable } from './settings.js';

/**
 * The account's do-not-call list (DESIGN §2.4: "a number on the account's do-not-call list is never dialed").
 * One list per account, keyed by E.164 number, shared by all its campaigns. It is checked twice, because a
 * number can join the list after its lead was imported:
 *
 *   leads are added (API, import) ──→ the number is left out of its lead and reported `suppressed`; a lead left
 *                                     with no number is not created
 *   the claim, right before a dial ──→ the number is not dialed: its contact is dead (last result `do_not_call`)
 *                                     and the lead's next live contact is dialed instead; none left: `max_retries`
 *
 * And it grows by itself: a call whose variables report the assistant's opt-out variable as true puts the called
 * number on the list (source `opt_out`) and completes the lead (`opted_out`), unless the lead already finished.
 */

/** How a number came onto the list. */
export const DO_NOT_CALL_SOURCES = ['api', 'import', 'opt_out'] as const;
export type DoNotCallSource = (typeof DO_NOT_CALL_SOURCES)[number];

/** A contact's last result once the claim skipped it for being on the list. */
export const DO_NOT_CALL_RESULT = 'do_not_call';

/** The post-call variable that means "do not call me again", unless the assistant names another (or none). */
export const DEFAULT_OPT_OUT_VARIABLE = 'opt_out';

export interface CallableContactChoice {
  /** The contact to dial, or null when every live contact is on the list (or none was left). */
  readonly contact: ContactState | null;
  /** Live contacts passed over because their number is on the list: each is dead for the campaign from now. */
  readonly listed: readonly string[];
}

/**
 * `chooseContactToDial`, skipping numbers on the list: a listed contact counts as dead, and the choice moves on
 * to the next live contact in order, as after a permanently failed number (DESIGN §2.6).
 */
export function chooseCallableContact(
  plannedContactId: string | null,
  contacts: readonly (ContactState & { readonly onDoNotCallList: boolean })[],
  rules: Pick<RetryRules, 'maxRetries'>,
): CallableContactChoice {
  const listed: string[] = [];
  let remaining: readonly ContactState[] = contacts;
  for (;;) {
    const contact = chooseContactToDial(plannedContactId, remaining, rules);
    if (contact === null || !contacts.some((c) => c.id === contact.id && c.onDoNotCallList)) {
      return { contact, listed };
    }
    listed.push(contact.id);
    remaining = remaining.map((c) => (c.id === contact.id ? { ...c, dead: true } : c));
  }
}

/** Whether a call's variables report the opt-out: the assistant's opt-out variable (if it has one) is true. */
export function reportsOptOut(
  variables: Readonly<Record<string, unknown>>,
  optOutVariable: string | null,
): boolean {
  return optOutVariable !== null && readBoolean(variables[optOutVariable]) === true;
}

/**
 * An assistant's opt-out variable may be one it does not declare (platforms report it regardless), but one it
 * declares with another type could never be true: refused.
 */
export function validateOptOutVariable(
  optOutVariable: string | null,
  variables: readonly AssistantVariable[],
): FieldError | null {
  const declared = variables.find((v) => v.name === optOutVariable);
  if (declared === undefined || declared.type === 'boolean') return null;
  return {
    path: 'optOutVariable',
    message: `must name a boolean variable, but "${declared.name}" is declared as ${declared.type}`,
  };
}
