import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../../api/client';
import { useApi } from '../../api/session';
import type { PhoneNumber } from '../../api/types';
import { ConfirmModal } from '../../components/confirm-modal';
import { PHONE_NUMBERS_KEY } from './use-phone-numbers';

/** Deletes a caller id once confirmed; the API refuses (409) while an assistant calls from it. */
export function DeletePhoneNumberModal({
  phone,
  onClose,
}: {
  readonly phone: PhoneNumber | null;
  readonly onClose: () => void;
}) {
  const client = useApi();
  const queryClient = useQueryClient();
  return (
    <ConfirmModal
      target={phone}
      title="Delete phone number"
      confirmLabel="Delete"
      describe={(target) => `Delete ${target.number}? Campaigns can no longer call from it.`}
      action={(target) =>
        unwrap(client.DELETE('/v1/phone-numbers/{id}', { params: { path: { id: target.id } } }))
      }
      onDone={(target) => {
        notifications.show({ color: 'green', message: `${target.number} deleted.` });
        return queryClient.invalidateQueries({ queryKey: PHONE_NUMBERS_KEY });
      }}
      onClose={onClose}
    />
  );
}
