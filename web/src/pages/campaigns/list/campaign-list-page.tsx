/** Placeholder while this page is being built. */
export function CampaignListPage() {
  return null;
}
