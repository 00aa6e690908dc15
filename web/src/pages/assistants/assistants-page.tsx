import { Anchor, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { unwrap } from '../../api/client';
import { useApi } from '../../api/session';
import { formatMoney } from '../../components/format';
import { useCursorList } from '../../components/cursor-list';
import { CursorTable } from '../../components/cursor-table';
import { providerLabel } from '../phone-numbers/providers';
import { usePhoneNumberOptions } from '../phone-numbers/use-phone-numbers';

/** `/assistants`: who speaks on the calls, at what price, from which number. */
export function AssistantsPage() {
  const client = useApi();
  const assistants = useCursorList(['assistants', 'list'], (query) =>
    unwrap(client.GET('/v1/assistants', { params: { query } })),
  );
  const phoneNumbers = usePhoneNumberOptions();
  const numberOf = (id: string | null) =>
    id === null ? '—' : (phoneNumbers.data?.find((phone) => phone.id === id)?.number ?? id);
  return (
    <Stack gap="lg" maw={1200}>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            Assistants
          </Title>
          <Text c="dimmed" size="sm">
            The AI that speaks on a campaign&apos;s calls, at its price per minute.
          </Text>
        </div>
        <Button component={Link} to="/assistants/new">
          New assistant
        </Button>
      </Group>
      <Card withBorder padding="lg">
        <CursorTable
          list={assistants}
          what="assistants"
          empty="No assistant yet: create one to start a campaign."
          minWidth={720}
        >
          {(rows) => (
            <Table aria-label="Assistants" striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Provider</Table.Th>
                  <Table.Th>Time zone</Table.Th>
                  <Table.Th ta="right">Rate per minute</Table.Th>
                  <Table.Th>Phone number</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((assistant) => (
                  <Table.Tr key={assistant.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/assistants/${assistant.id}`}>
                        {assistant.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{providerLabel(assistant.provider)}</Table.Td>
                    <Table.Td>{assistant.timezone}</Table.Td>
                    <Table.Td ta="right">{formatMoney(assistant.ratePerMinute)}</Table.Td>
                    <Table.Td ff="monospace">{numberOf(assistant.phoneNumberId)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </CursorTable>
      </Card>
    </Stack>
  );
}
