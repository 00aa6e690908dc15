/** Placeholder while this page is being built. */
export function CampaignCallsTab() {
  return null;
}
