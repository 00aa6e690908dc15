import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { unwrap } from '../../../api/client';
import { useApi } from '../../../api/session';
import type { Campaign } from '../../../api/types';
import { campaignKeys } from '../../../components/campaign-actions/campaign-query-keys';
import type { SettingsBody } from '../settings/settings-draft';

/**
 * The wizard's campaign: created as a draft the first time its settings are saved, then edited with PATCH.
 * The create carries one Idempotency-Key for the whole wizard, so a double click or a resent request makes one
 * campaign (a refused create is not kept by the API, so fixing a field and trying again is a new request).
 * Settings unchanged since the last save are not sent again.
 */
export function useWizardCampaign() {
  const api = useApi();
  const queryClient = useQueryClient();
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [saved, setSaved] = useState<{ readonly campaign: Campaign; readonly body: string } | null>(null);

  const mutation = useMutation({
    mutationFn: ({ assistantId, settings }: { assistantId: string; settings: SettingsBody }) =>
      saved === null
        ? unwrap(
            api.POST('/v1/campaigns', {
              body: { assistantId, ...settings },
              headers: { 'Idempotency-Key': idempotencyKey },
            }),
          )
        : unwrap(
            api.PATCH('/v1/campaigns/{id}', { params: { path: { id: saved.campaign.id } }, body: settings }),
          ),
    onSuccess: (campaign, { settings }) => {
      setSaved({ campaign, body: JSON.stringify(settings) });
      queryClient.setQueryData(campaignKeys.campaign(campaign.id), campaign);
      return queryClient.invalidateQueries({ queryKey: campaignKeys.list });
    },
  });

  return {
    /** The campaign once created; null before. */
    campaign: saved?.campaign ?? null,
    /** Creates or updates the campaign; resolves null once saved, or the API's refusal (also in `error`). */
    save: async (assistantId: string, settings: SettingsBody): Promise<unknown> => {
      if (saved !== null && saved.body === JSON.stringify(settings)) return null;
      try {
        await mutation.mutateAsync({ assistantId, settings });
        return null;
      } catch (error) {
        return error;
      }
    },
    saving: mutation.isPending,
    error: mutation.error,
  };
}
