import { Card, Table } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { unwrap } from '../../api/client';
import { useApi } from '../../api/session';
import { ConfirmModal } from '../../components/confirm-modal';
import { useCursorList } from '../../components/cursor-list';
import { CursorTable } from '../../components/cursor-table';
import { ActionsTh } from '../../components/row-actions';
import { WebhookDeliveriesDrawer } from './webhook-deliveries-drawer';
import { WebhookEndpointRow, type WebhookEndpoint } from './webhook-endpoint-row';

/** The account's endpoints, each with its delivery log (in a drawer) and a delete button. */
export function WebhookEndpointsTable() {
  const client = useApi();
  const queryClient = useQueryClient();
  const endpoints = useCursorList(['webhook-endpoints'], (query) =>
    unwrap(client.GET('/v1/webhook-endpoints', { params: { query } })),
  );
  // The endpoint stays set after the drawer closes, so the drawer slides out with its content.
  const [inspecting, setInspecting] = useState<WebhookEndpoint | null>(null);
  const [deliveriesOpen, deliveriesDrawer] = useDisclosure();
  const [deleting, setDeleting] = useState<WebhookEndpoint | null>(null);
  return (
    <Card withBorder padding="lg">
      <CursorTable
        list={endpoints}
        what="webhook endpoints"
        empty="No endpoint yet: add one to receive events."
        minWidth={640}
      >
        {(rows) => (
          <Table aria-label="Webhook endpoints" verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>URL</Table.Th>
                <Table.Th>Events</Table.Th>
                <Table.Th>Status</Table.Th>
                <ActionsTh />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((endpoint) => (
                <WebhookEndpointRow
                  key={endpoint.id}
                  endpoint={endpoint}
                  onShowDeliveries={() => {
                    setInspecting(endpoint);
                    deliveriesDrawer.open();
                  }}
                  onDelete={() => setDeleting(endpoint)}
                />
              ))}
            </Table.Tbody>
          </Table>
        )}
      </CursorTable>
      <WebhookDeliveriesDrawer
        endpoint={inspecting}
        opened={deliveriesOpen}
        onClose={deliveriesDrawer.close}
      />
      <ConfirmModal
        target={deleting}
        title="Delete webhook endpoint"
        confirmLabel="Delete"
        describe={(target) => `Stop sending events to ${target.url}? Deliveries not yet made are dropped.`}
        action={(target) =>
          unwrap(client.DELETE('/v1/webhook-endpoints/{id}', { params: { path: { id: target.id } } }))
        }
        onDone={(target) => {
          notifications.show({ color: 'green', message: `${target.url} no longer receives events.` });
          return queryClient.invalidateQueries({ queryKey: ['webhook-endpoints'] });
        }}
        onClose={() => setDeleting(null)}
      />
    </Card>
  );
}
