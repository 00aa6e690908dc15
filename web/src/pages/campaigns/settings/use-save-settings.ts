import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../../../api/client';
import { useApi } from '../../../api/session';
import type { Campaign } from '../../../api/types';
import { campaignKeys } from '../../../components/campaign-actions/campaign-query-keys';
import type { SettingsBody } from './settings-draft';

/**
 * Saves a campaign's settings (`PATCH /v1/campaigns/{id}`) and puts the answer in the cache, so every tab shows
 * the saved settings without asking again; the list is refreshed for the name.
 */
export function useSaveSettings() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: SettingsBody }) =>
      unwrap(api.PATCH('/v1/campaigns/{id}', { params: { path: { id } }, body })),
    onSuccess: (saved: Campaign) => {
      queryClient.setQueryData(campaignKeys.campaign(saved.id), saved);
      return queryClient.invalidateQueries({ queryKey: campaignKeys.list });
    },
  });
}
