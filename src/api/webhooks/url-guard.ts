import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/**
 * Keeps webhook deliveries from reaching the operator's own network (server-side request forgery): a subscriber
 * chooses the URL, and the delivery is sent from inside the deployment. The URL is checked when the
 * subscription is made, and its host is resolved and checked again at every delivery, because DNS can change in
 * between; the request then connects to the very addresses checked (`ResolvedTarget.addresses`).
 */

export type WebhookUrlCheck = { readonly ok: true; readonly url: URL } | WebhookUrlRefusal;
export type ResolvedTarget =
  | { readonly ok: true; readonly url: URL; readonly addresses: readonly ResolvedAddress[] }
  | WebhookUrlRefusal;
export interface WebhookUrlRefusal {
  readonly ok: false;
  readonly message: string;
}
export interface ResolvedAddress {
  readonly address: string;
  readonly family: 4 | 6;
}
/** Resolves a host name to every address it has (node:dns `lookup` with `all: true` by default). */
export type ResolveHost = (hostname: string) => Promise<readonly ResolvedAddress[]>;

export interface UrlGuardOptions {
  /** The operator lets webhooks target loopback and private networks (tests, trusted networks). */
  readonly allowPrivateTargets: boolean;
}

/** Ranges no webhook may reach unless private targets are allowed. IPv4-mapped IPv6 addresses match too. */
const BLOCKED_RANGES: readonly (readonly [kind: string, network: string, prefix: number])[] = [
  // 0.0.0.0/8 means "this host" to Linux: a connection to it lands on the server itself.
  ['unspecified', '0.0.0.0', 8],
  ['private', '10.0.0.0', 8],
  ['carrier-grade NAT (shared)', '100.64.0.0', 10],
  ['loopback', '127.0.0.0', 8],
  // Includes 169.254.169.254, the cloud metadata service that hands out credentials.
  ['link-local', '169.254.0.0', 16],
  ['private', '172.16.0.0', 12],
  ['private', '192.168.0.0', 16],
  ['multicast', '224.0.0.0', 4],
  ['reserved', '240.0.0.0', 4],
  ['unspecified', '::', 128],
  ['loopback', '::1', 128],
  ['unique-local', 'fc00::', 7],
  ['link-local', 'fe80::', 10],
  ['multicast', 'ff00::', 8],
];

const blockLists = BLOCKED_RANGES.map(([kind, network, prefix]) => {
  const list = new BlockList();
  list.addSubnet(network, prefix, isIP(network) === 4 ? 'ipv4' : 'ipv6');
  return { kind, list };
});

/** What kind of non-public address this is (`loopback`, `private`, …), or null for a public one. */
export function classifyAddress(address: string): string | null {
  const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
  return blockLists.find(({ list }) => list.check(address, family))?.kind ?? null;
}

/**
 * The check at subscription time: an http(s) URL (the URL parser refuses one without a host) and no credentials
 * (they would be sent in the clear to every log on the way, and the signature already authenticates us). A host
 * given as an IP address is checked against the blocked ranges now; a name is resolved at delivery time.
 */
export function checkWebhookUrl(raw: string, options: UrlGuardOptions): WebhookUrlCheck {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return refuse(`${raw} is not a URL: give an absolute https:// URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return refuse(`${raw} uses ${url.protocol.slice(0, -1)}: webhook URLs must be https (or http)`);
  }
  if (url.username !== '' || url.password !== '') {
    return refuse(`${redact(url)} carries credentials: remove them, the webhook signature authenticates us`);
  }
  const literal = hostAddress(url);
  if (isIP(literal) !== 0) {
    const refusal = refuseAddress(url, literal, options);
    if (refusal) return refusal;
  }
  return { ok: true, url };
}

/**
 * The check at delivery time: the URL again, then every address its host resolves to. One blocked address
 * refuses the whole URL, since the connection could go to any of them.
 */
export async function resolveWebhookTarget(
  raw: string,
  options: UrlGuardOptions & { readonly resolveHost?: ResolveHost },
): Promise<ResolvedTarget> {
  const checked = checkWebhookUrl(raw, options);
  if (!checked.ok) return checked;
  const { url } = checked;
  const host = hostAddress(url);
  let addresses: readonly ResolvedAddress[];
  try {
    addresses = await (options.resolveHost ?? resolveWithDns)(host);
  } catch (error) {
    return refuse(
      `could not resolve ${host} for ${url.href}: ${error instanceof Error ? error.message : ''}`,
    );
  }
  if (addresses.length === 0) return refuse(`${host} resolves to no address (${url.href})`);
  for (const { address } of addresses) {
    const refusal = refuseAddress(url, address, options);
    if (refusal) return refusal;
  }
  return { ok: true, url, addresses };
}

const resolveWithDns: ResolveHost = async (hostname) =>
  (await lookup(hostname, { all: true })).map(({ address, family }) => ({
    address,
    family: family === 6 ? 6 : 4,
  }));

function refuseAddress(url: URL, address: string, options: UrlGuardOptions): WebhookUrlRefusal | null {
  if (options.allowPrivateTargets) return null;
  const kind = classifyAddress(address);
  if (kind === null) return null;
  const host = hostAddress(url);
  const subject = host === address ? address : `${host} resolves to ${address}`;
  const mapped = /^::ffff:/i.test(address) ? ', IPv4-mapped' : '';
  return refuse(
    `${url.href} is refused: ${subject}, a non-public address (${kind}${mapped}); webhooks only go to ` +
      'public addresses unless the operator allows private targets',
  );
}

/** The host as an address or name, without the brackets of an IPv6 literal. */
const hostAddress = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, '$1');

const redact = (url: URL) => `${url.protocol}//***@${url.host}${url.pathname}`;

const refuse = (message: string): WebhookUrlRefusal => ({ ok: false, message });
