/** Placeholder while this page is being built. */
export function CampaignLeadsTab() {
  return null;
}
