import { Anchor, Stack } from '@mantine/core';
import { Link, Outlet } from 'react-router';
import { ApiError } from '../../../api/client';
import { QueryState } from '../../../components/query-state';
import { CampaignHeader } from './campaign-header';
import { CampaignNotFound } from './campaign-not-found';
import { CampaignTabs } from './campaign-tabs';
import { useCampaign, useCampaignIdParam } from './use-campaign';

/**
 * A campaign's pages: its name, status and lifecycle action, the tabs, then the tab. The tab renders once the
 * campaign is loaded, so every tab can read it from the shared cache (`useCampaign`) without a state of its own.
 */
export function CampaignLayout() {
  const campaignId = useCampaignIdParam();
  const campaign = useCampaign(campaignId);
  if (namesNoCampaign(campaign.error)) return <CampaignNotFound campaignId={campaignId} />;
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/campaigns" size="sm" w="fit-content">
        ← All campaigns
      </Anchor>
      <QueryState query={campaign} what="the campaign" minHeight={64}>
        {(loaded) => (
          <>
            <CampaignHeader campaign={loaded} />
            <CampaignTabs campaignId={campaignId} />
            <Outlet />
          </>
        )}
      </QueryState>
    </Stack>
  );
}

/** A campaign that does not exist (or is another account's) answers 404; an id of the wrong shape, 422 on `id`. */
function namesNoCampaign(error: Error | null): boolean {
  return (
    error instanceof ApiError && (error.problem.status === 404 || error.fieldMessage('id') !== undefined)
  );
}
