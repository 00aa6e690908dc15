import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startServeProcess, type ServeProcess } from '../../support/serve-process.js';
import { launchBrowser } from './browser.js';

export const ADMIN_KEY = 'dashboard-test-admin-key-0123456789';
/** A Monday, 08:00 in New York: an hour before the demo assistant's calling window opens. */
export const CLOCK_START = '2026-03-09T08:00:00-04:00';

export interface DashboardWorld {
  readonly url: string;
  readonly browser: Browser;
  /** A JSON request to the server's API with a key (the admin key by default). */
  api<T = any>(
    method: string,
    path: string,
    body?: unknown,
    key?: string,
  ): Promise<{ status: number; body: T }>;
  /** A new account with a fresh API key (and no money). */
  createAccount(name: string): Promise<{ id: string; apiKey: string }>;
  /** A browser page of its own (1280×800: a laptop), signed in with `apiKey` when given. */
  newPage(apiKey?: string): Promise<Page>;
  /** Moves the test clock forward and waits for the engine to process everything up to then. */
  advanceClock(minutes: number): Promise<void>;
}

/**
 * One `callwright serve --clock virtual` on a temporary SQLite file and one Chromium for a test file: the
 * dashboard as users run it, driven through the browser, with the API at hand for set-up and checks.
 */
export function useDashboard(): () => DashboardWorld {
  let world: DashboardWorld | null = null;
  let server: ServeProcess | null = null;
  let browser: Browser | null = null;
  let dir: string | null = null;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'callwright-dashboard-'));
    [server, browser] = await Promise.all([
      startServeProcess(
        [
          '--db',
          join(dir, 'callwright.db'),
          '--clock',
          'virtual',
          '--clock-start',
          CLOCK_START,
          '--allow-private-webhooks',
        ],
        { CALLWRIGHT_ADMIN_KEY: ADMIN_KEY },
      ),
      launchBrowser(),
    ]);
    const url = server.url;
    const openBrowser = browser;
    const api: DashboardWorld['api'] = async (method, path, body, key = ADMIN_KEY) => {
      const response = await fetch(url + path, {
        method,
        headers: {
          authorization: `Bearer ${key}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      return { status: response.status, body: text === '' ? undefined : JSON.parse(text) };
    };
    world = {
      url,
      browser: openBrowser,
      api,
      async createAccount(name) {
        const created = await api('POST', '/v1/accounts', { name });
        if (created.status !== 201) throw new Error(`account not created: ${JSON.stringify(created.body)}`);
        return { id: created.body.account.id, apiKey: created.body.apiKey };
      },
      async newPage(apiKey) {
        const context = await openBrowser.newContext({ viewport: { width: 1280, height: 800 } });
        const page = await context.newPage();
        if (apiKey === undefined) {
          await page.goto(`${url}/`);
          return page;
        }
        await page.goto(`${url}/#key=${encodeURIComponent(apiKey)}`);
        // Signed in once the header shows the account: only then is the key kept for the next address.
        await page.getByTestId('account-summary').waitFor();
        return page;
      },
      async advanceClock(minutes) {
        const advanced = await api('POST', '/v1/clock/advance', { minutes });
        if (advanced.status !== 200) throw new Error(`clock not advanced: ${JSON.stringify(advanced.body)}`);
      },
    };
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    server?.stop('SIGKILL');
    if (dir !== null) await rm(dir, { recursive: true, force: true });
  });
  return () => {
    if (world === null) throw new Error('the dashboard world is set up in beforeAll');
    return world;
  };
}
