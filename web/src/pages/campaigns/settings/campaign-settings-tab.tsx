/** Placeholder while this page is being built. */
export function CampaignSettingsTab() {
  return null;
}
