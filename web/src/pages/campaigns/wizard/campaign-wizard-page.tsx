/** Placeholder while this page is being built. */
export function CampaignWizardPage() {
  return null;
}
