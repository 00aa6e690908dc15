import { Table, Text } from '@mantine/core';
import type { PreviewRow } from './import-preview-types';

const fieldsText = (fields: PreviewRow['fields']) =>
  Object.entries(fields)
    .map(([key, value]) => `${key}: ${value}`)
    .join('; ');

/** The first rows as they will be imported: numbers in E.164, and the values the import will refuse. */
export function PreviewRowsTable({
  rows,
  updating,
}: {
  readonly rows: readonly PreviewRow[];
  /** The rows are those of the previous roles while the API reads the file with the new ones. */
  readonly updating: boolean;
}) {
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table
        aria-label="First rows as they will be imported"
        aria-busy={updating}
        withTableBorder
        striped
        opacity={updating ? 0.6 : 1}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={60}>Row</Table.Th>
            <Table.Th>Phone</Table.Th>
            <Table.Th>Secondary phones</Table.Th>
            <Table.Th>Name</Table.Th>
            <Table.Th>Fields</Table.Th>
            <Table.Th>Refused values</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.rowNumber}>
              <Table.Td>{row.rowNumber}</Table.Td>
              <Table.Td>{row.phone ?? '—'}</Table.Td>
              <Table.Td>{row.secondaryPhones.join(', ') || '—'}</Table.Td>
              <Table.Td>{row.name ?? '—'}</Table.Td>
              <Table.Td>{fieldsText(row.fields) || '—'}</Table.Td>
              <Table.Td>
                {row.errors.map((error) => (
                  <Text key={`${error.column}:${error.value}`} size="sm" c="red.9">
                    {error.column} “{error.value}”: {error.reason}
                  </Text>
                ))}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
