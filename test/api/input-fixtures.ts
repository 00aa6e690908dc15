import { afterAll, beforeAll, expect } from 'vitest';
import { createCampaign, startApi, type ApiClient, type ApiResponse } from './api-harness.js';
import { expectProblem } from './fixtures.js';

/** A field error as the API reports it; `message` may be an asymmetric matcher. */
export interface ExpectedFieldError {
  readonly path: string;
  readonly message: unknown;
}

const byPath = (errors: readonly ExpectedFieldError[]) =>
  [...errors].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

/**
 * Asserts a refusal for bad input: 422 `application/problem+json`, code `validation_failed`, and exactly these
 * field errors (in any order: the order is ajv's, not a contract).
 */
export function expectFieldErrors(response: ApiResponse, expected: readonly ExpectedFieldError[]): void {
  const problem = expectProblem(response, 422, 'validation_failed');
  expect(byPath(problem.errors ?? [])).toEqual(byPath(expected));
}

/**
 * One service for every test of a file, for tests that are refused or only read: starting a service per
 * table row would cost more than the rows.
 */
export function useSharedApi(options?: Parameters<typeof startApi>[0]): () => ApiClient {
  let client: ApiClient | undefined;
  beforeAll(async () => {
    client = await startApi(options);
  });
  afterAll(async () => {
    await client?.service.stop();
    client = undefined;
  });
  return () => client!;
}

/**
 * A draft campaign (see `createCampaign`) whose assistant reports `appointment_booked`, made its goal, with
 * one lead per simulator number given (`+1 212 555 01XY`, DESIGN §6), then started: on the virtual clock the
 * first call is placed at once (Friday 14:00 New York is inside the default window).
 */
export async function startedCampaign(api: ApiClient, key: string, phones: readonly string[]) {
  const created = await createCampaign(api, key, { goal: { variable: 'appointment_booked' } });
  const added = await api.call('POST', `/v1/campaigns/${created.campaignId}/leads`, {
    key,
    body: { leads: phones.map((phone, index) => ({ phone, name: `Lead ${index}` })) },
  });
  if (added.body.created !== phones.length) throw new Error(`leads not added: ${JSON.stringify(added.body)}`);
  const started = await api.call('POST', `/v1/campaigns/${created.campaignId}/start`, { key });
  if (started.status !== 200) throw new Error(`campaign not started: ${JSON.stringify(started.body)}`);
  return created;
}
