import type { DeliveryAttempt } from '../../engine/ports/webhook-store.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/**
 * The wait before each retry: Standard Webhooks' recommended schedule (5 s, 5 min, 30 min, 2 h, 5 h, 10 h,
 * 10 h), so a receiver that is down for most of a day still gets every event. No jitter: the sender's
 * concurrency limit already bounds how hard a recovering receiver is hit, and a predictable schedule is easier
 * to operate against.
 */
export const RETRY_DELAYS_MS: readonly number[] = [
  5 * SECOND,
  5 * MINUTE,
  30 * MINUTE,
  2 * HOUR,
  5 * HOUR,
  10 * HOUR,
  10 * HOUR,
];

/**
 * What follows attempt number `attempt` (1 for the first) that ended at `now` with `status` (null: no
 * response). 2xx is delivered; 410 Gone means the receiver wants no more; anything else is retried on the
 * schedule, and fails once the schedule is spent.
 */
export function decideAfterAttempt(
  attempt: number,
  status: number | null,
  now: number,
): DeliveryAttempt['next'] {
  if (status !== null && status >= 200 && status < 300) return { kind: 'delivered' };
  if (status === 410) return { kind: 'endpoint_gone' };
  const delay = RETRY_DELAYS_MS[attempt - 1];
  return delay === undefined ? { kind: 'failed' } : { kind: 'retry', at: now + delay };
}
