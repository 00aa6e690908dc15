/**
 * The React Query keys of a campaign's data, shared by every page that shows it. Everything about one campaign
 * sits under its own key `['campaign', id]`, so invalidating that key refreshes the campaign, its stats and its
 * timeline at once (and any other tab's query of it that is on screen).
 */
export const campaignKeys = {
  campaign: (id: string) => ['campaign', id] as const,
  stats: (id: string) => ['campaign', id, 'stats'] as const,
  timeline: (id: string, bucket: string) => ['campaign', id, 'timeline', bucket] as const,
  /** Every page of the campaigns list. */
  list: ['campaigns'] as const,
};
