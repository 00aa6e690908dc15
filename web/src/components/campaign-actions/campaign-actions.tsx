import { Button, Group, Stack } from '@mantine/core';
import type { Campaign } from '../../api/types';
import { ErrorAlert } from '../query-state';
import { StartRefusalAlert } from './start-refusal-alert';
import { useCampaignAction, type CampaignAction } from './use-campaign-actions';

const LABELS: Record<CampaignAction, string> = { start: 'Start', pause: 'Pause', resume: 'Resume' };
const FAILED: Record<CampaignAction, string> = {
  start: 'Could not start the campaign',
  pause: 'Could not pause the campaign',
  resume: 'Could not resume the campaign',
};

/**
 * The lifecycle button a campaign's status allows (none once completed), and below it why the last action
 * failed: a refused start lists every unmet requirement with a link to fix it.
 */
export function CampaignActions({ campaign }: { readonly campaign: Campaign }) {
  const actions = useCampaignAction(campaign);
  return (
    <Stack gap="sm">
      <Group>
        <CampaignActionButton campaign={campaign} actions={actions} />
      </Group>
      <CampaignActionOutcome campaign={campaign} actions={actions} />
    </Stack>
  );
}

type Actions = ReturnType<typeof useCampaignAction>;

/** The button alone, for a table row that shows the outcome elsewhere. */
export function CampaignActionButton({
  campaign,
  actions,
  size = 'sm',
}: {
  readonly campaign: Campaign;
  readonly actions: Actions;
  readonly size?: 'xs' | 'sm';
}) {
  const action = actions.action;
  if (action === null) return null;
  return (
    <Button
      size={size}
      variant={action === 'pause' ? 'default' : 'filled'}
      loading={actions.running}
      onClick={() => actions.run(action)}
      // The campaign's name tells apart the buttons of a list; the visible word starts the name.
      aria-label={`${LABELS[action]} ${campaign.name}`}
    >
      {LABELS[action]}
    </Button>
  );
}

/** A refused start's requirements, or another failure of the last action; nothing otherwise. */
export function CampaignActionOutcome({
  campaign,
  actions,
}: {
  readonly campaign: Campaign;
  readonly actions: Actions;
}) {
  if (actions.unmet !== null) {
    return <StartRefusalAlert campaign={campaign} unmet={actions.unmet} onClose={actions.dismiss} />;
  }
  if (actions.error !== null && actions.lastAction !== null) {
    return <ErrorAlert error={actions.error} title={FAILED[actions.lastAction]} />;
  }
  return null;
}
