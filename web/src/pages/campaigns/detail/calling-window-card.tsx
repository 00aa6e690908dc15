import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { unwrap } from '../../../api/client';
import { useApi } from '../../../api/session';
import type { Campaign } from '../../../api/types';
import { QueryState } from '../../../components/query-state';
import { describeDialing, describeSchedule } from './calling-window-text';

/**
 * When the campaign calls (its window, in the assistant's time zone) and whether it is calling now: if not, why
 * and when it next will. The window lives in the campaign's settings, edited in the Settings tab.
 */
export function CallingWindowCard({ campaign }: { readonly campaign: Campaign }) {
  const api = useApi();
  const assistant = useQuery({
    queryKey: ['assistant', campaign.assistantId],
    queryFn: () => unwrap(api.GET('/v1/assistants/{id}', { params: { path: { id: campaign.assistantId } } })),
  });
  return (
    <Paper withBorder p="md" mih={96}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Title order={2} size="h5">
          Calling window
        </Title>
        <Anchor component={Link} to={`/campaigns/${encodeURIComponent(campaign.id)}/settings`} size="sm">
          Edit settings
        </Anchor>
      </Group>
      <QueryState query={assistant} what="the assistant's time zone" minHeight={44}>
        {({ timezone }) => (
          <Stack gap={4} mt={4}>
            <Text size="sm">
              {describeSchedule(campaign.schedule)} ({timezone})
            </Text>
            <Text size="sm" fw={500} role="status">
              {describeDialing(campaign, timezone)}
            </Text>
          </Stack>
        )}
      </QueryState>
    </Paper>
  );
}
