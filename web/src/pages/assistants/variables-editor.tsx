import { Button, CloseButton, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { ApiError } from '../../api/client';
import { fieldError } from '../../components/form-error';
import {
  newVariableRow,
  VARIABLE_TYPE_OPTIONS,
  type VariableRow,
  type VariableType,
} from './assistant-form-values';

/** Rows of name and type, added and removed freely; the API checks names (format, uniqueness) per row. */
export function VariablesEditor({
  rows,
  onChange,
  error,
}: {
  readonly rows: readonly VariableRow[];
  readonly onChange: (rows: readonly VariableRow[]) => void;
  readonly error: unknown;
}) {
  // The list's own message (too many variables); a row's messages stand under the row.
  const listError = error instanceof ApiError ? error.fieldMessage('variables') : undefined;
  const update = (key: number, change: Partial<VariableRow>) =>
    onChange(rows.map((row) => (row.key === key ? { ...row, ...change } : row)));
  return (
    <Stack gap="xs">
      {rows.length === 0 && (
        <Text size="sm" c="dimmed">
          No variable yet.
        </Text>
      )}
      {rows.map((row, index) => (
        <Group key={row.key} align="flex-start" gap="xs" wrap="nowrap">
          <TextInput
            aria-label={`Variable ${index + 1} name`}
            placeholder="appointment_booked"
            value={row.name}
            onChange={(event) => update(row.key, { name: event.currentTarget.value })}
            error={fieldError(error, `variables[${index}].name`)}
            flex={1}
          />
          <Select<VariableType>
            aria-label={`Variable ${index + 1} type`}
            data={VARIABLE_TYPE_OPTIONS}
            value={row.type}
            onChange={(type) => type !== null && update(row.key, { type })}
            error={fieldError(error, `variables[${index}].type`)}
            allowDeselect={false}
            w={200}
          />
          <CloseButton
            aria-label={`Remove variable ${index + 1}`}
            onClick={() => onChange(rows.filter((other) => other.key !== row.key))}
            mt={4}
          />
        </Group>
      ))}
      {listError !== undefined && (
        <Text size="sm" c="red">
          {listError}
        </Text>
      )}
      <Group>
        <Button variant="default" size="xs" onClick={() => onChange([...rows, newVariableRow()])}>
          Add variable
        </Button>
      </Group>
    </Stack>
  );
}
