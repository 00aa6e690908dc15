import type { Call } from '../../api/types';
import { FactList } from '../../components/fact-list';
import { formatDateTime, formatDuration, formatMoney, humanize } from '../../components/format';
import { Panel } from '../../components/panel';
import { describeGoal } from './describe-goal';

/** The call's outcome at a glance: when, who answered, how long it was billed, its cost and the goal. */
export function CallFacts({ call, timeZone }: { readonly call: Call; readonly timeZone: string }) {
  const at = (iso: string | null) =>
    iso === null ? '—' : `${formatDateTime(iso, timeZone, 'second')} (${timeZone})`;
  return (
    <Panel title="Summary">
      <FactList
        facts={[
          ['Number', call.phone],
          ['Attempt', `${call.attempt} to this number`],
          ['Placed', at(call.placedAt)],
          ['Answered', at(call.answeredAt)],
          ['Ended', at(call.endedAt)],
          ['Answered by', call.answeredBy === null ? '—' : humanize(call.answeredBy)],
          ['Duration', `${formatDuration(call.billedSeconds)} billed`],
          ['Cost', formatMoney(call.cost)],
          ['Goal', describeGoal(call.goal)],
          ...(call.failureReason === null ? [] : [['Failure', humanize(call.failureReason)] as const]),
        ]}
      />
    </Panel>
  );
}
