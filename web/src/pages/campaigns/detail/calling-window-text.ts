import type { Campaign } from '../../../api/types';
import { formatWeekdayTime, WEEKDAY_NAMES, type Weekday } from '../../../components/format';

type DialingReason = NonNullable<Campaign['dialing']['reason']>;

const WEEK = Object.keys(WEEKDAY_NAMES) as Weekday[];

/** "Mon–Fri, 09:00–18:00": the days in week order, three or more consecutive days written as a range. */
export function describeSchedule(schedule: Campaign['schedule']): string {
  return `${describeDays(schedule.days)}, ${schedule.startTime}–${schedule.endTime}`;
}

function describeDays(days: readonly Weekday[]): string {
  if (WEEK.every((day) => days.includes(day))) return 'Every day';
  // Runs of consecutive days: Mon Tue Wed Fri → [Mon, Tue, Wed], [Fri].
  const runs: Weekday[][] = [];
  WEEK.forEach((day, index) => {
    if (!days.includes(day)) return;
    const previousDay = WEEK[index - 1];
    const run = runs[runs.length - 1];
    if (run !== undefined && previousDay !== undefined && run[run.length - 1] === previousDay) run.push(day);
    else runs.push([day]);
  });
  return runs
    .map((run) =>
      run.length > 2
        ? `${WEEKDAY_NAMES[run[0]!]}–${WEEKDAY_NAMES[run[run.length - 1]!]}`
        : run.map((day) => WEEKDAY_NAMES[day]).join(', '),
    )
    .join(', ');
}

/** Why the campaign is not calling right now, in words (every reason of src/domain/dialing-diagnosis.ts). */
function reasonText(reason: DialingReason, campaign: Campaign): string {
  switch (reason) {
    case 'draft':
      return 'Not started yet: start the campaign to begin calling.';
    case 'paused':
      return 'Paused: no new calls until the campaign is resumed. Calls in progress finish.';
    case 'insufficient_balance':
      return 'Paused because the balance is too low for another call: add credit, then resume.';
    case 'completed':
      return 'Completed: every lead is done. Adding leads reopens the campaign.';
    case 'outside_window':
      return 'Not calling: outside the calling window.';
    case 'no_due_leads':
      return campaign.dialing.nextDialAt === null
        ? 'Not calling: no lead is waiting for a call right now.'
        : 'Not calling: no lead is due for its next call yet.';
    case 'concurrency_full':
      return `All ${campaign.maxConcurrentCalls} call lines are busy: the next call starts as soon as one ends.`;
    case 'insufficient_balance_for_more':
      return 'The calls in progress hold the rest of the balance: more calls start as they end, or add credit.';
  }
}

/** "Calling now", or why not and, when it is known, when the next calls can be placed. */
export function describeDialing(campaign: Campaign, timeZone: string): string {
  const { state, reason, nextDialAt } = campaign.dialing;
  if (state === 'dialing' || reason === null) return 'Calling now.';
  const next =
    nextDialAt === null ? '' : ` Next calls at ${formatWeekdayTime(nextDialAt, timeZone)}, ${timeZone}.`;
  return reasonText(reason, campaign) + next;
}
