import { Anchor, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { unwrap } from '../../api/client';
import { useApi } from '../../api/session';
import { QueryState } from '../../components/query-state';
import { AssistantForm } from './assistant-form';

/** `/assistants/new` and `/assistants/:assistantId`: an assistant's settings, to create or to edit. */
export function AssistantPage() {
  const { assistantId } = useParams();
  if (assistantId === undefined) {
    return (
      <AssistantFrame title="New assistant">
        <AssistantForm assistant={undefined} />
      </AssistantFrame>
    );
  }
  // Keyed: after a create the page moves to the new id without remounting, and the form must start afresh.
  return <ExistingAssistant key={assistantId} assistantId={assistantId} />;
}

function ExistingAssistant({ assistantId }: { readonly assistantId: string }) {
  const client = useApi();
  const assistant = useQuery({
    queryKey: ['assistant', assistantId],
    queryFn: () => unwrap(client.GET('/v1/assistants/{id}', { params: { path: { id: assistantId } } })),
  });
  return (
    <AssistantFrame title={assistant.data?.name ?? 'Assistant'}>
      <QueryState query={assistant} what="the assistant" minHeight={400}>
        {(loaded) => <AssistantForm assistant={loaded} />}
      </QueryState>
    </AssistantFrame>
  );
}

function AssistantFrame({ title, children }: { readonly title: string; readonly children: ReactNode }) {
  return (
    <Stack gap="md" maw={960}>
      <Anchor component={Link} to="/assistants" size="sm">
        ← Assistants
      </Anchor>
      <Title order={1} size="h2">
        {title}
      </Title>
      {children}
    </Stack>
  );
}
