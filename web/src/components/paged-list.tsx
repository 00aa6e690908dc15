import { Button, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { QueryState } from './query-state';
import type { CursorPages, PagedQuery } from './use-paged-query';

/**
 * A list paged by cursor (`usePagedQuery`), a page at a time: its loading, error and empty states, the page
 * (`children`, a table), then "Page N", Previous and Next.
 */
export function PagedList<Item>({
  paged,
  what,
  empty,
  minHeight = 240,
  children,
}: {
  readonly paged: PagedQuery<Item>;
  /** What the rows are, for the messages: "calls". */
  readonly what: string;
  /** What to show when the list has no row at all. */
  readonly empty: ReactNode;
  /** The space the list keeps while it loads, so nothing below it jumps. */
  readonly minHeight?: number;
  readonly children: (rows: readonly Item[]) => ReactNode;
}) {
  const { pages, query } = paged;
  return (
    <QueryState
      query={query}
      what={what}
      minHeight={minHeight}
      isEmpty={(page) => page.data.length === 0 && !pages.hasPrevious}
      empty={empty}
    >
      {(page) => (
        <Stack gap="sm" aria-busy={query.isPlaceholderData}>
          {children(page.data)}
          <PageButtons pages={pages} nextCursor={page.nextCursor} loading={query.isPlaceholderData} />
        </Stack>
      )}
    </QueryState>
  );
}

/** Next waits while the next page loads, so a double click does not skip one; nothing when all fits on one. */
function PageButtons({
  pages,
  nextCursor,
  loading,
}: {
  readonly pages: CursorPages;
  readonly nextCursor: string | null;
  readonly loading: boolean;
}) {
  if (!pages.hasPrevious && nextCursor === null) return null;
  return (
    <Group justify="flex-end" gap="sm">
      <Text size="sm" c="dimmed" aria-live="polite">
        Page {pages.pageNumber}
      </Text>
      <Button variant="default" size="xs" disabled={!pages.hasPrevious} onClick={pages.previous}>
        Previous
      </Button>
      <Button
        variant="default"
        size="xs"
        disabled={nextCursor === null || loading}
        onClick={() => nextCursor !== null && pages.next(nextCursor)}
      >
        Next
      </Button>
    </Group>
  );
}
