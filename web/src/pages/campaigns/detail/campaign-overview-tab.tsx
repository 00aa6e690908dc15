import { SimpleGrid, Stack } from '@mantine/core';
import { ErrorAlert } from '../../../components/query-state';
import { CallOutcomesChart } from './call-outcomes-chart';
import { CallingWindowCard } from './calling-window-card';
import { CallsTimelineChart } from './calls-timeline-chart';
import { CampaignCounters } from './campaign-counters';
import { useCampaign, useCampaignIdParam, useCampaignStats } from './use-campaign';
import { useLiveCampaign } from './use-live-campaign';

/**
 * The campaign at a glance, live: when it calls and whether it is calling now, its counts, and its calls over
 * time and by outcome. The campaign's events refresh all of it while the tab is open, without a reload.
 */
export function CampaignOverviewTab() {
  const campaignId = useCampaignIdParam();
  const campaign = useCampaign(campaignId);
  const stats = useCampaignStats(campaignId);
  useLiveCampaign(campaignId, stats.data?.lastEventSeq);
  // The layout renders this tab only once the campaign is loaded.
  if (campaign.data === undefined) return null;
  return (
    <Stack gap="lg">
      <CallingWindowCard campaign={campaign.data} />
      {stats.isError && <ErrorAlert error={stats.error} title="Could not load the campaign's numbers" />}
      <CampaignCounters stats={stats.data} />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <CallsTimelineChart campaignId={campaignId} />
        <CallOutcomesChart stats={stats.data} />
      </SimpleGrid>
    </Stack>
  );
}
