import { Group, Stack, Title } from '@mantine/core';
import type { Campaign } from '../../../api/types';
import {
  CampaignActionButton,
  CampaignActionOutcome,
} from '../../../components/campaign-actions/campaign-actions';
import { CampaignStatusLabel } from '../../../components/campaign-actions/campaign-status-label';
import { useCampaignAction } from '../../../components/campaign-actions/use-campaign-actions';

/** The campaign's name, status and lifecycle button; a refused start spans the page's width below them. */
export function CampaignHeader({ campaign }: { readonly campaign: Campaign }) {
  const actions = useCampaignAction(campaign);
  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="nowrap" mih={40}>
        <Group gap="md" wrap="nowrap" miw={0}>
          <Title order={1} size="h2" lineClamp={1}>
            {campaign.name}
          </Title>
          <CampaignStatusLabel campaign={campaign} />
        </Group>
        <CampaignActionButton campaign={campaign} actions={actions} />
      </Group>
      <CampaignActionOutcome campaign={campaign} actions={actions} />
    </Stack>
  );
}
