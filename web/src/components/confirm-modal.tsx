import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { ErrorAlert } from './query-state';

/**
 * "Are you sure?" before something that cannot be undone, done on `target` when confirmed. It stays open on
 * failure and shows the API's refusal (a caller id still in use), so the user reads why nothing happened.
 */
export function ConfirmModal<Target>({
  target,
  title,
  confirmLabel,
  describe,
  action,
  onDone,
  onClose,
}: {
  /** What to act on; null closes the dialog. */
  readonly target: Target | null;
  readonly title: string;
  readonly confirmLabel: string;
  readonly describe: (target: Target) => ReactNode;
  readonly action: (target: Target) => Promise<unknown>;
  readonly onDone: (target: Target) => Promise<unknown> | void;
  readonly onClose: () => void;
}) {
  // The last target stays on screen while the dialog fades out after `target` became null.
  const [shown, setShown] = useState(target);
  if (target !== null && target !== shown) setShown(target);
  const mutation = useMutation({ mutationFn: action, onSuccess: (_, done) => onDone(done) });
  const close = () => {
    mutation.reset();
    onClose();
  };
  const confirm = () => {
    if (target !== null) mutation.mutate(target, { onSuccess: close });
  };
  return (
    <Modal opened={target !== null} onClose={close} title={title} centered>
      <Stack>
        <Text size="sm">{shown === null ? null : describe(shown)}</Text>
        {mutation.isError && <ErrorAlert error={mutation.error} title="Not done" />}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button color="red" onClick={confirm} loading={mutation.isPending} data-autofocus>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
