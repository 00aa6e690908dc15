import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../../api/client';
import { useApi } from '../../api/session';
import type { ImportJob } from '../../api/types';
import { campaignKeys } from '../campaign-actions/campaign-query-keys';
import type { ColumnMapping } from './column-roles';

/** How often a running import is asked for its progress. */
const POLL_MS = 500;

/**
 * Sends the whole file as a multipart upload (`POST /v1/campaigns/{id}/imports`) with the mapping the user
 * checked in the preview; the API answers at once with the job, which runs in the background.
 */
export function useStartImport(campaignId: string) {
  const api = useApi();
  return useMutation({
    mutationFn: ({ file, mapping }: { file: File; mapping: ColumnMapping }) => {
      const form = new FormData();
      form.append('mapping', JSON.stringify(mapping));
      form.append('file', file, file.name);
      return unwrap(
        api.POST('/v1/campaigns/{id}/imports', {
          params: { path: { id: campaignId }, query: { wait: false } },
          // `body` is what the client's types want (the form's fields); what is sent is the form, the file a File.
          body: { file: file.name, mapping: JSON.stringify(mapping) },
          bodySerializer: () => form,
        }),
      );
    },
  });
}

/**
 * An import job, asked again every half second while it runs. Once it has ended, the campaign's queries are
 * refreshed (its lead counts changed); an ended job never changes, so it is not asked again.
 */
export function useImportJob(campaignId: string, jobId: string | null) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: ['import', jobId],
    queryFn: async (): Promise<ImportJob> => {
      const job = await unwrap(api.GET('/v1/imports/{id}', { params: { path: { id: jobId! } } }));
      if (job.status !== 'running') {
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: campaignKeys.campaign(campaignId) }),
          queryClient.invalidateQueries({ queryKey: campaignKeys.list }),
        ]);
      }
      return job;
    },
    enabled: jobId !== null,
    staleTime: Infinity,
    refetchInterval: (query) => (query.state.data?.status === 'running' ? POLL_MS : false),
  });
}
