import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../../api/client';
import { useApi } from '../../api/session';
import { useCursorList } from '../../components/cursor-list';

/** Every query of caller ids starts with this key: invalidate it after a change. */
export const PHONE_NUMBERS_KEY = ['phone-numbers'] as const;

/** The caller ids page by page, for their table. */
export function usePhoneNumberList() {
  const client = useApi();
  return useCursorList([...PHONE_NUMBERS_KEY, 'list'], (query) =>
    unwrap(client.GET('/v1/phone-numbers', { params: { query } })),
  );
}

/** The API's largest page: an account with more caller ids than this has outgrown a drop-down anyway. */
const OPTIONS_LIMIT = 1000;

/** The caller ids to choose from (an assistant's phone number) or to look up by id, in one request. */
export function usePhoneNumberOptions() {
  const client = useApi();
  return useQuery({
    queryKey: [...PHONE_NUMBERS_KEY, 'options'],
    queryFn: async () =>
      (await unwrap(client.GET('/v1/phone-numbers', { params: { query: { limit: OPTIONS_LIMIT } } }))).data,
  });
}
