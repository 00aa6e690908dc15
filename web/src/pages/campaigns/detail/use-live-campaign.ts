import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { followCampaignEvents } from '../../../api/event-stream';
import { useSession } from '../../../api/session';
import { campaignKeys } from '../../../components/campaign-actions/campaign-query-keys';
import { ACCOUNT_QUERY_KEY } from '../../../components/use-account';

const NONE: readonly QueryKey[] = [];

/** The campaign, its counters, the balance, a lead: O(1) reads, refetched at most this often in a burst. */
const COUNTERS_EVERY_MS = 500;
/**
 * Lists and the calls-over-time chart: a page of leads searched for a rare name scans the campaign's leads, and
 * the timeline groups all its calls (0.5–0.8 s at 1,000,000 calls). Refetched twice a second while a large
 * campaign runs, they would keep the server's database busy for whoever watches it.
 */
const SCANS_EVERY_MS = 10_000;

/** Whether a query under the campaign's key is the campaign or its counters (cheap), not a list or the timeline. */
const isCounters = (key: QueryKey) => key.length === 2 || key[2] === 'stats';

/**
 * Keeps a campaign's queries fresh while it is on screen: follows its event stream from `after` (the last event
 * the stats already count, so nothing between the read and the stream is missed) and, when events arrive,
 * refetches the campaign, its stats, the account's balance and the `alsoRefresh` queries (a lead on its own page)
 * at once, and its lists and timeline at most every 10 s. Starts once `after` is known; stops on unmount.
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
    const campaignKey = campaignKeys.campaign(start.campaignId);
    const counters = throttle(() => {
      void queryClient.invalidateQueries({ queryKey: campaignKey, predicate: (q) => isCounters(q.queryKey) });
      // A call that ended was charged: the header's balance moves with the counters.
      void queryClient.invalidateQueries({ queryKey: ACCOUNT_QUERY_KEY, exact: true });
      for (const queryKey of alsoRefresh) void queryClient.invalidateQueries({ queryKey });
    }, COUNTERS_EVERY_MS);
    const scans = throttle(
      () =>
        void queryClient.invalidateQueries({
          queryKey: campaignKey,
          predicate: (q) => !isCounters(q.queryKey),
        }),
      SCANS_EVERY_MS,
    );
    void followCampaignEvents({
      apiKey,
      campaignId: start.campaignId,
      after: start.after,
      onEvent: () => {
        counters.call();
        scans.call();
      },
      signal: stop.signal,
    });
    return () => {
      stop.abort();
      counters.cancel();
      scans.cancel();
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
