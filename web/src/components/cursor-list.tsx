import { Button, Center } from '@mantine/core';
import { useInfiniteQuery, type QueryKey, type UseInfiniteQueryResult } from '@tanstack/react-query';

/** One page of a list as every list route answers it. */
export interface CursorPage<Item> {
  readonly data: readonly Item[];
  readonly nextCursor: string | null;
}

/** The query of one page: the API's default size (a screenful or two), after `cursor` when given. */
export interface PageQuery {
  readonly limit: number;
  readonly cursor?: string;
}

const PAGE_SIZE = 100;

/**
 * A cursor-paginated list as the pages fetched so far, flattened into one array; `LoadMore` asks for the next
 * page. The list grows at its end, so rows already read never move.
 */
export function useCursorList<Item>(
  queryKey: QueryKey,
  fetchPage: (query: PageQuery) => Promise<CursorPage<Item>>,
): UseInfiniteQueryResult<readonly Item[]> {
  return useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam }) =>
      fetchPage(pageParam === undefined ? { limit: PAGE_SIZE } : { limit: PAGE_SIZE, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    select: (data) => data.pages.flatMap((page) => page.data),
  });
}

/** "Load more" below a list while the API has more of it. */
export function LoadMore({
  list,
  what,
}: {
  readonly list: UseInfiniteQueryResult<unknown>;
  /** What the rows are, for the button's name: "ledger entries". */
  readonly what: string;
}) {
  if (!list.hasNextPage) return null;
  return (
    <Center>
      <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
        Load more {what}
      </Button>
    </Center>
  );
}
