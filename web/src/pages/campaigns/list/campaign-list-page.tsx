import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { unwrap } from '../../../api/client';
import { useApi } from '../../../api/session';
import { campaignKeys } from '../../../components/campaign-actions/campaign-query-keys';
import { PagedList } from '../../../components/paged-list';
import { usePagedQuery } from '../../../components/use-paged-query';
import { CampaignsTable } from './campaigns-table';

const PAGE_SIZE = 20;

/** Every campaign of the account, a page at a time, with its progress, results so far and lifecycle action. */
export function CampaignListPage() {
  const api = useApi();
  const campaigns = usePagedQuery([...campaignKeys.list, { limit: PAGE_SIZE }], (cursor) =>
    unwrap(api.GET('/v1/campaigns', { params: { query: { limit: PAGE_SIZE, ...cursor } } })),
  );
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1} size="h2">
          Campaigns
        </Title>
        <CreateCampaignButton />
      </Group>
      <PagedList
        paged={campaigns}
        what="campaigns"
        empty={
          <>
            <Text fw={500}>No campaigns yet</Text>
            <Text size="sm" c="dimmed">
              A campaign calls a list of leads with one of your assistants.
            </Text>
            <CreateCampaignButton />
          </>
        }
      >
        {(rows) => <CampaignsTable campaigns={rows} />}
      </PagedList>
    </Stack>
  );
}

function CreateCampaignButton() {
  return (
    <Button component={Link} to="/campaigns/new">
      Create campaign
    </Button>
  );
}
