import { Badge, Table } from '@mantine/core';
import type { LeadDetail } from '../../api/types';
import { Panel } from '../../components/panel';
import { describeResult } from './lead-status';

/** A lead's numbers in dialing order, each with its attempts and last result; a dead number says so. */
export function LeadNumbersPanel({ contacts }: { readonly contacts: LeadDetail['contacts'] }) {
  return (
    <Panel title="Numbers">
      <Table aria-label="Numbers" layout="fixed" verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={130}>Order</Table.Th>
            <Table.Th w={180}>Number</Table.Th>
            <Table.Th w={100}>Attempts</Table.Th>
            <Table.Th>Last result</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {contacts.map((contact) => (
            <Table.Tr key={contact.id}>
              <Table.Td>{contact.position === 0 ? 'Primary' : `Secondary ${contact.position}`}</Table.Td>
              <Table.Td>{contact.phone}</Table.Td>
              <Table.Td>{contact.attempts}</Table.Td>
              <Table.Td>
                {describeResult(contact.lastResult)}{' '}
                {contact.dead && (
                  <Badge color="red" variant="outline" size="xs" title="Never dialed again in this campaign">
                    not callable
                  </Badge>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Panel>
  );
}
