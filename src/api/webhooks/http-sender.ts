import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { resolveWebhookTarget, type ResolveHost, type ResolvedAddress } from './url-guard.js';

export interface WebhookRequest {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** The receiver's status, or why there was none (refused address, DNS, connection, timeout). */
export type SendResult =
  { readonly status: number; readonly error: null } | { readonly status: null; readonly error: string };

/** POSTs one webhook; never throws: every failure is a result the retry schedule acts on. */
export type WebhookSender = (request: WebhookRequest) => Promise<SendResult>;

/** Errors are kept in the delivery log; a receiver's long error text is not worth storing whole. */
const MAX_ERROR_LENGTH = 200;

/**
 * The sender over node:http(s). Each attempt resolves and checks the host (url-guard.ts), then connects to the
 * addresses checked, never resolving again, so a DNS answer that changes in between (rebinding) cannot move the
 * request onto a private address. The URL's host name still goes in the Host header and TLS SNI, and the
 * certificate is checked against it. `timeoutMs` bounds the whole attempt, resolution included.
 */
export function createHttpSender(options: {
  readonly allowPrivateTargets: boolean;
  readonly timeoutMs: number;
  readonly resolveHost?: ResolveHost;
}): WebhookSender {
  return async (message) => {
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), options.timeoutMs);
    try {
      const target = await untilAborted(resolveWebhookTarget(message.url, options), abort.signal);
      if (!target.ok) return { status: null, error: target.message };
      const status = await post(target.url, target.addresses, message, abort.signal);
      return { status, error: null };
    } catch (error) {
      const reason = abort.signal.aborted
        ? `no response within ${options.timeoutMs} ms`
        : error instanceof Error
          ? error.message
          : String(error);
      return { status: null, error: reason.slice(0, MAX_ERROR_LENGTH) };
    } finally {
      clearTimeout(timer);
    }
  };
}

function post(
  url: URL,
  addresses: readonly ResolvedAddress[],
  message: WebhookRequest,
  signal: AbortSignal,
): Promise<number> {
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const request = send(
      url,
      {
        method: 'POST',
        headers: { ...message.headers, 'content-length': String(Buffer.byteLength(message.body)) },
        lookup: pinnedLookup(addresses),
        // A connection per attempt, to the addresses just checked: a pooled one goes wherever it first went.
        agent: false,
        signal,
      },
      (response) => {
        resolve(response.statusCode ?? 0);
        // Only the status counts. Closing now keeps a receiver that trickles its body from holding a socket.
        response.destroy();
      },
    );
    request.on('error', reject);
    request.end(message.body);
  });
}

/** A `lookup` for node:net that answers with the addresses already checked instead of asking DNS again. */
function pinnedLookup(addresses: readonly ResolvedAddress[]): LookupFunction {
  return (_hostname, lookupOptions, callback) => {
    if (lookupOptions.all) callback(null, [...addresses]);
    else callback(null, addresses[0]!.address, addresses[0]!.family);
  };
}

function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    signal.addEventListener('abort', () => reject(new Error('aborted')), { once: true });
    promise.then(resolve, reject);
  });
}
