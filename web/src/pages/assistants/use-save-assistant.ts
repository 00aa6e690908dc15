import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { unwrap } from '../../api/client';
import { useApi } from '../../api/session';
import type { AssistantInput } from './assistant-form-values';

/** Creates the assistant (then opens its page) or saves its changes, and says so. */
export function useSaveAssistant(assistantId: string | undefined) {
  const client = useApi();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: (body: AssistantInput) =>
      assistantId === undefined
        ? unwrap(client.POST('/v1/assistants', { body }))
        : unwrap(client.PATCH('/v1/assistants/{id}', { params: { path: { id: assistantId } }, body })),
    onSuccess: async (saved) => {
      queryClient.setQueryData(['assistant', saved.id], saved);
      await queryClient.invalidateQueries({ queryKey: ['assistants'] });
      if (assistantId !== undefined) {
        notifications.show({ color: 'green', message: `${saved.name}: changes saved.` });
        return;
      }
      notifications.show({ color: 'green', message: `Assistant ${saved.name} created.` });
      // Replaced, so that Back leads to the list rather than to an empty "new" form.
      await navigate(`/assistants/${saved.id}`, { replace: true });
    },
  });
}
