import { Anchor, Group, SimpleGrid, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { unwrap } from '../../api/client';
import { useApi } from '../../api/session';
import type { LeadDetail } from '../../api/types';
import { QueryState } from '../../components/query-state';
import { useCampaignTimeZone } from '../../components/use-campaign-time-zone';
import { useCampaign, useCampaignStats } from '../campaigns/detail/use-campaign';
import { useLiveCampaign } from '../campaigns/detail/use-live-campaign';
import { LeadCallsPanel } from './lead-calls-panel';
import { LeadNumbersPanel } from './lead-numbers-panel';
import { LeadOverridesPanel } from './lead-overrides-panel';
import { LeadStatusBadge } from './lead-status-badge';
import { LeadSummaryPanel } from './lead-summary-panel';

/** One lead: where it stands, its numbers with their attempts and results, its calls, and the overrides. */
export function LeadPage() {
  const { leadId = '' } = useParams();
  const api = useApi();
  const lead = useQuery({
    queryKey: ['lead', leadId],
    queryFn: () => unwrap(api.GET('/v1/leads/{id}', { params: { path: { id: leadId } } })),
  });
  return (
    <QueryState query={lead} what="the lead" minHeight={400}>
      {(loaded) => <LeadDetails lead={loaded} />}
    </QueryState>
  );
}

function LeadDetails({ lead }: { readonly lead: LeadDetail }) {
  const campaign = useCampaign(lead.campaignId);
  // The lead changes as its calls end: it follows its campaign's events like the campaign's own pages.
  const leadKeys = useMemo(() => [['lead', lead.id]], [lead.id]);
  useLiveCampaign(lead.campaignId, useCampaignStats(lead.campaignId).data?.lastEventSeq, leadKeys);
  const timeZone = useCampaignTimeZone(lead.campaignId);
  return (
    <Stack gap="md">
      <Anchor
        component={Link}
        to={`/campaigns/${encodeURIComponent(lead.campaignId)}/leads`}
        size="sm"
        w="fit-content"
      >
        ← Leads of {campaign.data?.name ?? 'the campaign'}
      </Anchor>
      <Group gap="md">
        <Title order={1} size="h2">
          {lead.name ?? 'Unnamed lead'}
        </Title>
        <LeadStatusBadge lead={lead} />
      </Group>
      <QueryState query={timeZone} what="the campaign's time zone" minHeight={300}>
        {(zone) => (
          <>
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
              <LeadSummaryPanel lead={lead} timeZone={zone} />
              <LeadOverridesPanel lead={lead} />
            </SimpleGrid>
            <LeadNumbersPanel contacts={lead.contacts} />
            <LeadCallsPanel lead={lead} timeZone={zone} />
          </>
        )}
      </QueryState>
    </Stack>
  );
}
