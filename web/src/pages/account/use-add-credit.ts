import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, createApiClient, unwrap } from '../../api/client';
import { ACCOUNT_QUERY_KEY } from '../../components/use-account';

/**
 * `POST /v1/accounts/{id}/credits` with the operator's admin key. It goes through a client of its own: the
 * session's client carries the account key, and signs the browser out on a 401, which a mistyped admin key
 * must not do.
 */
export function useAddCredit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      accountId,
      adminKey,
      amount,
      note,
    }: {
      accountId: string;
      adminKey: string;
      amount: string;
      note: string;
    }) =>
      unwrap(
        createApiClient(adminKey, () => undefined).POST('/v1/accounts/{id}/credits', {
          params: { path: { id: accountId } },
          body: { amount, ...(note === '' ? {} : { note }) },
        }),
      ),
    // The account's key covers the balance (here and in the header) and, below it, the ledger.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ACCOUNT_QUERY_KEY }),
  });
}

/** An unknown key answers 401; an account's key 403 (admin_key_required). Either way: not the admin key. */
export function isWrongAdminKey(error: unknown): boolean {
  return error instanceof ApiError && (error.problem.status === 401 || error.problem.status === 403);
}
