import type { RequestOf } from '../../api/types';

export type WebhookEvent = RequestOf<'/v1/webhook-endpoints', 'post'>['events'][number];
type NamedEvent = Exclude<WebhookEvent, '*'>;

/** The events a subscription may ask for, typed from the API's schema so a new one must be described here. */
const EVENT_DESCRIPTIONS: Record<NamedEvent, string> = {
  'campaign.started': 'a campaign started',
  'campaign.paused': 'a campaign paused (by you or for lack of balance)',
  'campaign.resumed': 'a campaign resumed',
  'campaign.completed': 'a campaign completed',
  'lead.status_changed': "a lead's status changed",
  'call.ended': 'a call ended, with its outcome and variables',
  'balance.low': 'the balance ran low',
};

export const WEBHOOK_EVENTS = (Object.keys(EVENT_DESCRIPTIONS) as NamedEvent[]).map((event) => ({
  event,
  description: EVENT_DESCRIPTIONS[event],
}));

/** "*" subscribes to every event, including ones added in later versions. */
export const ALL_EVENTS = '*' satisfies WebhookEvent;
