import { describe, expect, it } from 'vitest';
import { checkWebhookUrl, classifyAddress, resolveWebhookTarget, type ResolveHost } from './url-guard.js';

const strict = { allowPrivateTargets: false };
const permissive = { allowPrivateTargets: true };

describe('address classification', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['::1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.10', 'private'],
    ['169.254.169.254', 'link-local'],
    ['fe80::1', 'link-local'],
    ['febf::1', 'link-local'],
    ['100.64.0.1', 'carrier-grade NAT (shared)'],
    ['100.127.255.254', 'carrier-grade NAT (shared)'],
    ['fc00::1', 'unique-local'],
    ['fd12:3456::1', 'unique-local'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['224.0.0.251', 'multicast'],
    ['ff02::1', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:a00:1', 'private'],
    ['::ffff:169.254.169.254', 'link-local'],
  ])('%s is %s', (address, kind) => {
    expect(classifyAddress(address)).toBe(kind);
  });

  it.each(['93.184.216.34', '172.32.0.1', '100.128.0.1', '192.169.0.1', '2606:4700::1111', '::ffff:8.8.8.8'])(
    '%s is public',
    (address) => {
      expect(classifyAddress(address)).toBeNull();
    },
  );
});

describe('checkWebhookUrl (at subscription)', () => {
  it('accepts http and https URLs with a host', () => {
    const checked = checkWebhookUrl('https://hooks.example.com/callwright?x=1', strict);
    expect(checked.ok && checked.url.hostname).toBe('hooks.example.com');
    expect(checkWebhookUrl('http://hooks.example.com:8080/in', strict).ok).toBe(true);
  });

  it.each([
    ['not a url', 'not a URL'],
    ['https://', 'not a URL'],
    ['ftp://hooks.example.com/', 'uses ftp: webhook URLs must be https (or http)'],
    ['file:///etc/passwd', 'uses file'],
    ['https://user:secret@hooks.example.com/', 'carries credentials'],
    ['https://user@hooks.example.com/', 'carries credentials'],
  ])('refuses %s', (url, message) => {
    const checked = checkWebhookUrl(url, strict);
    expect(checked.ok).toBe(false);
    expect(!checked.ok && checked.message).toContain(message);
  });

  it('never repeats credentials in its message', () => {
    const checked = checkWebhookUrl('https://user:s3cr3t@hooks.example.com/in', strict);
    expect(!checked.ok && checked.message).not.toContain('s3cr3t');
  });

  it('refuses an IP literal in a blocked range at once, unless private targets are allowed', () => {
    const checked = checkWebhookUrl('http://[::ffff:127.0.0.1]:9000/hook', strict);
    expect(!checked.ok && checked.message).toBe(
      'http://[::ffff:7f00:1]:9000/hook is refused: ::ffff:7f00:1, a non-public address (loopback, IPv4-mapped); ' +
        'webhooks only go to public addresses unless the operator allows private targets',
    );
    expect(checkWebhookUrl('http://169.254.169.254/latest/meta-data', strict).ok).toBe(false);
    expect(checkWebhookUrl('http://2130706433/', strict).ok).toBe(false);
    expect(checkWebhookUrl('http://127.0.0.1:9000/hook', permissive).ok).toBe(true);
  });
});

describe('resolveWebhookTarget (at delivery)', () => {
  const resolvingTo =
    (...addresses: string[]): ResolveHost =>
    () =>
      Promise.resolve(
        addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }) as const),
      );

  it('returns the addresses it checked', async () => {
    const target = await resolveWebhookTarget('https://hooks.example.com/in', {
      ...strict,
      resolveHost: resolvingTo('93.184.216.34', '2606:4700::1111'),
    });
    expect(target).toEqual({
      ok: true,
      url: new URL('https://hooks.example.com/in'),
      addresses: [
        { address: '93.184.216.34', family: 4 },
        { address: '2606:4700::1111', family: 6 },
      ],
    });
  });

  it('refuses a name that resolves to a private address, naming both', async () => {
    const target = await resolveWebhookTarget('https://hooks.example.com/in', {
      ...strict,
      resolveHost: resolvingTo('10.0.0.7'),
    });
    expect(!target.ok && target.message).toBe(
      'https://hooks.example.com/in is refused: hooks.example.com resolves to 10.0.0.7, a non-public address ' +
        '(private); webhooks only go to public addresses unless the operator allows private targets',
    );
  });

  it('refuses when any one of the addresses is blocked', async () => {
    const target = await resolveWebhookTarget('https://hooks.example.com/in', {
      ...strict,
      resolveHost: resolvingTo('93.184.216.34', 'fd00::5'),
    });
    expect(!target.ok && target.message).toContain(
      'resolves to fd00::5, a non-public address (unique-local)',
    );
  });

  it('resolves with the system resolver by default (localhost is loopback)', async () => {
    const refused = await resolveWebhookTarget('http://localhost:9000/hook', strict);
    expect(!refused.ok && refused.message).toMatch(/localhost resolves to (127\.0\.0\.1|::1)/);
    const allowed = await resolveWebhookTarget('http://localhost:9000/hook', permissive);
    expect(allowed.ok && allowed.addresses.length).toBeGreaterThan(0);
  });

  it('says so when the host cannot be resolved', async () => {
    const target = await resolveWebhookTarget('https://hooks.example.com/in', {
      ...strict,
      resolveHost: () => Promise.reject(new Error('getaddrinfo ENOTFOUND hooks.example.com')),
    });
    expect(!target.ok && target.message).toBe(
      'could not resolve hooks.example.com for https://hooks.example.com/in: getaddrinfo ENOTFOUND hooks.example.com',
    );
  });
});
