import { err, ok, type Result } from './result.js';

/**
 * Campaign lifecycle (DESIGN §2.2). Every transition happens here and nowhere else, and names the event it emits.
 *
 *   draft ──start──→ active ──pause──→ paused ──resume──→ active
 *   active ──complete (all leads terminal, nothing in flight)──→ completed
 *   active ──pause for money (insufficient_balance)──→ paused
 *   completed ──reopen (leads added or reset)──→ active
 */
export const CAMPAIGN_STATUSES = ['draft', 'active', 'paused', 'completed'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export const PAUSE_REASONS = ['manual', 'insufficient_balance'] as const;
export type PauseReason = (typeof PAUSE_REASONS)[number];

export const CAMPAIGN_ACTIONS = ['start', 'pause', 'resume', 'complete', 'reopen'] as const;
export type CampaignAction = (typeof CAMPAIGN_ACTIONS)[number];

export const CAMPAIGN_EVENTS = {
  start: 'campaign.started',
  pause: 'campaign.paused',
  resume: 'campaign.resumed',
  complete: 'campaign.completed',
  reopen: 'campaign.resumed',
} as const satisfies Record<CampaignAction, string>;
export type CampaignEventType = (typeof CAMPAIGN_EVENTS)[CampaignAction];

const ALLOWED: Record<CampaignAction, readonly CampaignStatus[]> = {
  start: ['draft'],
  pause: ['active'],
  resume: ['paused'],
  complete: ['active'],
  reopen: ['completed'],
};

const TARGET: Record<CampaignAction, CampaignStatus> = {
  start: 'active',
  pause: 'paused',
  resume: 'active',
  complete: 'completed',
  reopen: 'active',
};

export interface CampaignTransition {
  readonly from: CampaignStatus;
  readonly to: CampaignStatus;
  readonly event: CampaignEventType;
}

export interface CampaignTransitionRejected {
  readonly code: 'campaign_transition_not_allowed';
  readonly message: string;
}

/** The one place a campaign status changes: returns the new status and its event, or why not. */
export function transitionCampaign(
  from: CampaignStatus,
  action: CampaignAction,
): Result<CampaignTransition, CampaignTransitionRejected> {
  if (!ALLOWED[action].includes(from)) {
    return err({
      code: 'campaign_transition_not_allowed',
      message: `cannot ${action} a campaign that is ${from}; ${action} is allowed from ${ALLOWED[action].join(' or ')}`,
    });
  }
  return ok({ from, to: TARGET[action], event: CAMPAIGN_EVENTS[action] });
}
