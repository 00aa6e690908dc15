import { Anchor, Card, Table, Title } from '@mantine/core';
import { Link } from 'react-router';
import { unwrap } from '../../api/client';
import { useApi } from '../../api/session';
import type { ResponseOf } from '../../api/types';
import { formatMoney } from '../../components/format';
import { useCursorList } from '../../components/cursor-list';
import { CursorTable } from '../../components/cursor-table';
import { formatLocalTime, timeHeader } from '../../components/local-time-zone';

type LedgerEntry = ResponseOf<'/v1/account/ledger', 'get'>['data'][number];

const KIND_LABELS: Record<LedgerEntry['kind'], string> = { credit: 'Credit', call_charge: 'Call charge' };

/** Every credit and call charge, oldest first (the API's order). */
export function LedgerTable() {
  const client = useApi();
  const ledger = useCursorList(['account', 'ledger'], (query) =>
    unwrap(client.GET('/v1/account/ledger', { params: { query } })),
  );
  return (
    <Card withBorder padding="lg">
      <CursorTable
        list={ledger}
        what="ledger entries"
        empty="No credit or charge yet."
        header={
          <Title order={2} size="h4">
            Ledger
          </Title>
        }
      >
        {(entries) => (
          <Table aria-label="Ledger" striped tabularNums>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{timeHeader('Time')}</Table.Th>
                <Table.Th>Kind</Table.Th>
                <Table.Th ta="right">Amount</Table.Th>
                <Table.Th>Note</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.map((entry) => (
                <Table.Tr key={entry.id}>
                  <Table.Td>{formatLocalTime(entry.createdAt)}</Table.Td>
                  <Table.Td>{KIND_LABELS[entry.kind]}</Table.Td>
                  <Table.Td ta="right">{formatMoney(entry.amount)}</Table.Td>
                  <Table.Td>
                    <EntryNote entry={entry} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </CursorTable>
    </Card>
  );
}

function EntryNote({ entry }: { readonly entry: LedgerEntry }) {
  if (entry.callId === null) return <>{entry.note ?? '—'}</>;
  return (
    <Anchor component={Link} to={`/calls/${entry.callId}`} size="sm">
      {entry.note ?? `Call ${entry.callId}`}
    </Anchor>
  );
}
