import { Button, Table, VisuallyHidden } from '@mantine/core';

/** The header of a column of row buttons: silent on screen, named for screen readers. */
export function ActionsTh() {
  return (
    <Table.Th>
      <VisuallyHidden>Actions</VisuallyHidden>
    </Table.Th>
  );
}

/** "Delete" or "Remove" on a row, named after the row for screen readers ("Delete +12125550199"). */
export function DangerRowButton({
  label,
  target,
  onClick,
}: {
  readonly label: string;
  readonly target: string;
  readonly onClick: () => void;
}) {
  return (
    <Button variant="subtle" color="red" size="xs" aria-label={`${label} ${target}`} onClick={onClick}>
      {label}
    </Button>
  );
}
