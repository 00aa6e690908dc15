import { Card, Table } from '@mantine/core';
import { useState } from 'react';
import type { PhoneNumber } from '../../api/types';
import { CursorTable } from '../../components/cursor-table';
import { ActionsTh, DangerRowButton } from '../../components/row-actions';
import { DeletePhoneNumberModal } from './delete-phone-number-modal';
import { providerLabel } from './providers';
import { usePhoneNumberList } from './use-phone-numbers';

/** The account's caller ids, each with a delete button (confirmed in a dialog). */
export function PhoneNumbersTable() {
  const phoneNumbers = usePhoneNumberList();
  const [deleting, setDeleting] = useState<PhoneNumber | null>(null);
  return (
    <Card withBorder padding="lg">
      <CursorTable
        list={phoneNumbers}
        what="phone numbers"
        empty="No phone number yet: add the first one with the form."
        minWidth={640}
      >
        {(rows) => (
          <Table aria-label="Phone numbers" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Number</Table.Th>
                <Table.Th>Provider</Table.Th>
                <Table.Th>Label</Table.Th>
                <Table.Th>Provider&apos;s id</Table.Th>
                <Table.Th ta="right">Calls/s</Table.Th>
                <ActionsTh />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((phone) => (
                <Table.Tr key={phone.id}>
                  <Table.Td ff="monospace">{phone.number}</Table.Td>
                  <Table.Td>{providerLabel(phone.provider)}</Table.Td>
                  <Table.Td>{phone.label ?? '—'}</Table.Td>
                  <Table.Td>{phone.providerRef ?? '—'}</Table.Td>
                  <Table.Td ta="right">{phone.callsPerSecond}</Table.Td>
                  <Table.Td ta="right">
                    <DangerRowButton
                      label="Delete"
                      target={phone.number}
                      onClick={() => setDeleting(phone)}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </CursorTable>
      <DeletePhoneNumberModal phone={deleting} onClose={() => setDeleting(null)} />
    </Card>
  );
}
