import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, expect } from 'vitest';
import { ADMIN_KEY, createCampaign, type ApiClient, type ApiResponse } from './api-harness.js';

/** Shared set-up of the API security, idempotency and pagination tests. */

export interface Page<T = { id: string }> {
  readonly data: T[];
  readonly nextCursor: string | null;
}

/**
 * Checks that `response` is an RFC 9457 problem with this status and code (and, for validation, an error on
 * `path`), and returns its body.
 */
export function expectProblem(
  response: ApiResponse,
  status: number,
  code: string,
  path?: string,
): { status: number; code: string; detail: string; errors?: { path: string; message: string }[] } {
  expect({ status: response.status, code: response.body?.code }).toEqual({ status, code });
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(response.body).toMatchObject({ status, code, detail: expect.any(String) });
  if (path !== undefined) {
    expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path })]));
  }
  return response.body;
}

/** Moves the test clock (admin key); the engine has processed every event up to then when it answers. */
export async function advanceClock(api: ApiClient, minutes: number): Promise<void> {
  const advanced = await api.call('POST', '/v1/clock/advance', { key: ADMIN_KEY, body: { minutes } });
  expect(advanced.status).toBe(200);
}

/** `path` with `query` added to its query string. */
export const withQuery = (path: string, query: string) => `${path}${path.includes('?') ? '&' : '?'}${query}`;

/** A list endpoint's rows, following `nextCursor` page by page with `limit`. */
export async function walkPages<T extends { id: string }>(
  api: ApiClient,
  key: string,
  path: string,
  limit: number,
): Promise<{ rows: T[]; pages: number }> {
  const rows: T[] = [];
  let pages = 0;
  let cursor: string | null = null;
  do {
    const query: string = `limit=${limit}${cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`}`;
    const page = await api.call<Page<T>>('GET', withQuery(path, query), { key });
    expect(page.status, `GET ${path} ${query}: ${JSON.stringify(page.body)}`).toBe(200);
    expect(page.body.data.length).toBeLessThanOrEqual(limit);
    rows.push(...page.body.data);
    pages += 1;
    cursor = page.body.nextCursor;
  } while (cursor !== null);
  return { rows, pages };
}

/** The ids of every row of a list endpoint, in its order. */
export async function listIds(api: ApiClient, key: string, path: string): Promise<string[]> {
  return (await walkPages(api, key, path, 1000)).rows.map((row) => row.id);
}

/** One account with something of every kind: what tenant isolation tests try to reach from another account. */
export interface Tenant {
  readonly key: string;
  readonly accountId: string;
  /** Active, with leads and calls. */
  readonly campaignId: string;
  /** A second campaign, never started. */
  readonly draftCampaignId: string;
  readonly assistantId: string;
  /** The assistant's caller id. */
  readonly phoneNumberId: string;
  /** A caller id no assistant uses (so it could be deleted). */
  readonly sparePhoneNumberId: string;
  readonly leadId: string;
  readonly callId: string;
  readonly webhookEndpointId: string;
  /** An API key besides the account's first one (so it could be revoked). */
  readonly spareKeyId: string;
}

/**
 * Sets up an account with an active campaign, leads and calls (the clock is advanced half an hour), a draft
 * campaign, a spare caller id, a second API key and a webhook endpoint posting to `webhookUrl`.
 */
export async function setUpTenant(api: ApiClient, name: string, webhookUrl: string): Promise<Tenant> {
  const { key, id: accountId } = await api.account({ name });
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await api.call(method, path, { key, body });
    expect(response.status, `${method} ${path}: ${JSON.stringify(response.body)}`).toBeLessThan(300);
    return response.body;
  };
  const hook = await call('POST', '/v1/webhook-endpoints', { url: webhookUrl, events: ['*'] });
  const { campaignId, assistantId, phoneNumberId } = await createCampaign(api, key, {
    name: `${name} calls`,
  });
  const draft = await call('POST', '/v1/campaigns', { assistantId, name: `${name} draft` });
  const spare = await call('POST', '/v1/phone-numbers', { number: '+12125550198', provider: 'simulator' });
  const spareKey = await call('POST', '/v1/account/api-keys', { label: 'spare' });
  await call('POST', `/v1/campaigns/${campaignId}/leads`, {
    leads: [
      { phone: '+12125550100', name: `${name} goal` },
      { phone: '+12125550104', name: `${name} unanswered` },
    ],
  });
  await call('POST', `/v1/campaigns/${campaignId}/start`);
  await advanceClock(api, 30);
  const calls = (await call('GET', `/v1/campaigns/${campaignId}/calls`)) as Page<{
    id: string;
    leadId: string;
  }>;
  expect(calls.data.length).toBeGreaterThan(0);
  return {
    key,
    accountId,
    campaignId,
    draftCampaignId: draft.id,
    assistantId,
    phoneNumberId,
    sparePhoneNumberId: spare.id,
    leadId: calls.data[0]!.leadId,
    callId: calls.data[0]!.id,
    webhookEndpointId: hook.id,
    spareKeyId: spareKey.key.id,
  };
}

/** A SQLite file path in a fresh temporary folder, removed after the file's tests. */
export function useTempDatabase(): string {
  const folder = mkdtempSync(join(tmpdir(), 'callwright-api-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  return join(folder, 'callwright.db');
}

/** Runs `read` on a read-only connection to the service's database file (WAL lets it read beside the writer). */
export function readDatabase<T>(path: string, read: (db: Database.Database) => T): T {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}
