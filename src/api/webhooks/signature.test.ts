import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { newWebhookSecret, signWebhook } from './signature.js';

const body = JSON.stringify({ type: 'call.ended', data: { leadName: 'Zoë Ångström', costMinor: 15 } });

describe('Standard Webhooks signatures', () => {
  it('verify with the reference receiver library, non-ASCII body included', () => {
    const secret = newWebhookSecret();
    // The library checks the timestamp against its own wall clock, so this one attempt is signed "now".
    const timestamp = Math.floor(Date.now() / 1000);
    const headers = signWebhook({ secret, messageId: 'msg_7_whep_1', timestamp, body });
    expect(new Webhook(secret).verify(body, { ...headers })).toEqual(JSON.parse(body));
  });

  it('equal the library’s own signature, header by header', () => {
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const headers = signWebhook({ secret, messageId: 'msg_1_whep_a', timestamp: 1_772_832_600, body });
    expect(headers).toEqual({
      'webhook-id': 'msg_1_whep_a',
      'webhook-timestamp': '1772832600',
      'webhook-signature': new Webhook(secret).sign('msg_1_whep_a', new Date(1_772_832_600_000), body),
    });
  });

  it('fail verification when the body, id or secret differ', () => {
    const secret = newWebhookSecret();
    const timestamp = Math.floor(Date.now() / 1000);
    const headers = signWebhook({ secret, messageId: 'msg_1_whep_a', timestamp, body });
    const receiver = new Webhook(secret);
    expect(() => receiver.verify(body.replace('15', '16'), { ...headers })).toThrow('No matching signature');
    expect(() => receiver.verify(body, { ...headers, 'webhook-id': 'msg_2_whep_a' })).toThrow(
      'No matching signature',
    );
    expect(() => new Webhook(newWebhookSecret()).verify(body, { ...headers })).toThrow(
      'No matching signature',
    );
  });

  it('use fresh 32-byte secrets in the whsec_ format', () => {
    const first = newWebhookSecret();
    expect(first).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(first.slice('whsec_'.length), 'base64')).toHaveLength(32);
    expect(newWebhookSecret()).not.toBe(first);
  });
});
