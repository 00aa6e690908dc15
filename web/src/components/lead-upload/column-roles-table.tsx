import { Select, Table, Text } from '@mantine/core';
import { COLUMN_ROLES, type ColumnRole, type RoledColumn } from './column-roles';

/** The file's columns and what each will be; the user can give a column another role. */
export function ColumnRolesTable({
  columns,
  onRoleChange,
  disabled,
}: {
  readonly columns: readonly RoledColumn[];
  readonly onRoleChange: (header: string, role: ColumnRole) => void;
  readonly disabled: boolean;
}) {
  return (
    <Table aria-label="Columns of the file" withTableBorder maw={560} layout="fixed">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Column</Table.Th>
          <Table.Th>Imported as</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {columns.map((column, index) => (
          // A column without a header has an empty one, which another such column may share.
          <Table.Tr key={column.header === '' ? `#${index}` : column.header}>
            <Table.Td>{column.header === '' ? `Column ${index + 1} (no header)` : column.header}</Table.Td>
            <Table.Td>
              {column.header === '' ? (
                // The mapping names columns by header: one without a header cannot be given a role.
                <Text size="sm" c="dimmed">
                  Ignored
                </Text>
              ) : (
                <Select
                  aria-label={`Role of the column ${column.header}`}
                  data={COLUMN_ROLES}
                  value={column.role}
                  onChange={(role) => role !== null && onRoleChange(column.header, role)}
                  allowDeselect={false}
                  disabled={disabled}
                  size="xs"
                />
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
