import { Anchor, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';

/** An address naming a campaign that does not exist, or belongs to another account (the API answers alike). */
export function CampaignNotFound({ campaignId }: { readonly campaignId: string }) {
  return (
    <Stack>
      <Title order={1} size="h2">
        Campaign not found
      </Title>
      <Text>
        There is no campaign <code>{campaignId}</code> in this account.{' '}
        <Anchor component={Link} to="/campaigns">
          Back to the campaigns
        </Anchor>
        .
      </Text>
    </Stack>
  );
}
