import { describe, expect, it } from 'vitest';
import { CAMPAIGN_ACTIONS, CAMPAIGN_STATUSES, transitionCampaign } from './campaign-lifecycle.js';

describe('transitionCampaign (DESIGN §2.2)', () => {
  const allowed = new Set([
    'draft:start→active:campaign.started',
    'active:pause→paused:campaign.paused',
    'paused:resume→active:campaign.resumed',
    'active:complete→completed:campaign.completed',
    'completed:reopen→active:campaign.resumed',
  ]);

  it.each(CAMPAIGN_STATUSES.flatMap((from) => CAMPAIGN_ACTIONS.map((action) => [from, action] as const)))(
    '%s + %s',
    (from, action) => {
      const result = transitionCampaign(from, action);
      const key = result.ok ? `${from}:${action}→${result.value.to}:${result.value.event}` : null;
      if (key !== null) expect(allowed.has(key)).toBe(true);
      else {
        expect([...allowed].some((k) => k.startsWith(`${from}:${action}→`))).toBe(false);
        expect(result.ok ? '' : result.error.message).toMatch(
          new RegExp(`cannot ${action} a campaign that is ${from}`),
        );
      }
    },
  );
});
