import { Progress, Stack, Text } from '@mantine/core';
import type { Campaign } from '../../../api/types';

/** Leads done (completed or out of attempts) out of all the campaign's leads, as words and as a bar. */
export function CampaignProgress({ campaign }: { readonly campaign: Campaign }) {
  const counts = campaign.leadCounts;
  const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
  const done = counts.completed + counts.max_retries;
  const percent = total === 0 ? 0 : Math.round((done / total) * 100);
  return (
    <Stack gap={4}>
      <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
        {done} / {total} leads done
      </Text>
      <Progress value={percent} size="sm" aria-label={`Leads done in ${campaign.name}`} />
    </Stack>
  );
}
