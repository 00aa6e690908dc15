import { Alert, Center, Loader, Stack, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ApiError } from '../api/client';

/**
 * The loading, error and empty states every view needs, in one place: `children` renders only with data.
 * `minHeight` keeps the space a view will take, so nothing below it jumps when the data arrives.
 */
export function QueryState<T>({
  query,
  what,
  isEmpty,
  empty,
  minHeight = 120,
  children,
}: {
  readonly query: UseQueryResult<T>;
  /** What is being loaded, for the messages: "campaigns". */
  readonly what: string;
  readonly isEmpty?: (data: T) => boolean;
  readonly empty?: ReactNode;
  readonly minHeight?: number;
  readonly children: (data: T) => ReactNode;
}) {
  if (query.isPending) {
    return (
      <Center mih={minHeight} aria-busy="true">
        <Loader size="sm" aria-label={`Loading ${what}`} />
      </Center>
    );
  }
  if (query.isError) return <ErrorAlert error={query.error} title={`Could not load ${what}`} />;
  if (isEmpty?.(query.data) === true && empty !== undefined) {
    return (
      <Center mih={minHeight}>
        <Stack align="center" gap="xs">
          {empty}
        </Stack>
      </Center>
    );
  }
  return <>{children(query.data)}</>;
}

/** An error as the API worded it, with each field's message when the API named fields. */
export function ErrorAlert({ error, title }: { readonly error: unknown; readonly title: string }) {
  const problem = error instanceof ApiError ? error.problem : null;
  return (
    <Alert color="red" title={title} role="alert">
      <Text size="sm">{problem?.detail ?? (error instanceof Error ? error.message : String(error))}</Text>
      {problem?.errors?.map((fieldError) => (
        <Text size="sm" key={fieldError.path}>
          <b>{fieldError.path}</b>: {fieldError.message}
        </Text>
      ))}
    </Alert>
  );
}
