import { useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../api/client';
import { useApi } from '../api/session';
import { campaignKeys } from './campaign-actions/campaign-query-keys';

/**
 * The time zone a campaign's times are read in: its assistant's (its calling window's zone). Leads and calls do
 * not carry it, so it comes from the campaign, then its assistant, both through the cache the other pages
 * fill (`['campaign', id]`, `['assistant', id]`).
 */
export function useCampaignTimeZone(campaignId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useQuery({
    // Not under the campaign's own key: its live updates need not ask again for a zone that changes only when
    // the assistant is edited (the next visit reads it again).
    queryKey: ['campaign-time-zone', campaignId],
    queryFn: async () => {
      const campaign = await queryClient.ensureQueryData({
        queryKey: campaignKeys.campaign(campaignId),
        queryFn: () => unwrap(api.GET('/v1/campaigns/{id}', { params: { path: { id: campaignId } } })),
      });
      const assistant = await queryClient.ensureQueryData({
        queryKey: ['assistant', campaign.assistantId],
        queryFn: () =>
          unwrap(api.GET('/v1/assistants/{id}', { params: { path: { id: campaign.assistantId } } })),
      });
      return assistant.timezone;
    },
    staleTime: Infinity,
  });
}
