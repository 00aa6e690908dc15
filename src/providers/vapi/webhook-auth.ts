import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { WebhookRequest } from '../../engine/ports/call-provider.js';

/**
 * How Vapi authenticates the server messages it posts to us (reference/provider-apis.md §2.4). Vapi has no single
 * fixed scheme: the user creates a Custom Credential in Vapi and gives us the same secret and settings.
 *
 * - `secret`: the legacy `X-Vapi-Secret: <secret>` header (a Bearer Token credential with header `X-Vapi-Secret`
 *   and no prefix).
 * - `bearer`: a Bearer Token credential, by default `Authorization: Bearer <token>`.
 * - `hmac`: an HMAC credential, with the fields of Vapi's `HmacAuthenticationPlan` and its defaults: hex
 *   HMAC-SHA256 of `{timestamp}.{body}` in `x-signature`, the timestamp in `x-timestamp`.
 *
 * The two token schemes carry no timestamp, so nothing stops a captured request from being replayed; the
 * event ids (derived from the content) make a replay change nothing. HMAC with a timestamp also bounds its age.
 */
export type VapiWebhookAuth =
  | { readonly scheme: 'secret'; readonly secret: string }
  | {
      readonly scheme: 'bearer';
      readonly token: string;
      /** Default `Authorization`. */
      readonly headerName?: string;
      /** Whether the value is `Bearer <token>` (default) or the bare token. */
      readonly bearerPrefix?: boolean;
    }
  | ({ readonly scheme: 'hmac' } & VapiHmacPlan);

export interface VapiHmacPlan {
  readonly secretKey: string;
  /** Default `sha256`. */
  readonly algorithm?: 'sha256' | 'sha512' | 'sha1';
  /** Default `x-signature`. */
  readonly signatureHeader?: string;
  /** Default `x-timestamp`. */
  readonly timestampHeader?: string;
  /** Put before the digest, e.g. `sha256=`. Default none. */
  readonly signaturePrefix?: string;
  /** Whether the signed payload (and the request) carries a timestamp. Default true. */
  readonly includeTimestamp?: boolean;
  /** Placeholders `{body}`, `{timestamp}`, `{method}`, `{url}`, `{svix-id}`. Default `{timestamp}.{body}`. */
  readonly payloadFormat?: string;
  /** The header holding the message id for `{svix-id}`. */
  readonly messageIdHeader?: string;
  /** Default `hex`. */
  readonly signatureEncoding?: 'hex' | 'base64';
  /** Whether `secretKey` is base64 to decode before use. Default false. */
  readonly secretIsBase64?: boolean;
}

/** How far a signed timestamp may be from the moment we received the request, either way. */
export const MAX_SIGNATURE_AGE_MS = 5 * 60 * 1000;

/** Refuses a configuration that would accept anyone: an empty secret matches an empty header. */
export function assertUsableWebhookAuth(auth: VapiWebhookAuth): void {
  const secret =
    auth.scheme === 'secret' ? auth.secret : auth.scheme === 'bearer' ? auth.token : auth.secretKey;
  if (secret === '') {
    throw new RangeError(
      `the Vapi webhook ${auth.scheme} secret is empty; give the secret of the Vapi credential`,
    );
  }
}

/**
 * Verifies one request before anything reads its body as JSON. Answers null when it is authentic, else why it
 * was refused (never a secret, nor what the secret should have produced).
 */
export function verifyVapiWebhook(auth: VapiWebhookAuth, request: WebhookRequest): string | null {
  switch (auth.scheme) {
    case 'secret':
      return verifyToken(request, 'x-vapi-secret', auth.secret);
    case 'bearer': {
      const value = auth.bearerPrefix === false ? auth.token : `Bearer ${auth.token}`;
      return verifyToken(request, auth.headerName ?? 'authorization', value);
    }
    case 'hmac':
      return verifyHmac(auth, request);
  }
}

function verifyToken(request: WebhookRequest, headerName: string, expected: string): string | null {
  const header = headerName.toLowerCase();
  const received = request.headers[header];
  if (received === undefined) return `the ${header} header is missing`;
  return constantTimeEqual(received, expected) ? null : `the ${header} header does not match`;
}

function verifyHmac(plan: VapiHmacPlan, request: WebhookRequest): string | null {
  const signatureHeader = (plan.signatureHeader ?? 'x-signature').toLowerCase();
  const signature = request.headers[signatureHeader];
  if (signature === undefined) return `the ${signatureHeader} header is missing`;

  const includeTimestamp = plan.includeTimestamp ?? true;
  const timestampHeader = (plan.timestampHeader ?? 'x-timestamp').toLowerCase();
  const timestamp = includeTimestamp ? request.headers[timestampHeader] : '';
  if (timestamp === undefined) return `the ${timestampHeader} header is missing`;

  const messageId =
    plan.messageIdHeader === undefined ? '' : request.headers[plan.messageIdHeader.toLowerCase()];
  const payload = signedPayload(plan.payloadFormat ?? (includeTimestamp ? '{timestamp}.{body}' : '{body}'), {
    body: request.rawBody,
    timestamp,
    method: 'POST',
    url: request.url,
    'svix-id': messageId ?? '',
  });
  const key = plan.secretIsBase64 === true ? Buffer.from(plan.secretKey, 'base64') : plan.secretKey;
  const digest = createHmac(plan.algorithm ?? 'sha256', key)
    .update(payload)
    .digest(plan.signatureEncoding ?? 'hex');
  if (!constantTimeEqual(signature, `${plan.signaturePrefix ?? ''}${digest}`)) {
    return `the ${signatureHeader} header does not match the request`;
  }
  return includeTimestamp ? checkFreshness(timestamp, request.receivedAt) : null;
}

type PayloadPart = 'body' | 'timestamp' | 'method' | 'url' | 'svix-id';

/** The bytes Vapi signs: the format's text with each placeholder replaced, the body inserted byte for byte. */
function signedPayload(
  format: string,
  values: { readonly body: Uint8Array } & Record<Exclude<PayloadPart, 'body'>, string>,
): Buffer {
  const parts: Uint8Array[] = [];
  let last = 0;
  for (const match of format.matchAll(/\{(body|timestamp|method|url|svix-id)\}/g)) {
    parts.push(Buffer.from(format.slice(last, match.index), 'utf8'));
    const name = match[1] as PayloadPart;
    parts.push(name === 'body' ? values.body : Buffer.from(values[name], 'utf8'));
    last = match.index + match[0].length;
  }
  parts.push(Buffer.from(format.slice(last), 'utf8'));
  return Buffer.concat(parts);
}

/**
 * Vapi does not document the timestamp's unit; the reference's test vector uses seconds. A 13-digit value is read
 * as milliseconds, a shorter one as seconds, so either unit works rather than every webhook being refused.
 */
const MILLISECONDS_FROM = 100_000_000_000;

function checkFreshness(timestamp: string, receivedAt: number): string | null {
  if (!/^\d{1,16}$/.test(timestamp)) return 'the signature timestamp is not a number';
  const value = Number(timestamp);
  const age = receivedAt - (value >= MILLISECONDS_FROM ? value : value * 1000);
  if (Math.abs(age) <= MAX_SIGNATURE_AGE_MS) return null;
  const seconds = Math.ceil(Math.abs(age) / 1000);
  const limit = `at most ${MAX_SIGNATURE_AGE_MS / 1000} s is accepted`;
  return age > 0
    ? `the signature is ${seconds} s old; ${limit}`
    : `the signature is dated ${seconds} s in the future; ${limit}`;
}

/** Compares digests of both values, so neither the length nor the content leaks through timing. */
function constantTimeEqual(received: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(received), digest(expected));
}
