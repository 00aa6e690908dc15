import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { followCampaignEvents } from '../../../api/event-stream';
import { useSession } from '../../../api/session';
import { campaignKeys } from '../../../components/campaign-actions/campaign-query-keys';
import { ACCOUNT_QUERY_KEY } from '../../../components/use-account';

const NONE: readonly QueryKey[] = [];

/** A burst of events (a hundred calls ending at once) refetches at most this often. */
const REFETCH_EVERY_MS = 500;

/**
 * Keeps a campaign's queries fresh while it is on screen: follows its event stream from `after` (the last event
 * the stats already count, so nothing between the read and the stream is missed) and refetches the campaign,
 * its stats and timeline, the account's balance and the `alsoRefresh` queries (a lead on its own page), when events
 * arrive. Starts once `after` is known; stops on unmount.
 */
export function useLiveCampaign(
  campaignId: string,
  after: number | undefined,
  alsoRefresh: readonly QueryKey[] = NONE,
) {
  const apiKey = useSession().apiKey;
  const queryClient = useQueryClient();
  // The stream starts from the first stats read; later refetches move `after` but must not restart it.
  const [start, setStart] = useState<{ campaignId: string; after: number } | null>(null);
  if (after !== undefined && start?.campaignId !== campaignId) setStart({ campaignId, after });

  useEffect(() => {
    if (start === null || apiKey === null) return;
    const stop = new AbortController();
    const refetch = throttle(() => {
      void queryClient.invalidateQueries({ queryKey: campaignKeys.campaign(start.campaignId) });
      // A call that ended was charged: the header's balance moves with the counters.
      void queryClient.invalidateQueries({ queryKey: ACCOUNT_QUERY_KEY, exact: true });
      for (const queryKey of alsoRefresh) void queryClient.invalidateQueries({ queryKey });
    }, REFETCH_EVERY_MS);
    void followCampaignEvents({
      apiKey,
      campaignId: start.campaignId,
      after: start.after,
      onEvent: refetch.call,
      signal: stop.signal,
    });
    return () => {
      stop.abort();
      refetch.cancel();
    };
  }, [apiKey, queryClient, start, alsoRefresh]);
}

/** Calls `run` at once, then at most once per `ms`: calls in between are folded into one at the period's end. */
function throttle(run: () => void, ms: number) {
  let lastRun = -Infinity;
  let timer: ReturnType<typeof setTimeout> | null = null;
  return {
    call: () => {
      if (timer !== null) return;
      timer = setTimeout(
        () => {
          timer = null;
          lastRun = Date.now();
          run();
        },
        Math.max(0, lastRun + ms - Date.now()),
      );
    },
    cancel: () => {
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}
