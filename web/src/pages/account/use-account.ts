import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../../api/client';
import { useApi } from '../../api/session';

/** The signed-in account with its balance; the header reads the same query, so both refresh together. */
export function useAccount() {
  const client = useApi();
  return useQuery({ queryKey: ['account'], queryFn: () => unwrap(client.GET('/v1/account')) });
}
