import { Card, Table } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { unwrap } from '../../api/client';
import { useApi } from '../../api/session';
import { humanize } from '../../components/format';
import { ConfirmModal } from '../../components/confirm-modal';
import { useCursorList } from '../../components/cursor-list';
import { CursorTable } from '../../components/cursor-table';
import { DoNotCallSearch } from './do-not-call-search';
import { formatLocalTime, timeHeader } from '../../components/local-time-zone';
import { ActionsTh, DangerRowButton } from '../../components/row-actions';

/** The list in number order (the API's), or the entry of one number looked up; each can be removed. */
export function DoNotCallTable() {
  const client = useApi();
  const queryClient = useQueryClient();
  const [lookup, setLookup] = useState<string | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const entries = useCursorList(['dnc', lookup], (query) =>
    unwrap(
      client.GET('/v1/dnc', { params: { query: lookup === null ? query : { ...query, phone: lookup } } }),
    ),
  );
  return (
    <Card withBorder padding="lg">
      <CursorTable
        list={entries}
        what="numbers"
        empty={lookup === null ? 'The list is empty.' : `${lookup} is not on the list.`}
        header={<DoNotCallSearch lookup={lookup} onLookup={setLookup} />}
      >
        {(rows) => (
          <Table aria-label="Do-not-call list" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Number</Table.Th>
                <Table.Th>Source</Table.Th>
                <Table.Th>Note</Table.Th>
                <Table.Th>{timeHeader('Added')}</Table.Th>
                <ActionsTh />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((entry) => (
                <Table.Tr key={entry.phone}>
                  <Table.Td ff="monospace">{entry.phone}</Table.Td>
                  <Table.Td>{humanize(entry.source)}</Table.Td>
                  <Table.Td>{entry.note ?? '—'}</Table.Td>
                  <Table.Td>{formatLocalTime(entry.createdAt)}</Table.Td>
                  <Table.Td ta="right">
                    <DangerRowButton
                      label="Remove"
                      target={entry.phone}
                      onClick={() => setRemoving(entry.phone)}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </CursorTable>
      <ConfirmModal
        target={removing}
        title="Remove from the do-not-call list"
        confirmLabel="Remove"
        describe={(phone) =>
          `Take ${phone} off the list? Leads that have not reached it yet may call it again.`
        }
        action={(phone) => unwrap(client.DELETE('/v1/dnc/{phone}', { params: { path: { phone } } }))}
        onDone={(phone) => {
          notifications.show({ color: 'green', message: `${phone} removed from the do-not-call list.` });
          return queryClient.invalidateQueries({ queryKey: ['dnc'] });
        }}
        onClose={() => setRemoving(null)}
      />
    </Card>
  );
}
