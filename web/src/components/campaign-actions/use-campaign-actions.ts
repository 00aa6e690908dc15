import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, unwrap } from '../../api/client';
import { useApi } from '../../api/session';
import type { Campaign } from '../../api/types';
import { campaignKeys } from './campaign-query-keys';

export type CampaignAction = 'start' | 'pause' | 'resume';

/** The one action a status allows: a draft starts, an active campaign pauses, a paused one resumes. */
export function actionFor(status: string): CampaignAction | null {
  switch (status) {
    case 'draft':
      return 'start';
    case 'active':
      return 'pause';
    case 'paused':
      return 'resume';
    default:
      return null;
  }
}

const DONE: Record<CampaignAction, string> = {
  start: 'started',
  pause: 'paused',
  resume: 'resumed',
};

/**
 * Runs a campaign's lifecycle action and refreshes what it changes: the campaign (its stats under it) and the
 * campaigns list. A refused start is kept as `unmet` (every requirement the API reported) for the caller to show.
 */
export function useCampaignAction(campaign: Campaign) {
  const api = useApi();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (action: CampaignAction) =>
      unwrap(api.POST(`/v1/campaigns/{id}/${action}`, { params: { path: { id: campaign.id } } })),
    onSuccess: (updated, action) => {
      queryClient.setQueryData(campaignKeys.campaign(campaign.id), updated);
      notifications.show({ color: 'green', message: `Campaign “${campaign.name}” ${DONE[action]}.` });
    },
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: campaignKeys.campaign(campaign.id) }),
        queryClient.invalidateQueries({ queryKey: campaignKeys.list }),
      ]),
  });
  const error = mutation.error;
  const unmet =
    error instanceof ApiError && error.problem.code === 'campaign_not_startable'
      ? (error.problem.unmet ?? [])
      : null;
  return {
    action: actionFor(campaign.status),
    run: (action: CampaignAction) => mutation.mutate(action),
    running: mutation.isPending,
    lastAction: mutation.variables ?? null,
    /** Every requirement a refused start reported; null unless the last start was refused. */
    unmet,
    /** Any other failure of the last action. */
    error: unmet === null ? error : null,
    dismiss: () => mutation.reset(),
  };
}
