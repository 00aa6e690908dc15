import { Table } from '@mantine/core';
import type { Assistant, Campaign } from '../../../api/types';
import { humanize, WEEKDAY_NAMES } from '../../../components/format';

const yesNo = (value: boolean) => (value ? 'Yes' : 'No');

/** Every setting of the campaign as saved, and its leads by status: what starting it will use. */
export function SettingsSummary({
  campaign,
  assistant,
}: {
  readonly campaign: Campaign;
  readonly assistant: Assistant | undefined;
}) {
  const { schedule, retry } = campaign;
  const leads = Object.entries(campaign.leadCounts);
  const total = leads.reduce((sum, [, count]) => sum + count, 0);
  const rows: readonly [string, string][] = [
    ['Name', campaign.name],
    ['Assistant', assistant?.name ?? campaign.assistantId],
    ['Calling hours', `${schedule.startTime}–${schedule.endTime} ${assistant?.timezone ?? ''}`.trim()],
    ['Calling days', schedule.days.map((day) => WEEKDAY_NAMES[day]).join(', ')],
    ['Max retries', String(retry.maxRetries)],
    ['Retry interval', `${retry.intervalMinutes} min`],
    ['Retry after a voicemail', yesNo(retry.onVoicemail)],
    ['Goal', campaign.goal?.variable ?? 'No goal'],
    ['Keep calling until the goal is met', yesNo(retry.untilGoal)],
    ['Max concurrent calls', String(campaign.maxConcurrentCalls)],
    [
      'Leads',
      total === 0
        ? 'None yet'
        : `${total} (${leads
            .filter(([, count]) => count > 0)
            .map(([status, count]) => `${count} ${humanize(status)}`)
            .join(', ')})`,
    ],
  ];
  return (
    <Table aria-label="Campaign summary" withTableBorder variant="vertical" maw={640} layout="fixed">
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th w={280}>{label}</Table.Th>
            <Table.Td>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
