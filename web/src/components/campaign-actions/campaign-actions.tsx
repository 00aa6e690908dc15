import type { Campaign } from '../../api/types';

/**
 * Placeholder while this component is being built: the start / pause / resume buttons of a campaign, and,
 * when a start is refused, every unmet requirement with a link to fix it.
 */
export function CampaignActions(_props: { readonly campaign: Campaign }) {
  return null;
}
