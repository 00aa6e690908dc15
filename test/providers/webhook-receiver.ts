import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WebhookRequest } from '../../src/engine/ports/call-provider.js';

/** A loopback HTTP server that keeps every request it receives, unparsed, as our webhook endpoint would see it. */
export interface WebhookReceiver {
  /** The base URL; any path under it is received. */
  readonly url: string;
  readonly received: readonly WebhookRequest[];
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: WebhookRequest[] = [];
  let base = '';
  const server = createServer((request, response) => {
    void readBody(request).then((rawBody) => {
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(request.headers)) {
        if (value !== undefined)
          headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
      }
      received.push({ url: base + (request.url ?? '/'), headers, rawBody, receivedAt: Date.now() });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
