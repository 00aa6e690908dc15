import { Stack } from '@mantine/core';
import { QueryState } from '../../components/query-state';
import { useCampaignTimeZone } from '../../components/use-campaign-time-zone';
import { useCampaignIdParam, useCampaignStats } from '../campaigns/detail/use-campaign';
import { useLiveCampaign } from '../campaigns/detail/use-live-campaign';
import { LeadFilters } from './lead-filters';
import { LeadsPages } from './leads-pages';
import { useLeadFilters } from './use-lead-filters';

/**
 * Every lead of the campaign, paginated on the server, filtered by status and searched by name or number (the
 * filter lives in the address, so a link keeps it), live while calls change them.
 */
export function CampaignLeadsTab() {
  const campaignId = useCampaignIdParam();
  const filters = useLeadFilters();
  const timeZone = useCampaignTimeZone(campaignId);
  useLiveCampaign(campaignId, useCampaignStats(campaignId).data?.lastEventSeq);
  const search = filters.q.trim();
  return (
    <Stack gap="md">
      <LeadFilters
        status={filters.status}
        q={filters.q}
        onStatus={filters.setStatus}
        onSearch={filters.setQuery}
      />
      <QueryState query={timeZone} what="the campaign's time zone" minHeight={320}>
        {(zone) => (
          <LeadsPages
            // Another filter is another list: it starts again from its first page.
            key={JSON.stringify([filters.status, search])}
            campaignId={campaignId}
            filter={{ status: filters.status, search }}
            timeZone={zone}
          />
        )}
      </QueryState>
    </Stack>
  );
}
