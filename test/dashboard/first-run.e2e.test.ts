import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startServeProcess, type ServeProcess } from '../support/serve-process.js';
import { describeBrowser, launchBrowser } from './support/browser.js';

/**
 * What `npm start` gives a first-time user (`serve --demo` on the real clock): the link it prints opens the
 * dashboard signed in, the demo campaign is one click away, and pressing Start makes calls happen at any hour.
 */
describeBrowser('the first run, from the link npm start prints', () => {
  let dir = '';
  let server: ServeProcess | null = null;
  let browser: Browser | null = null;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'callwright-first-run-'));
    [server, browser] = await Promise.all([
      startServeProcess(['--demo', '--db', join(dir, 'callwright.db')]),
      launchBrowser(),
    ]);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    server?.stop('SIGKILL');
    await rm(dir, { recursive: true, force: true });
  });

  it('opens the demo campaign signed in, and a press on Start places calls', async () => {
    let link: string | undefined;
    await expect
      .poll(() => (link = /signed in as the demo account: (\S+)/.exec(server!.output())?.[1]))
      .toMatch(/#key=cw_/);
    const page = await (await browser!.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(link!);

    await page.getByRole('link', { name: 'Spring follow-up' }).click();
    await page.getByRole('button', { name: 'Start Spring follow-up' }).click();
    // The simulator's calls ring for seconds on the real clock: the first ones are placed at once.
    const placed = page
      .getByRole('region', { name: 'Calls', exact: true })
      .getByRole('group', { name: 'Placed', exact: true });
    await expect
      .poll(async () => Number(await placed.innerText().then((t) => /\d+/.exec(t)?.[0])), {
        timeout: 15_000,
      })
      .toBeGreaterThan(0);
  }, 60_000);
});
