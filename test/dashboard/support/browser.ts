import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { describe } from 'vitest';

/**
 * Dashboard tests drive Debian's Chromium through playwright-core (Playwright's own browser download is not
 * reachable here). `.ci/run` installs it; in CI a missing browser fails these tests instead of skipping them.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const reason = existsSync(CHROMIUM_PATH) ? null : `no Chromium at ${CHROMIUM_PATH}`;
if (reason !== null && process.env.CI === 'true') {
  throw new Error(
    `Chromium is required in CI: ${reason}. .ci/run installs it (apt-get install -y chromium); set CHROMIUM_PATH for another browser.`,
  );
}

/** `describe` when Chromium is there; otherwise (outside CI) a skipped block that says why. */
export const describeBrowser: typeof describe =
  reason === null ? describe : (describe.skip as typeof describe);
if (reason !== null) console.warn(`Dashboard browser tests skipped: ${reason}`);

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}
