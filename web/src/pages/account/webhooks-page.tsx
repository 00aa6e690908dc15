import { Text } from '@mantine/core';
import { AccountSection } from './account-section';
import { TableBesideForm } from '../../components/table-beside-form';
import { AddWebhookForm } from './add-webhook-form';
import { WebhookEndpointsTable } from './webhook-endpoints-table';

/** `/account/webhooks`: the URLs events are posted to, each with its delivery log. */
export function WebhooksPage() {
  return (
    <AccountSection>
      <Text size="sm" c="dimmed">
        Callwright POSTs the events you choose to these URLs, signed per Standard Webhooks with each
        endpoint&apos;s secret, and retries a failed delivery for about a day.
      </Text>
      <TableBesideForm table={<WebhookEndpointsTable />} form={<AddWebhookForm />} />
    </AccountSection>
  );
}
