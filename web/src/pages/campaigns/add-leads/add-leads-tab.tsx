import { useCampaignIdParam } from '../detail/use-campaign';
import { AddLeadsPanel } from './add-leads-panel';

/** `/campaigns/:id/add-leads`: a lead file or leads by hand (adding leads reopens a completed campaign). */
export function AddLeadsTab() {
  return <AddLeadsPanel campaignId={useCampaignIdParam()} />;
}
