import { Table, Text } from '@mantine/core';
import type { Call } from '../../api/types';
import { Panel } from '../../components/panel';

/** What the assistant reported after the call, one variable a row; null until (or unless) it reports. */
export function CallVariables({ variables }: { readonly variables: Call['variables'] }) {
  const entries = Object.entries(variables ?? {});
  return (
    <Panel title="Post-call variables">
      {entries.length === 0 ? (
        <Text size="sm" c="dimmed">
          {variables === null ? 'None reported.' : 'The report had no variables.'}
        </Text>
      ) : (
        <Table aria-label="Post-call variables" layout="fixed" withRowBorders>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Variable</Table.Th>
              <Table.Th>Value</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map(([name, value]) => (
              <Table.Tr key={name}>
                <Table.Td>{name}</Table.Td>
                <Table.Td>{typeof value === 'string' ? value || '""' : JSON.stringify(value)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Panel>
  );
}
