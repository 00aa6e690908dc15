import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import type { ResponseOf } from '../../api/types';
import { formatLocalTime } from '../../components/local-time-zone';
import { DangerRowButton } from '../../components/row-actions';

export type WebhookEndpoint = ResponseOf<'/v1/webhook-endpoints', 'get'>['data'][number];

/** One endpoint: its URL, the events it receives, whether it is enabled, and its buttons. */
export function WebhookEndpointRow({
  endpoint,
  onShowDeliveries,
  onDelete,
}: {
  readonly endpoint: WebhookEndpoint;
  readonly onShowDeliveries: () => void;
  readonly onDelete: () => void;
}) {
  return (
    <Table.Tr>
      <Table.Td style={{ wordBreak: 'break-all' }}>{endpoint.url}</Table.Td>
      <Table.Td>
        <Group gap={4}>
          {endpoint.events.map((event) => (
            <Badge key={event} variant="outline" radius="sm" tt="none">
              {event === '*' ? 'all events' : event}
            </Badge>
          ))}
        </Group>
      </Table.Td>
      <Table.Td>
        <EndpointStatus endpoint={endpoint} />
      </Table.Td>
      <Table.Td>
        <Group gap={4} justify="flex-end" wrap="nowrap">
          <Button
            variant="light"
            size="xs"
            aria-label={`Deliveries to ${endpoint.url}`}
            onClick={onShowDeliveries}
          >
            Deliveries
          </Button>
          <DangerRowButton label="Delete" target={endpoint.url} onClick={onDelete} />
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

/** Enabled, or disabled since when and why (a receiver that answered 410 Gone). */
function EndpointStatus({ endpoint }: { readonly endpoint: WebhookEndpoint }) {
  if (endpoint.disabledAt === null) {
    return (
      <Badge color="green" variant="light" radius="sm">
        Enabled
      </Badge>
    );
  }
  return (
    <Stack gap={2}>
      <Badge color="red" variant="light" radius="sm">
        Disabled
      </Badge>
      <Text size="xs" c="dimmed">
        {formatLocalTime(endpoint.disabledAt)}
        {endpoint.disabledReason === null ? '' : `: ${endpoint.disabledReason}`}
      </Text>
    </Stack>
  );
}
