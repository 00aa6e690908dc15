import { QueryState } from '../../../components/query-state';
import { useCampaign, useCampaignIdParam } from '../detail/use-campaign';
import { CampaignSettingsForm } from './campaign-settings-form';

/** `/campaigns/:id/settings`: the campaign's settings, editable until it completes. */
export function CampaignSettingsTab() {
  const campaignId = useCampaignIdParam();
  const campaign = useCampaign(campaignId);
  return (
    <QueryState query={campaign} what="the campaign's settings" minHeight={640}>
      {/* Keyed by id: another campaign's settings start a new form rather than keep this one's edits. */}
      {(loaded) => <CampaignSettingsForm key={loaded.id} campaign={loaded} />}
    </QueryState>
  );
}
