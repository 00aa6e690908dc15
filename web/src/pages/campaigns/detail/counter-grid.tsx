import { Paper, SimpleGrid, Text, Title } from '@mantine/core';

export interface Counter {
  readonly label: string;
  readonly value: string;
}

/**
 * A titled grid of counters. Every card has the same fixed size and the digits are tabular, so numbers that grow
 * while the campaign runs change in place instead of pushing the layout around.
 */
export function CounterGrid({
  title,
  counters,
  columns,
}: {
  readonly title: string;
  readonly counters: readonly Counter[];
  readonly columns: number;
}) {
  return (
    <section aria-label={title}>
      <Title order={2} size="h5" mb="xs">
        {title}
      </Title>
      <SimpleGrid cols={{ base: 3, md: columns }} spacing="sm">
        {counters.map((counter) => (
          <Paper key={counter.label} withBorder p="sm" h={76} role="group" aria-label={counter.label}>
            <Text size="xs" c="dimmed" lineClamp={1}>
              {counter.label}
            </Text>
            <Text size="xl" fw={700} lh={1.4} style={{ fontVariantNumeric: 'tabular-nums' }} truncate>
              {counter.value}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
    </section>
  );
}
