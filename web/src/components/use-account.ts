import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../api/client';
import { useApi } from '../api/session';

/** The account's query: the header, the account page and live campaigns (whose calls cost money) share it. */
export const ACCOUNT_QUERY_KEY = ['account'] as const;

/** The signed-in account with its balance; the header reads the same query, so both refresh together. */
export function useAccount() {
  const client = useApi();
  return useQuery({ queryKey: ACCOUNT_QUERY_KEY, queryFn: () => unwrap(client.GET('/v1/account')) });
}
