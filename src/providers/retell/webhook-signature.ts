import { symmetric } from 'retell-sdk/lib/webhook_auth';

/** Retell signs with a timestamp and its SDK accepts it within 5 minutes either way (provider-apis.md §3.4). */
export const SIGNATURE_TOLERANCE_MS = 5 * 60 * 1000;

const SIGNATURE_PATTERN = /^v=(\d+),d=([0-9a-f]{64})$/i;

export type SignatureCheck =
  { readonly ok: true; readonly body: string } | { readonly ok: false; readonly message: string };

/**
 * Verifies `x-retell-signature: v=<ms>,d=<hex HMAC-SHA256(key, body + ms)>` over the raw bytes, before anything
 * is parsed. The time is checked against `receivedAt` (when our server got the request), so a webhook processed
 * later, or a test, is judged by its arrival. The HMAC is the SDK's own check, awaited: in retell-sdk v5 `verify`
 * returns a Promise, and an un-awaited Promise is always truthy (provider-apis.md §3.4).
 *
 * `key` is the Retell API key that carries the webhook badge. Answers the body as text when it is genuine.
 */
export async function verifyRetellSignature(
  rawBody: Uint8Array,
  signature: string | undefined,
  key: string,
  receivedAt: number,
): Promise<SignatureCheck> {
  if (signature === undefined || signature === '') {
    return { ok: false, message: 'missing x-retell-signature header' };
  }
  const match = SIGNATURE_PATTERN.exec(signature.trim());
  if (match === null) return { ok: false, message: 'x-retell-signature is not of the form v=<ms>,d=<hex>' };
  const signedAt = Number(match[1]);
  if (!Number.isSafeInteger(signedAt) || Math.abs(receivedAt - signedAt) > SIGNATURE_TOLERANCE_MS) {
    return {
      ok: false,
      message: `x-retell-signature timestamp ${match[1]} is more than 5 minutes from the time the webhook arrived`,
    };
  }
  let body: string;
  try {
    // Retell signs the body as text; bytes that are not UTF-8 cannot be what it signed.
    body = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(rawBody);
  } catch {
    return { ok: false, message: 'webhook body is not UTF-8 text, so it cannot carry a Retell signature' };
  }
  const genuine = await symmetric.verify(body, key, signature.trim(), {
    timestamp: receivedAt,
    timeout: SIGNATURE_TOLERANCE_MS,
  });
  if (!genuine) return { ok: false, message: 'x-retell-signature does not match the body' };
  return { ok: true, body };
}
