import type { DueDelivery } from '../../engine/ports/webhook-store.js';
import type { WebhookRequest } from './http-sender.js';
import { signWebhook } from './signature.js';

const USER_AGENT = 'Callwright-Webhooks';

/**
 * The request for one attempt at a delivery: the Standard Webhooks payload shape (`type`, `timestamp` of the
 * event, `data`) with the event's ids added to its data, signed for the attempt's time `now`.
 */
export function buildWebhookRequest(delivery: DueDelivery, now: number): WebhookRequest {
  const { event, endpoint } = delivery;
  const body = JSON.stringify({
    type: event.type,
    timestamp: new Date(event.createdAt).toISOString(),
    data: { ...event.payload, campaignId: event.campaignId, accountId: event.accountId },
  });
  const signature = signWebhook({
    secret: endpoint.secret,
    messageId: delivery.deliveryId,
    timestamp: Math.floor(now / 1000),
    body,
  });
  return {
    url: endpoint.url,
    headers: { 'content-type': 'application/json', 'user-agent': USER_AGENT, ...signature },
    body,
  };
}
