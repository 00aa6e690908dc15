import { createHmac, randomBytes } from 'node:crypto';

/**
 * Standard Webhooks signing (https://www.standardwebhooks.com): the receiver recomputes
 * HMAC-SHA256(key, `${id}.${timestamp}.${body}`) with the shared secret, so any of its receiver libraries can
 * verify what we send.
 */

const SECRET_PREFIX = 'whsec_';
/** The spec asks for keys of 24 to 64 bytes; 32 is SHA-256's output size, the usual HMAC-SHA256 key. */
const SECRET_BYTES = 32;

/** A new signing secret: `whsec_` + base64 of random bytes, shown to the subscriber once at creation. */
export function newWebhookSecret(): string {
  return SECRET_PREFIX + randomBytes(SECRET_BYTES).toString('base64');
}

export interface WebhookSignatureHeaders {
  readonly 'webhook-id': string;
  readonly 'webhook-timestamp': string;
  readonly 'webhook-signature': string;
}

/**
 * The three headers of one attempt. `messageId` stays the same on every retry (receivers deduplicate on it);
 * `timestamp` is the attempt's time in whole seconds, which receivers check against replays.
 */
export function signWebhook(message: {
  readonly secret: string;
  readonly messageId: string;
  readonly timestamp: number;
  readonly body: string;
}): WebhookSignatureHeaders {
  const encoded = message.secret.startsWith(SECRET_PREFIX)
    ? message.secret.slice(SECRET_PREFIX.length)
    : message.secret;
  const key = Buffer.from(encoded, 'base64');
  const signature = createHmac('sha256', key)
    .update(`${message.messageId}.${message.timestamp}.${message.body}`)
    .digest('base64');
  return {
    'webhook-id': message.messageId,
    'webhook-timestamp': String(message.timestamp),
    'webhook-signature': `v1,${signature}`,
  };
}
