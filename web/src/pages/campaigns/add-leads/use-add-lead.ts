import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { unwrap } from '../../../api/client';
import { useApi } from '../../../api/session';
import type { RequestOf } from '../../../api/types';
import { campaignKeys } from '../../../components/campaign-actions/campaign-query-keys';

export type LeadBody = RequestOf<'/v1/campaigns/{id}/leads', 'post'>['leads'][number];

/**
 * Adds one lead by hand (`POST /v1/campaigns/{id}/leads`). Each lead is sent with an Idempotency-Key kept until
 * the API has answered it, so a double click or a resent request adds it once; the next lead gets a new key.
 */
export function useAddLead(campaignId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  return useMutation({
    mutationFn: (lead: LeadBody) =>
      unwrap(
        api.POST('/v1/campaigns/{id}/leads', {
          params: { path: { id: campaignId } },
          body: { leads: [lead] },
          headers: { 'Idempotency-Key': idempotencyKey },
        }),
      ),
    onSuccess: () => {
      setIdempotencyKey(crypto.randomUUID());
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: campaignKeys.campaign(campaignId) }),
        queryClient.invalidateQueries({ queryKey: campaignKeys.list }),
      ]);
    },
  });
}
