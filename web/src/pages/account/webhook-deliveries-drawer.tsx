import { Button, Drawer, Group, Table, Text } from '@mantine/core';
import { unwrap } from '../../api/client';
import { useApi } from '../../api/session';
import type { ResponseOf } from '../../api/types';
import { StatusBadge } from '../../components/status-badge';
import { useCursorList } from '../../components/cursor-list';
import { CursorTable } from '../../components/cursor-table';
import { formatLocalTime, timeHeader } from '../../components/local-time-zone';
import type { WebhookEndpoint } from './webhook-endpoint-row';

type Delivery = ResponseOf<'/v1/webhook-endpoints/{id}/deliveries', 'get'>['data'][number];

/** One endpoint's delivery log: every event sent or to send, with its latest attempt. */
export function WebhookDeliveriesDrawer({
  endpoint,
  opened,
  onClose,
}: {
  /** Kept after closing, so the drawer slides out with its content. */
  readonly endpoint: WebhookEndpoint | null;
  readonly opened: boolean;
  readonly onClose: () => void;
}) {
  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      position="right"
      size={760}
      title={<Text fw={600}>Deliveries to {endpoint?.url}</Text>}
    >
      {endpoint !== null && <DeliveryLog endpointId={endpoint.id} />}
    </Drawer>
  );
}

function DeliveryLog({ endpointId }: { readonly endpointId: string }) {
  const client = useApi();
  const deliveries = useCursorList(['webhook-endpoints', endpointId, 'deliveries'], (query) =>
    unwrap(
      client.GET('/v1/webhook-endpoints/{id}/deliveries', { params: { path: { id: endpointId }, query } }),
    ),
  );
  return (
    <CursorTable
      list={deliveries}
      what="deliveries"
      empty="No event has been sent to this endpoint yet."
      header={
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            Oldest first. A failed attempt is retried after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h.
          </Text>
          <Button
            variant="default"
            size="xs"
            onClick={() => void deliveries.refetch()}
            loading={deliveries.isRefetching}
          >
            Refresh
          </Button>
        </Group>
      }
    >
      {(rows) => (
        <Table aria-label="Deliveries" striped tabularNums>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Event</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th ta="right">Attempts</Table.Th>
              <Table.Th>Last response</Table.Th>
              <Table.Th>{timeHeader('Next retry')}</Table.Th>
              <Table.Th>{timeHeader('Time')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((delivery) => (
              <Table.Tr key={delivery.id}>
                <Table.Td>{delivery.eventType}</Table.Td>
                <Table.Td>
                  <StatusBadge status={delivery.status} />
                </Table.Td>
                <Table.Td ta="right">{delivery.attempts.length}</Table.Td>
                <Table.Td>{lastResponse(delivery)}</Table.Td>
                <Table.Td>{formatLocalTime(delivery.nextAttemptAt)}</Table.Td>
                <Table.Td>{formatLocalTime(delivery.createdAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </CursorTable>
  );
}

/** The receiver's status code, or why there was none (refused connection, timeout). */
function lastResponse(delivery: Delivery): string {
  const last = delivery.attempts.at(-1);
  if (last === undefined) return '—';
  return last.responseStatus === null ? (last.error ?? 'no answer') : String(last.responseStatus);
}
