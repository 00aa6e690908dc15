import { describe, expect, it } from 'vitest';
import {
  VARIABLES_WAIT_MS,
  chooseContactToDial,
  decideAfterCall,
  type ContactState,
  type FinishedCall,
  type RetryRules,
} from './attempts.js';

const END = Date.parse('2026-03-06T21:31:40Z');
const rules = (over: Partial<RetryRules> = {}): RetryRules => ({
  maxRetries: 3,
  intervalMinutes: 60,
  onVoicemail: true,
  untilGoal: false,
  goalVariable: 'appointment_booked',
  ...over,
});
const contact = (id: string, position: number, attempts = 1, dead = false): ContactState => ({
  id,
  position,
  attempts,
  dead,
});
const call = (over: Partial<FinishedCall>): FinishedCall => ({
  contactId: 'primary',
  status: 'completed',
  answeredBy: 'human',
  failureReason: null,
  goal: null,
  variablesSettled: false,
  endedAt: END,
  ...over,
});
const twoContacts = [contact('primary', 0), contact('secondary', 1, 0)];
const nextRoundAt = END + 60 * 60_000;

describe('decideAfterCall: the table of DESIGN §2.6', () => {
  it.each<[string, FinishedCall, readonly ContactState[], RetryRules, ReturnType<typeof decideAfterCall>]>([
    [
      'human answered, variables not in yet: wait up to 10 minutes',
      call({}),
      twoContacts,
      rules(),
      { kind: 'wait_for_variables', until: END + VARIABLES_WAIT_MS },
    ],
    [
      'human answered, no goal configured: completed at once',
      call({}),
      twoContacts,
      rules({ goalVariable: null }),
      { kind: 'complete', reason: 'answered', killContact: false },
    ],
    [
      'human answered, goal true: completed, goal achieved',
      call({ goal: true, variablesSettled: true }),
      twoContacts,
      rules({ untilGoal: true }),
      { kind: 'complete', reason: 'goal_achieved', killContact: false },
    ],
    [
      'human answered, untilGoal off, goal false: completed (answered)',
      call({ goal: false, variablesSettled: true }),
      twoContacts,
      rules(),
      { kind: 'complete', reason: 'answered', killContact: false },
    ],
    [
      'human answered, untilGoal on, goal false: the round ends even with a secondary left',
      call({ goal: false, variablesSettled: true }),
      twoContacts,
      rules({ untilGoal: true }),
      { kind: 'next_round', contactId: 'primary', at: nextRoundAt, killContact: false },
    ],
    [
      'human answered, untilGoal on, variables timed out: goal not met',
      call({ goal: null, variablesSettled: true }),
      [contact('primary', 0)],
      rules({ untilGoal: true }),
      { kind: 'next_round', contactId: 'primary', at: nextRoundAt, killContact: false },
    ],
    [
      'answered by "unknown" counts as a person',
      call({ answeredBy: 'unknown', goal: null, variablesSettled: true }),
      twoContacts,
      rules(),
      { kind: 'complete', reason: 'answered', killContact: false },
    ],
    [
      'voicemail, onVoicemail off: completed (reached voicemail)',
      call({ answeredBy: 'machine' }),
      twoContacts,
      rules({ onVoicemail: false }),
      { kind: 'complete', reason: 'voicemail', killContact: false },
    ],
    [
      'voicemail, onVoicemail on: the secondary at once',
      call({ answeredBy: 'machine' }),
      twoContacts,
      rules(),
      { kind: 'dial_next', contactId: 'secondary', at: END, killContact: false },
    ],
    [
      'busy on the primary: the secondary at once',
      call({ status: 'busy', answeredBy: null }),
      twoContacts,
      rules(),
      { kind: 'dial_next', contactId: 'secondary', at: END, killContact: false },
    ],
    [
      'unanswered on the last contact of the round: next round after the interval',
      call({ contactId: 'secondary', status: 'unanswered', answeredBy: null }),
      [contact('primary', 0), contact('secondary', 1)],
      rules(),
      { kind: 'next_round', contactId: 'primary', at: nextRoundAt, killContact: false },
    ],
    [
      'transient failure, only contact, attempts left: next round',
      call({ status: 'failed', answeredBy: null, failureReason: 'carrier_error' }),
      [contact('primary', 0, 2)],
      rules(),
      { kind: 'next_round', contactId: 'primary', at: nextRoundAt, killContact: false },
    ],
    [
      'invalid number: the contact dies, the secondary is dialed at once',
      call({ status: 'failed', answeredBy: null, failureReason: 'invalid_number' }),
      twoContacts,
      rules(),
      { kind: 'dial_next', contactId: 'secondary', at: END, killContact: true },
    ],
    [
      'invalid number on the only contact: max_retries',
      call({ status: 'failed', answeredBy: null, failureReason: 'invalid_number' }),
      [contact('primary', 0)],
      rules(),
      { kind: 'max_retries', killContact: true },
    ],
    [
      'the last attempt of the last contact: max_retries',
      call({ status: 'busy', answeredBy: null }),
      [contact('primary', 0, 3)],
      rules(),
      { kind: 'max_retries', killContact: false },
    ],
    [
      'the next round skips an exhausted primary and a dead contact',
      call({ contactId: 'third', status: 'busy', answeredBy: null }),
      [contact('primary', 0, 3), contact('secondary', 1, 1, true), contact('third', 2, 1)],
      rules(),
      { kind: 'next_round', contactId: 'third', at: nextRoundAt, killContact: false },
    ],
  ])('%s', (_name, finished, contacts, retry, expected) => {
    expect(decideAfterCall(finished, contacts, retry)).toEqual(expected);
  });
});

describe('chooseContactToDial', () => {
  const contacts = [contact('a', 0, 3), contact('b', 1, 1), contact('c', 2, 0, true)];

  it('keeps the planned contact while it is live', () => {
    expect(chooseContactToDial('b', contacts, { maxRetries: 3 })?.id).toBe('b');
  });

  it('moves past a planned contact that settings have exhausted since', () => {
    expect(chooseContactToDial('a', contacts, { maxRetries: 3 })?.id).toBe('b');
  });

  it('has nothing to dial when every contact is exhausted or dead', () => {
    expect(chooseContactToDial('b', contacts, { maxRetries: 1 })).toBeNull();
  });

  it('starts from the first live contact without a plan', () => {
    expect(chooseContactToDial(null, [contact('x', 1, 0), contact('y', 0, 0)], { maxRetries: 3 })?.id).toBe(
      'y',
    );
  });
});
