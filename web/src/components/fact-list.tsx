import { DataList } from '@mantine/core';
import type { ReactNode } from 'react';

/** Labelled values as a description list (`dl`): what a screen reader reads as term and definition. */
export function FactList({
  facts,
}: {
  readonly facts: readonly (readonly [label: string, value: ReactNode])[];
}) {
  return (
    <DataList labelWidth={140} gap="xs">
      {facts.map(([label, value]) => (
        <DataList.Item key={label}>
          <DataList.ItemLabel c="dimmed">{label}</DataList.ItemLabel>
          <DataList.ItemValue>{value}</DataList.ItemValue>
        </DataList.Item>
      ))}
    </DataList>
  );
}
