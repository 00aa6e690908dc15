import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../../../api/client';
import { useApi } from '../../../api/session';
import type { Assistant } from '../../../api/types';

/** One assistant: its time zone (the calling hours are read in it) and its variables (a goal is one of them). */
export function useAssistant(id: string | null) {
  const api = useApi();
  return useQuery({
    queryKey: ['assistant', id],
    queryFn: () => unwrap(api.GET('/v1/assistants/{id}', { params: { path: { id: id! } } })),
    enabled: id !== null,
  });
}

/** The variables a goal can be: the assistant's boolean ones. */
export function goalVariablesOf(assistant: Assistant | undefined): readonly string[] | null {
  if (assistant === undefined) return null;
  return assistant.variables
    .filter((variable) => variable.type === 'boolean')
    .map((variable) => variable.name);
}
