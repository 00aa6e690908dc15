import { Group, Text } from '@mantine/core';
import type { Campaign } from '../../api/types';
import { humanize } from '../format';
import { StatusBadge } from '../status-badge';

/** A campaign's status, and why it is paused when it is: "paused · insufficient balance". */
export function CampaignStatusLabel({
  campaign,
}: {
  readonly campaign: Pick<Campaign, 'status' | 'pauseReason'>;
}) {
  return (
    <Group gap={6} wrap="nowrap">
      <StatusBadge status={campaign.status} />
      {campaign.pauseReason !== null && (
        <Text size="sm" c="dimmed">
          · {humanize(campaign.pauseReason)}
        </Text>
      )}
    </Group>
  );
}
