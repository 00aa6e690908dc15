import { Stack, Table, Text } from '@mantine/core';
import type { UseInfiniteQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { QueryState } from './query-state';
import { LoadMore } from './cursor-list';

/**
 * A table of a cursor-paginated list with its loading, error and empty states and "Load more". Narrow windows
 * scroll the table sideways instead of squeezing its columns.
 */
export function CursorTable<Item>({
  list,
  what,
  empty,
  header,
  minWidth = 600,
  children,
}: {
  readonly list: UseInfiniteQueryResult<readonly Item[]>;
  /** What the rows are: "phone numbers". */
  readonly what: string;
  /** What to say when there is no row. */
  readonly empty: string;
  /** Above the table: its title, a search. */
  readonly header?: ReactNode;
  readonly minWidth?: number;
  /** The table itself. */
  readonly children: (rows: readonly Item[]) => ReactNode;
}) {
  return (
    <Stack gap="sm">
      {header}
      <QueryState
        query={list}
        what={what}
        isEmpty={(rows) => rows.length === 0}
        empty={<Text c="dimmed">{empty}</Text>}
      >
        {(rows) => <Table.ScrollContainer minWidth={minWidth}>{children(rows)}</Table.ScrollContainer>}
      </QueryState>
      <LoadMore list={list} what={what} />
    </Stack>
  );
}
