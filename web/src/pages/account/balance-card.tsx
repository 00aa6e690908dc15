import { Card, Group, Stack, Text, Title } from '@mantine/core';
import { QueryState } from '../../components/query-state';
import { formatMoney } from '../../components/format';
import { useAccount } from '../../components/use-account';

/** The balance as the API states it (exact decimal text), with what is held back and what a start needs. */
export function BalanceCard() {
  const account = useAccount();
  return (
    <Card withBorder padding="lg" h="100%">
      <Title order={2} size="h4" mb="sm">
        Balance
      </Title>
      <QueryState query={account} what="the balance" minHeight={140}>
        {({ balance, reserved, minimumStartBalance }) => (
          <Stack gap="xs" mih={140}>
            <Group gap={8} align="baseline">
              <Text fz={40} fw={700} lh={1.1} style={{ fontVariantNumeric: 'tabular-nums' }}>
                {balance.amount}
              </Text>
              <Text fz="xl" fw={600} c="dimmed">
                {balance.currency}
              </Text>
            </Group>
            <Text size="sm">
              Held for calls in progress: <b>{formatMoney(reserved)}</b>
            </Text>
            <Text size="sm">
              A campaign starts only with at least <b>{formatMoney(minimumStartBalance)}</b>.
            </Text>
          </Stack>
        )}
      </QueryState>
    </Card>
  );
}
