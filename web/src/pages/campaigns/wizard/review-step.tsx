import { Button, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { Assistant } from '../../../api/types';
import { CampaignActions } from '../../../components/campaign-actions/campaign-actions';
import { QueryState } from '../../../components/query-state';
import { useCampaign } from '../detail/use-campaign';
import { SettingsSummary } from './settings-summary';

/** The last step: the campaign as saved, with its leads, ready to start. */
export function ReviewStep({
  campaignId,
  assistant,
}: {
  readonly campaignId: string;
  readonly assistant: Assistant | undefined;
}) {
  // Read again rather than taken from the wizard: the leads added since creation are in its counts.
  const campaign = useCampaign(campaignId);
  return (
    <QueryState query={campaign} what="the campaign" minHeight={480}>
      {(loaded) => (
        <Stack gap="md">
          <Text size="sm">
            {loaded.status === 'draft'
              ? 'The campaign is saved as a draft. Start it now, or later from its page.'
              : `The campaign is ${loaded.status}: follow its calls on its page.`}
          </Text>
          <SettingsSummary campaign={loaded} assistant={assistant} />
          <CampaignActions campaign={loaded} />
          <div>
            <Button component={Link} to={`/campaigns/${encodeURIComponent(loaded.id)}`} variant="light">
              Open the campaign’s page
            </Button>
          </div>
        </Stack>
      )}
    </QueryState>
  );
}
