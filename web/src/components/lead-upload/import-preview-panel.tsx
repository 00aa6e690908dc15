import { Button, Group, Stack, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { ErrorAlert, QueryState } from '../query-state';
import { toMapping, withRole, type ColumnMapping, type RoledColumn } from './column-roles';
import { ColumnRolesTable } from './column-roles-table';
import type { ImportPreview } from './import-preview-types';
import { PreviewRowsTable } from './preview-rows-table';

/** The separators the import recognises, by name: a tab is invisible between quotes. */
const DELIMITER_NAMES: Record<string, string> = {
  ',': 'commas',
  ';': 'semicolons',
  '\t': 'tabs',
  '|': 'pipes (|)',
};

/**
 * The preview of a picked file: its columns with their roles (changeable) and its first rows as they will be
 * imported, then the button that imports the whole file with the roles shown.
 */
export function ImportPreviewPanel({
  fileName,
  preview,
  chosen,
  onRolesChange,
  onImport,
  importing,
}: {
  readonly fileName: string;
  readonly preview: UseQueryResult<ImportPreview>;
  /** The roles the user gave the columns; null while they are the ones the API found. */
  readonly chosen: readonly RoledColumn[] | null;
  readonly onRolesChange: (columns: readonly RoledColumn[]) => void;
  readonly onImport: (mapping: ColumnMapping) => void;
  readonly importing: boolean;
}) {
  const { data } = preview;
  // The API's roles once it has read the file with the user's; the user's while it reads them, or when it
  // refused them (its answer is then a problem, with no columns), so they can be changed back.
  const current = data !== undefined && !preview.isPlaceholderData;
  const columns = current ? data.columns : (chosen ?? data?.columns);
  if (columns === undefined) {
    return (
      <QueryState query={preview} what="the file's preview" minHeight={240}>
        {() => null}
      </QueryState>
    );
  }
  return (
    <Stack gap="md">
      {data !== undefined && (
        <Text size="sm" c="dimmed">
          Read as {data.encoding}, values separated by{' '}
          {DELIMITER_NAMES[data.delimiter] ?? `“${data.delimiter}”`}. Change a column’s role if it is not what
          the column holds.
        </Text>
      )}
      <ColumnRolesTable
        columns={columns}
        onRoleChange={(header, role) => onRolesChange(withRole(columns, header, role))}
        disabled={importing}
      />
      {preview.isError ? (
        <ErrorAlert error={preview.error} title="The file cannot be imported this way" />
      ) : (
        <PreviewRowsTable rows={data?.rows ?? []} updating={preview.isPlaceholderData} />
      )}
      <Group>
        <Button onClick={() => onImport(toMapping(columns))} loading={importing} disabled={!current}>
          Import {fileName}
        </Button>
      </Group>
    </Stack>
  );
}
