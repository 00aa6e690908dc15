import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { WebhookRequest } from '../../engine/ports/call-provider.js';
import { MAX_SIGNATURE_AGE_MS, assertUsableWebhookAuth, verifyVapiWebhook } from './webhook-auth.js';

const BODY = '{"message":{"type":"status-update","status":"ended"}}';
const T = 1_700_000_000;

function request(headers: Record<string, string>, receivedAt = T * 1000, body = BODY): WebhookRequest {
  return {
    url: 'https://calls.example.com/webhooks/vapi?x=1',
    headers,
    rawBody: Buffer.from(body, 'utf8'),
    receivedAt,
  };
}

describe('verifyVapiWebhook: HMAC', () => {
  const plan = { scheme: 'hmac', secretKey: 'vapi_secret' } as const;

  it('accepts the reference test vector (hex HMAC-SHA256 of `{timestamp}.{body}`)', () => {
    const signature = 'affbb396520b8443703d86b7392ae5e23f51e78f500a51370c7f33544e2d048b';
    expect(
      verifyVapiWebhook(plan, request({ 'x-signature': signature, 'x-timestamp': String(T) })),
    ).toBeNull();
  });

  const sign = (
    message: string,
    key = 'vapi_secret',
    algorithm = 'sha256',
    encoding: 'hex' | 'base64' = 'hex',
  ) => createHmac(algorithm, key).update(message).digest(encoding);

  it('refuses a missing signature or timestamp, a wrong one, and a body changed after signing', () => {
    const good = { 'x-signature': sign(`${T}.${BODY}`), 'x-timestamp': String(T) };
    expect(verifyVapiWebhook(plan, request({ 'x-timestamp': String(T) }))).toBe(
      'the x-signature header is missing',
    );
    expect(verifyVapiWebhook(plan, request({ 'x-signature': good['x-signature'] }))).toBe(
      'the x-timestamp header is missing',
    );
    expect(verifyVapiWebhook(plan, request({ ...good, 'x-timestamp': String(T + 1) }))).toMatch(
      /does not match/,
    );
    expect(verifyVapiWebhook(plan, request(good, T * 1000, BODY.replace('ended', 'ringing')))).toMatch(
      /does not match/,
    );
    expect(verifyVapiWebhook({ ...plan, secretKey: 'other' }, request(good))).toMatch(/does not match/);
  });

  it('accepts a timestamp up to five minutes away either way, in seconds or milliseconds', () => {
    const at = (timestamp: string, receivedAt: number) =>
      verifyVapiWebhook(
        plan,
        request({ 'x-signature': sign(`${timestamp}.${BODY}`), 'x-timestamp': timestamp }, receivedAt),
      );
    expect(at(String(T), T * 1000 + MAX_SIGNATURE_AGE_MS)).toBeNull();
    expect(at(String(T), T * 1000 - MAX_SIGNATURE_AGE_MS)).toBeNull();
    expect(at(String(T), T * 1000 + MAX_SIGNATURE_AGE_MS + 1)).toBe(
      'the signature is 301 s old; at most 300 s is accepted',
    );
    expect(at(String(T), T * 1000 + 3_600_000)).toBe(
      'the signature is 3600 s old; at most 300 s is accepted',
    );
    expect(at(String(T), T * 1000 - 3_600_000)).toMatch(/3600 s in the future/);
    expect(at(String(T * 1000), T * 1000 + 1000)).toBeNull();
    expect(at(String(T * 1000), T * 1000 + MAX_SIGNATURE_AGE_MS + 1000)).toMatch(/301 s old/);
    expect(at('soon', T * 1000)).toBe('the signature timestamp is not a number');
  });

  it('follows the credential’s settings: headers, algorithm, encoding, prefix, payload format, base64 secret', () => {
    const custom = {
      ...plan,
      secretKey: Buffer.from('raw key').toString('base64'),
      secretIsBase64: true,
      algorithm: 'sha512',
      signatureHeader: 'X-Vapi-Signature',
      timestampHeader: 'X-Vapi-Timestamp',
      signatureEncoding: 'base64',
      signaturePrefix: 'v1=',
      payloadFormat: '{method} {url}|{svix-id}|{timestamp}|{body}',
      messageIdHeader: 'X-Message-Id',
    } as const;
    const message = `POST https://calls.example.com/webhooks/vapi?x=1|msg_1|${T}|${BODY}`;
    const headers = {
      'x-vapi-signature': `v1=${sign(message, 'raw key', 'sha512', 'base64')}`,
      'x-vapi-timestamp': String(T),
      'x-message-id': 'msg_1',
    };
    expect(verifyVapiWebhook(custom, request(headers))).toBeNull();
    expect(verifyVapiWebhook(custom, request({ ...headers, 'x-message-id': 'msg_2' }))).toMatch(
      /does not match/,
    );
  });

  it('signs the body alone, with no timestamp to check, when the credential includes none', () => {
    const bodyOnly = { ...plan, includeTimestamp: false } as const;
    const headers = { 'x-signature': sign(BODY) };
    expect(verifyVapiWebhook(bodyOnly, request(headers, Date.UTC(2030, 0, 1)))).toBeNull();
  });
});

describe('verifyVapiWebhook: shared tokens', () => {
  it('compares the legacy X-Vapi-Secret header', () => {
    const auth = { scheme: 'secret', secret: 's3cret' } as const;
    expect(verifyVapiWebhook(auth, request({ 'x-vapi-secret': 's3cret' }))).toBeNull();
    expect(verifyVapiWebhook(auth, request({ 'x-vapi-secret': 's3cret ' }))).toBe(
      'the x-vapi-secret header does not match',
    );
    expect(verifyVapiWebhook(auth, request({ authorization: 'Bearer s3cret' }))).toBe(
      'the x-vapi-secret header is missing',
    );
  });

  it('compares Authorization: Bearer, or the header and prefix the credential sets', () => {
    const auth = { scheme: 'bearer', token: 'tok' } as const;
    expect(verifyVapiWebhook(auth, request({ authorization: 'Bearer tok' }))).toBeNull();
    expect(verifyVapiWebhook(auth, request({ authorization: 'tok' }))).toMatch(/does not match/);
    expect(verifyVapiWebhook(auth, request({ authorization: 'Bearer tok2' }))).toMatch(/does not match/);
    expect(verifyVapiWebhook(auth, request({}))).toBe('the authorization header is missing');
    const custom = { ...auth, headerName: 'X-Api-Key', bearerPrefix: false } as const;
    expect(verifyVapiWebhook(custom, request({ 'x-api-key': 'tok' }))).toBeNull();
  });

  it('refuses to be configured with an empty secret, which an empty header would match', () => {
    expect(() => assertUsableWebhookAuth({ scheme: 'secret', secret: '' })).toThrow(/secret is empty/);
    expect(() => assertUsableWebhookAuth({ scheme: 'bearer', token: '' })).toThrow(/bearer secret is empty/);
    expect(() => assertUsableWebhookAuth({ scheme: 'hmac', secretKey: '' })).toThrow(/hmac secret is empty/);
  });
});
