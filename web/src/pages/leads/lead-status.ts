import type { paths } from '../../api/schema';

/** A lead's status as the API filters by it (DESIGN §2.4). */
export type LeadStatus = NonNullable<
  NonNullable<paths['/v1/campaigns/{id}/leads']['get']['parameters']['query']>['status']
>;

/** Every status, in the order a lead moves through them, with the words the filter shows. */
export const LEAD_STATUS_LABELS: Readonly<Record<LeadStatus, string>> = {
  created: 'Created (not started)',
  scheduled: 'Scheduled',
  processing: 'Processing (call in flight)',
  rescheduled: 'Rescheduled (next round)',
  completed: 'Completed',
  max_retries: 'Max retries',
};

export const isLeadStatus = (value: string | null): value is LeadStatus =>
  value !== null && Object.hasOwn(LEAD_STATUS_LABELS, value);

/**
 * The result a number last had, in words: a call's end status, with `completed` (a call that was answered)
 * said as such; `voicemail` and `do_not_call` are results of their own.
 */
export function describeResult(result: string | null): string {
  switch (result) {
    case null:
      return '—';
    case 'completed':
      return 'answered';
    case 'do_not_call':
      return 'on the do-not-call list';
    default:
      return result.replaceAll('_', ' ');
  }
}
