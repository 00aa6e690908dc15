import { Text } from '@mantine/core';
import { unwrap } from '../../api/client';
import { useApi } from '../../api/session';
import { campaignKeys } from '../../components/campaign-actions/campaign-query-keys';
import { PagedList } from '../../components/paged-list';
import { QueryState } from '../../components/query-state';
import { useCampaignTimeZone } from '../../components/use-campaign-time-zone';
import { usePagedQuery } from '../../components/use-paged-query';
import { useCampaignIdParam, useCampaignStats } from '../campaigns/detail/use-campaign';
import { useLiveCampaign } from '../campaigns/detail/use-live-campaign';
import { CallsTable } from './calls-table';

const PAGE_SIZE = 50;

/**
 * The campaign's call log, newest first, a page at a time, live: calls appear as they are placed and change as
 * they end. Each call links to its page and its lead's.
 */
export function CampaignCallsTab() {
  const campaignId = useCampaignIdParam();
  const api = useApi();
  const timeZone = useCampaignTimeZone(campaignId);
  useLiveCampaign(campaignId, useCampaignStats(campaignId).data?.lastEventSeq);
  // Under the campaign's key, which its live updates refresh.
  const calls = usePagedQuery([...campaignKeys.campaign(campaignId), 'calls'], (cursor) =>
    unwrap(
      api.GET('/v1/campaigns/{id}/calls', {
        params: { path: { id: campaignId }, query: { order: 'newest', limit: PAGE_SIZE, ...cursor } },
      }),
    ),
  );
  return (
    <QueryState query={timeZone} what="the campaign's time zone" minHeight={320}>
      {(zone) => (
        <PagedList
          paged={calls}
          what="calls"
          minHeight={320}
          empty={
            <>
              <Text fw={500}>No calls yet</Text>
              <Text size="sm" c="dimmed">
                Calls appear here as the campaign places them, inside its calling window.
              </Text>
            </>
          }
        >
          {(rows) => <CallsTable calls={rows} timeZone={zone} showLead label="Calls" />}
        </PagedList>
      )}
    </QueryState>
  );
}
