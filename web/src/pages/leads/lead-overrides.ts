import type { RequestOf } from '../../api/types';

/** What an override sets: `created` resets the lead, `completed` stops calling it (DESIGN §2.4). */
export type OverrideStatus = RequestOf<'/v1/leads/{id}', 'patch'>['status'];

export interface LeadOverride {
  readonly status: OverrideStatus;
  /** The button on the page. */
  readonly label: string;
  /** What it does, under the button and in the confirmation. */
  readonly effect: string;
  /** The confirmation's button. */
  readonly confirmLabel: string;
  /** The notice once done. */
  readonly done: string;
}

/**
 * The overrides the API offers. Both are confirmed: a reset throws away the attempts counted so far, a stop
 * gives up on the lead.
 */
export const LEAD_OVERRIDES: readonly LeadOverride[] = [
  {
    status: 'created',
    label: 'Call again from the start',
    effect:
      "Resets every number's attempts and last result; a started campaign calls the lead again as soon as its " +
      'calling window allows. Refused while a call to the lead is in flight.',
    confirmLabel: 'Reset the lead',
    done: 'reset: it will be called again from its first number',
  },
  {
    status: 'completed',
    label: 'Stop calling',
    effect: 'Marks the lead completed by hand: no call follows. A call in flight finishes.',
    confirmLabel: 'Stop calling',
    done: 'marked completed: no more calls',
  },
];

/**
 * An override to the status the lead already has would change nothing, so it is not offered: resetting a lead
 * never called (`created`, in a campaign not started) or stopping one already completed.
 */
export const appliesTo = (override: LeadOverride, status: string): boolean => override.status !== status;
