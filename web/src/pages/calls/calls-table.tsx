import { Anchor, Table } from '@mantine/core';
import { Link } from 'react-router';
import type { CallSummary } from '../../api/types';
import { formatDateTime, formatDuration, formatMoney, humanize } from '../../components/format';
import { StatusBadge } from '../../components/status-badge';
import { describeGoal } from './describe-goal';

/**
 * Calls, one row each, the time placed linking to the call's page. `showLead` adds the lead's column (a
 * campaign's log; a lead's own page leaves it out). Times are in `timeZone`, said in the caption.
 */
export function CallsTable({
  calls,
  timeZone,
  showLead,
  label,
}: {
  readonly calls: readonly CallSummary[];
  readonly timeZone: string;
  readonly showLead: boolean;
  /** The table's accessible name: "Calls". */
  readonly label: string;
}) {
  return (
    <Table.ScrollContainer minWidth={showLead ? 960 : 800}>
      <Table aria-label={label} layout="fixed" verticalSpacing="xs" highlightOnHover captionSide="bottom">
        <Table.Caption>Times in {timeZone}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={180}>Placed</Table.Th>
            {showLead && <Table.Th>Lead</Table.Th>}
            <Table.Th w={140}>Number</Table.Th>
            <Table.Th w={130}>Status</Table.Th>
            <Table.Th w={120}>Answered by</Table.Th>
            <Table.Th w={100}>Duration</Table.Th>
            <Table.Th w={100}>Cost</Table.Th>
            <Table.Th w={90}>Goal</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {calls.map((call) => (
            <Table.Tr key={call.id}>
              <Table.Td>
                <Anchor component={Link} to={`/calls/${encodeURIComponent(call.id)}`} size="sm">
                  {formatDateTime(call.placedAt, timeZone)}
                </Anchor>
              </Table.Td>
              {showLead && (
                <Table.Td>
                  <Anchor
                    component={Link}
                    to={`/leads/${encodeURIComponent(call.leadId)}`}
                    size="sm"
                    lineClamp={1}
                  >
                    {call.leadName ?? 'Unnamed lead'}
                  </Anchor>
                </Table.Td>
              )}
              <Table.Td>{call.phone}</Table.Td>
              <Table.Td>
                <StatusBadge status={call.status} />
              </Table.Td>
              <Table.Td>{call.answeredBy === null ? '—' : humanize(call.answeredBy)}</Table.Td>
              <Table.Td>{formatDuration(call.billedSeconds)}</Table.Td>
              <Table.Td>{formatMoney(call.cost)}</Table.Td>
              <Table.Td>{describeGoal(call.goal)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
