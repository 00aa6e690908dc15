import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { LeadSummary } from '../../api/types';
import { formatDateTime } from '../../components/format';
import { describeResult } from './lead-status';
import { LeadStatusBadge } from './lead-status-badge';

/**
 * One page of a campaign's leads. Attempts count the calls to every number of the lead; the next attempt is
 * read in `timeZone`, the campaign's, said in the caption.
 */
export function LeadsTable({
  leads,
  timeZone,
}: {
  readonly leads: readonly LeadSummary[];
  readonly timeZone: string;
}) {
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table aria-label="Leads" layout="fixed" verticalSpacing="xs" highlightOnHover captionSide="bottom">
        <Table.Caption>Times in {timeZone}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th w={170}>Primary number</Table.Th>
            <Table.Th w={230}>Status</Table.Th>
            <Table.Th w={90}>Attempts</Table.Th>
            <Table.Th w={140}>Last result</Table.Th>
            <Table.Th w={170}>Next attempt</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {leads.map((lead) => (
            <LeadRow key={lead.id} lead={lead} timeZone={timeZone} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function LeadRow({ lead, timeZone }: { readonly lead: LeadSummary; readonly timeZone: string }) {
  const [primary, ...secondaries] = lead.contacts;
  return (
    <Table.Tr>
      <Table.Td>
        <Anchor component={Link} to={`/leads/${encodeURIComponent(lead.id)}`} size="sm" lineClamp={1}>
          {lead.name ?? 'Unnamed lead'}
        </Anchor>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{primary?.phone ?? '—'}</Text>
        {secondaries.length > 0 && (
          <Text size="xs" c="dimmed">
            +{secondaries.length} more
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <LeadStatusBadge lead={lead} />
      </Table.Td>
      <Table.Td>{lead.contacts.reduce((sum, contact) => sum + contact.attempts, 0)}</Table.Td>
      <Table.Td>{describeResult(lead.lastResult)}</Table.Td>
      <Table.Td>{formatDateTime(lead.nextAttemptAt, timeZone)}</Table.Td>
    </Table.Tr>
  );
}
