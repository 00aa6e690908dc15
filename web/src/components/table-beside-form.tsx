import { Grid } from '@mantine/core';
import type { ReactNode } from 'react';

/** A list and the form that adds to it: side by side on a wide screen, the form below on a narrow one. */
export function TableBesideForm({ table, form }: { readonly table: ReactNode; readonly form: ReactNode }) {
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, lg: 8 }}>{table}</Grid.Col>
      <Grid.Col span={{ base: 12, lg: 4 }}>{form}</Grid.Col>
    </Grid>
  );
}
