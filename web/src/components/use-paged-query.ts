import { keepPreviousData, useQuery, type QueryKey } from '@tanstack/react-query';
import { useState } from 'react';
import type { CursorPage } from './cursor-list';

/**
 * Cursor paging one page at a time: the API only says how to reach the next page, so the cursors of the pages
 * already seen are kept in a stack to go back. The first page has no cursor.
 */
function useCursorPages() {
  const [cursors, setCursors] = useState<readonly (string | undefined)[]>([undefined]);
  return {
    cursor: cursors[cursors.length - 1],
    pageNumber: cursors.length,
    hasPrevious: cursors.length > 1,
    next: (nextCursor: string) => setCursors((stack) => [...stack, nextCursor]),
    previous: () => setCursors((stack) => (stack.length > 1 ? stack.slice(0, -1) : stack)),
  };
}

export type CursorPages = ReturnType<typeof useCursorPages>;

/**
 * One page of a list at a time, with Previous and Next (`PagedList` shows both). `fetchPage` gets the `cursor`
 * to pass, none on the first page. The page on screen stays while the next loads, so the table keeps its
 * height. A list whose filter changes starts again from its first page: give its component a `key` made of
 * the filter.
 */
export function usePagedQuery<Item>(
  queryKey: QueryKey,
  fetchPage: (cursor: { cursor?: string }) => Promise<CursorPage<Item>>,
) {
  const pages = useCursorPages();
  const { cursor } = pages;
  const query = useQuery({
    queryKey: [...queryKey, { cursor: cursor ?? null }],
    queryFn: () => fetchPage(cursor === undefined ? {} : { cursor }),
    placeholderData: keepPreviousData,
  });
  return { pages, query };
}

export type PagedQuery<Item> = ReturnType<typeof usePagedQuery<Item>>;
