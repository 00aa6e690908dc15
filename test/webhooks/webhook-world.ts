import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Store } from '../../src/engine/ports/store.js';
import type { WebhookEndpoint, WebhookStore } from '../../src/engine/ports/webhook-store.js';
import { newWebhookSecret } from '../../src/api/webhooks/signature.js';
import { createSqliteStore, openSqliteDatabase } from '../../src/store/sqlite/sqlite-store.js';
import { createSqliteWebhookStore } from '../../src/store/sqlite/webhook-store.js';
import {
  ACCOUNT_ID,
  account,
  CAMPAIGN_ID,
  newLeads,
  startCampaign,
  T0,
} from '../store-conformance/fixtures.js';

/** Opens a fresh, empty Store and the WebhookStore of the same database. */
export type OpenWebhookStores = () => Promise<{
  store: Store;
  webhooks: WebhookStore;
  close: () => Promise<void>;
}>;

/** Both stores on a new in-memory SQLite database. */
export const openSqliteWebhookStores: OpenWebhookStores = () => {
  const db = openSqliteDatabase(':memory:');
  const store = createSqliteStore(db);
  return Promise.resolve({ store, webhooks: createSqliteWebhookStore(db), close: () => store.close() });
};

/**
 * A store whose campaign has started (one `campaign.started` event at T0) and its webhook store, on one
 * database, plus a way to write more outbox events the way the engine does.
 */
export async function openWebhookWorld(open: OpenWebhookStores = openSqliteWebhookStores) {
  const { store, webhooks, close } = await open();
  await startCampaign(store, newLeads(1));
  let paused = false;
  let endpoints = 0;
  return {
    store,
    webhooks,
    /** Pauses the campaign, or resumes it when paused: one `campaign.paused`/`campaign.resumed` event. */
    async writeEvent(now: number): Promise<'campaign.paused' | 'campaign.resumed'> {
      const action = paused ? 'resume' : 'pause';
      const outcome = await store.transitionCampaign({ campaignId: CAMPAIGN_ID, action, now });
      if (!outcome.ok) throw new Error(`the fixture campaign did not ${action}`);
      paused = !paused;
      return paused ? 'campaign.paused' : 'campaign.resumed';
    },
    async subscribe(
      url: string,
      events: readonly string[],
      options: { accountId?: string; now?: number } = {},
    ): Promise<WebhookEndpoint> {
      const endpoint: WebhookEndpoint = {
        id: `whep_${String((endpoints += 1)).padStart(4, '0')}`,
        accountId: options.accountId ?? ACCOUNT_ID,
        url,
        events,
        secret: newWebhookSecret(),
        createdAt: options.now ?? T0,
        disabledAt: null,
        disabledReason: null,
      };
      await webhooks.createEndpoint(endpoint);
      return endpoint;
    },
    /** A second account, with no campaign: events of the first must never reach its endpoints. */
    createOtherAccount: (id: string) => store.createAccount({ ...account(), id }),
    close,
  };
}

export type WebhookWorld = Awaited<ReturnType<typeof openWebhookWorld>>;

export interface ReceivedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/**
 * A real HTTP receiver on 127.0.0.1. `respond` picks the status for the n-th request (0-based), or `hang` to
 * never answer (the sender's timeout ends it).
 */
export async function startReceiver(respond: (index: number) => number | 'hang' = () => 200) {
  const requests: ReceivedRequest[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const answer = respond(requests.length);
      requests.push({
        method: request.method ?? '',
        path: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      if (answer !== 'hang') response.writeHead(answer, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: `http://127.0.0.1:${port}/hooks/callwright`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

export type Receiver = Awaited<ReturnType<typeof startReceiver>>;
