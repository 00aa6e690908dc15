import { Button, Card, Group, Stack } from '@mantine/core';
import { useState, type FormEvent, type ReactNode } from 'react';
import type { Assistant } from '../../api/types';
import { CardHeading } from '../../components/form-card';
import { FormError } from '../../components/form-error';
import {
  assistantInputOf,
  formValuesOf,
  SHOWN_FIELDS,
  type AssistantFormValues,
} from './assistant-form-values';
import { CallingFields } from './calling-fields';
import { VariablesFields } from './variables-fields';
import { useSaveAssistant } from './use-save-assistant';

/** Every setting of an assistant; creates one (`assistant` undefined) or edits it. */
export function AssistantForm({ assistant }: { readonly assistant: Assistant | undefined }) {
  const [values, setValues] = useState(() => formValuesOf(assistant));
  const save = useSaveAssistant(assistant?.id);
  const onChange = (change: Partial<AssistantFormValues>) =>
    setValues((current) => ({ ...current, ...change }));
  const fields = { values, onChange, error: save.error };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(assistantInputOf(values));
  };

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={assistant === undefined ? 'New assistant' : assistant.name}
    >
      <Stack gap="lg">
        <Section title="Calls">
          <CallingFields {...fields} />
        </Section>
        <Section
          title="Post-call variables"
          description="Values the assistant reports after a call; a boolean one can be a campaign's goal."
        >
          <VariablesFields {...fields} />
        </Section>
        <FormError error={save.error} fields={SHOWN_FIELDS} title="Not saved" />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {assistant === undefined ? 'Create assistant' : 'Save changes'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Section({
  title,
  description,
  children,
}: {
  readonly title: string;
  readonly description?: string;
  readonly children: ReactNode;
}) {
  return (
    <Card withBorder padding="lg" component="section" aria-label={title}>
      <Stack gap="sm">
        <CardHeading title={title} description={description} />
        {children}
      </Stack>
    </Card>
  );
}
