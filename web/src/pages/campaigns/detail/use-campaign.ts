import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { unwrap } from '../../../api/client';
import { useApi } from '../../../api/session';
import { campaignKeys } from '../../../components/campaign-actions/campaign-query-keys';

/**
 * One campaign, under the key every tab shares (`['campaign', id]`): the layout loads it once and the tabs read
 * it from the cache. Live updates and lifecycle actions invalidate this key.
 */
export function useCampaign(id: string) {
  const api = useApi();
  return useQuery({
    queryKey: campaignKeys.campaign(id),
    queryFn: () => unwrap(api.GET('/v1/campaigns/{id}', { params: { path: { id } } })),
  });
}

/** A campaign's counts and results so far (the list's rows and the overview share it). */
export function useCampaignStats(id: string) {
  const api = useApi();
  return useQuery({
    queryKey: campaignKeys.stats(id),
    queryFn: () => unwrap(api.GET('/v1/campaigns/{id}/stats', { params: { path: { id } } })),
  });
}

/** The `:campaignId` of the campaign pages' address (they all live under `/campaigns/:campaignId`). */
export function useCampaignIdParam(): string {
  const { campaignId } = useParams();
  if (campaignId === undefined) throw new Error('useCampaignIdParam outside /campaigns/:campaignId');
  return campaignId;
}
