import { Anchor, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { unwrap } from '../../api/client';
import { useApi } from '../../api/session';
import type { Call } from '../../api/types';
import { Panel } from '../../components/panel';
import { QueryState } from '../../components/query-state';
import { StatusBadge } from '../../components/status-badge';
import { useCampaignTimeZone } from '../../components/use-campaign-time-zone';
import { CallFacts } from './call-facts';
import { CallTimeline } from './call-timeline';
import { CallVariables } from './call-variables';

/** One call: what happened (status timeline), who answered, how long, what it cost, what the assistant reported. */
export function CallPage() {
  const { callId = '' } = useParams();
  const api = useApi();
  const call = useQuery({
    queryKey: ['call', callId],
    queryFn: () => unwrap(api.GET('/v1/calls/{id}', { params: { path: { id: callId } } })),
  });
  return (
    <QueryState query={call} what="the call" minHeight={400}>
      {(loaded) => <CallDetails call={loaded} />}
    </QueryState>
  );
}

function CallDetails({ call }: { readonly call: Call }) {
  const timeZone = useCampaignTimeZone(call.campaignId);
  return (
    <Stack gap="md">
      <Group gap="lg">
        <Anchor component={Link} to={`/leads/${encodeURIComponent(call.leadId)}`} size="sm">
          ← Lead: {call.leadName ?? 'Unnamed lead'}
        </Anchor>
        <Anchor component={Link} to={`/campaigns/${encodeURIComponent(call.campaignId)}/calls`} size="sm">
          The campaign&apos;s calls
        </Anchor>
      </Group>
      <Group gap="md">
        <Title order={1} size="h2">
          Call to {call.phone}
        </Title>
        <StatusBadge status={call.status} />
      </Group>
      <QueryState query={timeZone} what="the campaign's time zone" minHeight={300}>
        {(zone) => (
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <Stack gap="md">
              <CallFacts call={call} timeZone={zone} />
              <CallVariables variables={call.variables} />
            </Stack>
            <Panel title="Status timeline">
              <CallTimeline call={call} timeZone={zone} />
              <Text size="xs" c="dimmed" mt="sm">
                Times in {zone}: placed by the dialer, then as the provider reported them.
              </Text>
            </Panel>
          </SimpleGrid>
        )}
      </QueryState>
    </Stack>
  );
}
