import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../../../api/client';
import { useApi } from '../../../api/session';

/** The account's assistants to choose from (the first 1,000: more than an account keeps in practice). */
export function useAssistantChoices() {
  const api = useApi();
  return useQuery({
    queryKey: ['assistants', 'choices'],
    queryFn: async () =>
      (await unwrap(api.GET('/v1/assistants', { params: { query: { limit: 1000 } } }))).data,
  });
}
