import { Card, Stack, Text, Title } from '@mantine/core';
import { LeadUpload } from '../../../components/lead-upload/lead-upload';
import { LeadEntryForm } from './lead-entry-form';

/** The two ways to add leads to a campaign, shared by the wizard's leads step and the Add leads tab. */
export function AddLeadsPanel({ campaignId }: { readonly campaignId: string }) {
  return (
    <Stack gap="lg">
      <Card withBorder padding="lg">
        <Title order={2} size="h4" mb={4}>
          Upload a lead file
        </Title>
        <Text size="sm" c="dimmed" mb="md">
          A CSV file with a column of phone numbers; check how its columns are read before importing it.
        </Text>
        <LeadUpload campaignId={campaignId} />
      </Card>
      <Card withBorder padding="lg">
        <Title order={2} size="h4" mb="md">
          Add a lead by hand
        </Title>
        <LeadEntryForm campaignId={campaignId} />
      </Card>
    </Stack>
  );
}
