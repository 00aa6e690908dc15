/**
 * Benchmark (DESIGN §8, issue 7): provider webhooks into `callwright serve` over loopback, with signature
 * verification and idempotent writes. Goal: ≥ 3,000 requests/s with p99 ≤ 50 ms.
 *
 * Set-up: `serve` in its own process on a temporary SQLite file, configured for Vapi (HMAC-signed webhooks) with
 * its API pointed at a minimal stand-in in this process that accepts every `POST /call`. Over the API: an account
 * with credit, a Vapi caller id and assistant, and a campaign of `--leads` leads (100 calls at once, any hour),
 * started. The dialer places calls; each placed call is then driven to its end by this process as Vapi would:
 * `status-update` ringing, in-progress, ended, then the `end-of-call-report` with the goal, each message signed
 * (HMAC-SHA256 over `{timestamp}.{body}`) and **delivered twice** (providers deliver at least once), so half the
 * requests are duplicates the store must ignore. As calls end the dialer places the next ones.
 *
 * The figure: every webhook request's round trip (keep-alive, `--connections` at once), and requests per second
 * over the whole run.
 *
 *   npm run bench:webhooks
 *   node dist/bench/webhooks.js --leads 1000 --connections 32
 */
import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { createSeededRandom } from '../src/domain/seeded-random.js';
import {
  createHttpClient,
  createValidUsNumbers,
  describeServerUsage,
  latencySummary,
  loadNow,
  processUsage,
  startServer,
  type HttpClient,
} from './api-support.js';
import { argValue, createTempDir, int, today } from './bench-support.js';

const LEADS = Number(argValue('leads', '3000'));
const CONNECTIONS = Number(argValue('connections', '32'));
const HMAC_SECRET = 'bench-vapi-hmac-secret';

/** Vapi's API as far as placing calls goes: every call accepted, its id handed to the webhook drivers. */
async function startVapiStandIn(onPlaced: (vapiCallId: string) => void) {
  let next = 0;
  const server = http.createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      if (request.method === 'POST' && request.url === '/call') {
        const id = `bench-call-${(next += 1)}`;
        response.writeHead(201, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ id, status: 'queued', type: 'outboundPhoneCall' }));
        onPlaced(id);
      } else {
        response.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"not found"}');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

/** The four messages Vapi sends for one call that ends with a person, in order. */
function messagesOf(vapiCallId: string, booked: boolean): string[] {
  const call = { id: vapiCallId, assistantOverrides: { metadata: {} } };
  const update = (status: string, extra: Record<string, unknown> = {}) =>
    JSON.stringify({ message: { type: 'status-update', status, call, timestamp: Date.now(), ...extra } });
  return [
    update('ringing'),
    update('in-progress'),
    update('ended', { endedReason: 'customer-ended-call' }),
    JSON.stringify({
      message: {
        type: 'end-of-call-report',
        endedReason: 'customer-ended-call',
        call,
        timestamp: Date.now(),
        analysis: { structuredData: { booked } },
      },
    }),
  ];
}

function signed(body: string): Record<string, string> {
  const timestamp = String(Date.now());
  const signature = createHmac('sha256', HMAC_SECRET).update(`${timestamp}.${body}`).digest('hex');
  return { 'content-type': 'application/json', 'x-timestamp': timestamp, 'x-signature': signature };
}

async function main() {
  const temp = createTempDir('callwright-bench-webhooks-');
  const placed: string[] = [];
  const waiting: (() => void)[] = [];
  const vapi = await startVapiStandIn((id) => {
    placed.push(id);
    waiting.shift()?.();
  });
  const server = await startServer(`${temp.dir}/bench.db`, [], {
    CALLWRIGHT_PUBLIC_URL: 'http://127.0.0.1',
    CALLWRIGHT_VAPI_API_KEY: 'bench-vapi-key',
    CALLWRIGHT_VAPI_API_URL: vapi.url,
    CALLWRIGHT_VAPI_WEBHOOK_HMAC_SECRET: HMAC_SECRET,
    CALLWRIGHT_VAPI_CREDENTIAL_ID: 'bench-credential',
  });
  const client = createHttpClient(server.url, CONNECTIONS + 4);
  try {
    const { campaignId, key } = await setUpCampaign(client, server.adminKey);
    const timings: number[] = [];
    let refused = 0;
    const send = async (body: string) => {
      const response = await client.request('POST', '/webhooks/vapi', { body, headers: signed(body) });
      timings.push(response.ms);
      if (response.status !== 204) refused += 1;
    };
    /** Takes placed calls one at a time and drives each to its end, every message delivered twice. */
    let driven = 0;
    const driver = async () => {
      while (driven < LEADS) {
        const id =
          placed.shift() ?? (await new Promise<void>((resolve) => waiting.push(resolve)), placed.shift());
        if (id === undefined) continue;
        driven += 1;
        for (const message of messagesOf(id, driven % 3 === 0)) {
          await send(message);
          await send(message);
        }
      }
    };
    const before = processUsage(server.pid);
    const began = performance.now();
    await client.json('POST', `/v1/campaigns/${campaignId}/start`, { key });
    await Promise.all(Array.from({ length: CONNECTIONS }, driver));
    const wallMs = performance.now() - began;
    const after = processUsage(server.pid);
    const stats = await client.json<{ calls: Record<string, number>; goalAchieved: number }>(
      'GET',
      `/v1/campaigns/${campaignId}/stats`,
      { key },
    );
    const summary = latencySummary(timings);
    const perSecond = timings.length / (wallMs / 1000);
    console.log(`webhooks into serve (Vapi, HMAC-verified), ${today()}`);
    console.log(
      `  ${int(timings.length)} requests (${int(driven)} calls × 4 messages × 2 deliveries) in ${(wallMs / 1000).toFixed(1)} s: ` +
        `**${int(perSecond)} requests/s** (goal ≥ 3,000), ${refused} not answered 204`,
    );
    console.log(`  latency: ${summary.line} (goal p99 ≤ 50 ms)`);
    console.log(
      `  the campaign after: ${int(stats.calls.completed ?? 0)} calls completed, ${int(stats.goalAchieved)} goals achieved`,
    );
    for (const line of describeServerUsage(before, after, wallMs, {
      name: 'request',
      count: timings.length,
    })) {
      console.log(`  ${line}`);
    }
    console.log(
      `  how: ${server.command}; ${CONNECTIONS} keep-alive connections; load average ${loadNow().toFixed(2)}`,
    );
  } finally {
    client.close();
    await server.stop();
    vapi.close();
    temp.remove();
  }
}

/** An account with credit, a Vapi caller id and assistant, and a campaign of LEADS leads calling at any hour. */
async function setUpCampaign(client: HttpClient, adminKey: string) {
  const created = await client.json<{ account: { id: string }; apiKey: string }>('POST', '/v1/accounts', {
    key: adminKey,
    body: { name: 'Webhook Benchmark' },
  });
  const key = created.apiKey;
  await client.json('POST', `/v1/accounts/${created.account.id}/credits`, {
    key: adminKey,
    body: { amount: '100000.00' },
  });
  const phone = await client.json<{ id: string }>('POST', '/v1/phone-numbers', {
    key,
    body: { number: '+12125550199', provider: 'vapi', providerRef: 'bench-number', callsPerSecond: 1000 },
  });
  const assistant = await client.json<{ id: string }>('POST', '/v1/assistants', {
    key,
    body: {
      name: 'Ava',
      provider: 'vapi',
      providerAssistantId: 'bench-assistant',
      phoneNumberId: phone.id,
      timezone: 'America/New_York',
      ratePerMinute: '0.10',
      variables: [{ name: 'booked', type: 'boolean' }],
    },
  });
  const campaign = await client.json<{ id: string }>('POST', '/v1/campaigns', {
    key,
    body: {
      assistantId: assistant.id,
      name: 'Webhook benchmark',
      goal: { variable: 'booked' },
      maxConcurrentCalls: 100,
      schedule: {
        startTime: '00:00',
        endTime: '24:00',
        days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
      },
    },
  });
  const nextNumber = createValidUsNumbers(createSeededRandom('webhooks'));
  for (let added = 0; added < LEADS; added += 1000) {
    const leads = Array.from({ length: Math.min(1000, LEADS - added) }, () => ({ phone: nextNumber() }));
    await client.json('POST', `/v1/campaigns/${campaign.id}/leads`, { key, body: { leads } });
  }
  return { campaignId: campaign.id, key };
}

await main();
