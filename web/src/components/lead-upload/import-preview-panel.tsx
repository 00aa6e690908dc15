import { Alert, Button, Group, Stack, Text } from '@mantine/core';
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

const REFUSED = 'The file cannot be imported this way';

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
  const current = data !== undefined && !preview.isPlaceholderData;
  // Why the import would refuse the file read this way: the request's, or the mapping's (no phone column found).
  const refused = preview.isError || (current && data.problem !== null);
  // The API's roles once it has read the file with the user's; the user's while it reads them, or when it refused
  // them, so they can be changed again. A first reading it refused shows each column as a field, to be mapped.
  const columns = current && !refused ? data.columns : (chosen ?? data?.columns);
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
      {preview.isError && <ErrorAlert error={preview.error} title={REFUSED} />}
      {current && data.problem !== null && (
        <Alert color="red" title={REFUSED} role="alert">
          <Text size="sm">{data.problem.message}</Text>
        </Alert>
      )}
      {!refused && <PreviewRowsTable rows={data?.rows ?? []} updating={preview.isPlaceholderData} />}
      <Group>
        <Button
          onClick={() => onImport(toMapping(columns))}
          loading={importing}
          disabled={!current || refused}
        >
          Import {fileName}
        </Button>
      </Group>
    </Stack>
  );
}
