import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { unwrap } from '../../../api/client';
import { useApi } from '../../../api/session';
import { campaignKeys } from '../../../components/campaign-actions/campaign-query-keys';

export type TimelineBucket = 'hour' | 'day';

/** The campaign's calls counted per hour or per day, in the campaign's time zone. */
export function useCampaignTimeline(campaignId: string, bucket: TimelineBucket) {
  const api = useApi();
  return useQuery({
    queryKey: campaignKeys.timeline(campaignId, bucket),
    queryFn: () =>
      unwrap(
        api.GET('/v1/campaigns/{id}/stats/timeline', {
          params: { path: { id: campaignId }, query: { bucket } },
        }),
      ),
    // Switching hour ↔ day keeps the chart drawn until the other grouping arrives.
    placeholderData: keepPreviousData,
  });
}
