import { expect } from 'vitest';
import type { DashboardWorld } from './dashboard-world.js';

/** A JSON request to the API with one account's key. */
export type AccountApi = <T = any>(
  method: string,
  path: string,
  body?: unknown,
) => Promise<{ status: number; body: T }>;

/**
 * A new account (without credit) with a simulator number (+1 212 555-0100, the simulator's "answers and books")
 * and an assistant on it in New York whose boolean variable `booked` can be a campaign's goal.
 */
export async function accountWithAssistant(world: DashboardWorld, name: string) {
  const { id, apiKey } = await world.createAccount(name);
  const as: AccountApi = (method, path, body) => world.api(method, path, body, apiKey);
  const phone = await as('POST', '/v1/phone-numbers', { number: '+12125550100', provider: 'simulator' });
  const assistant = await as('POST', '/v1/assistants', {
    name: 'Ava',
    provider: 'simulator',
    phoneNumberId: phone.body.id,
    timezone: 'America/New_York',
    ratePerMinute: '0.10',
    variables: [{ name: 'booked', type: 'boolean' }],
  });
  expect(assistant.status).toBe(201);
  return { accountId: id, apiKey, as, assistantId: assistant.body.id as string };
}
