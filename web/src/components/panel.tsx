import { Group, Paper, Title } from '@mantine/core';
import { useId, type ReactNode } from 'react';

/**
 * A titled panel (a chart, a call's timeline, a lead's numbers), a `section` named by its title for assistive
 * technology; `controls` sit on the right of the title.
 */
export function Panel({
  title,
  controls,
  children,
}: {
  readonly title: string;
  readonly controls?: ReactNode;
  readonly children: ReactNode;
}) {
  const titleId = useId();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={titleId}>
      <Group justify="space-between" mb="sm" mih={30}>
        <Title order={2} size="h5" id={titleId}>
          {title}
        </Title>
        {controls}
      </Group>
      {children}
    </Paper>
  );
}
