import { PasswordInput } from '@mantine/core';
import { useId } from 'react';

const REFUSED = "This is not the operator's admin key.";

/**
 * The operator's admin key, hidden as typed. Mantine's PasswordInput does not tie its description and error to
 * the input as its other inputs do, so that is done here: a screen reader says why the key was refused.
 */
export function AdminKeyInput({
  value,
  onChange,
  refused,
}: {
  readonly value: string;
  readonly onChange: (adminKey: string) => void;
  readonly refused: boolean;
}) {
  const descriptionId = useId();
  const errorId = useId();
  return (
    <PasswordInput
      label="Operator's admin key"
      description="Set with --admin-key or CALLWRIGHT_ADMIN_KEY when the server was started."
      descriptionProps={{ id: descriptionId }}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      error={refused ? REFUSED : undefined}
      errorProps={{ id: errorId }}
      aria-invalid={refused}
      aria-describedby={refused ? `${descriptionId} ${errorId}` : descriptionId}
      autoComplete="off"
      required
    />
  );
}
