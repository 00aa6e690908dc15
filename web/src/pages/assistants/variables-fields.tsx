import { Stack, TextInput } from '@mantine/core';
import { fieldError } from '../../components/form-error';
import type { FieldsProps } from './assistant-form-values';
import { VariablesEditor } from './variables-editor';

/** The variables the assistant reports, and which of them is a callee's request not to be called again. */
export function VariablesFields({ values, onChange, error }: FieldsProps) {
  return (
    <Stack gap="md">
      <VariablesEditor
        rows={values.variables}
        onChange={(variables) => onChange({ variables })}
        error={error}
      />
      <TextInput
        label="Opt-out variable"
        description="The boolean variable by which a callee asks not to be called again: reported true, the number goes on the do-not-call list and the lead is completed. Empty: opt-outs are not read."
        value={values.optOutVariable}
        onChange={(event) => onChange({ optOutVariable: event.currentTarget.value })}
        error={fieldError(error, 'optOutVariable')}
        maw={480}
      />
    </Stack>
  );
}
