/** Placeholder while this page is being built. */
export function CampaignOverviewTab() {
  return null;
}
