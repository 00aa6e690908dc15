import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * What every page of the flow is checked for besides its content: no accessibility violation axe-core rates
 * serious or critical (labels, contrast, roles, keyboard reachability), and, with `SAVE_SCREENSHOTS=1`
 * (`npm run docs:screenshots`), a screenshot for the README and docs/dashboard.md.
 */

const SCREENSHOTS_DIR = join(import.meta.dirname, '..', '..', '..', 'docs', 'screenshots');
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: readonly { readonly target: readonly string[] }[];
}

/** Serious and critical violations on the page as it is now, each as "rule: help (elements)". */
async function accessibilityViolations(page: Page): Promise<string[]> {
  // page.evaluate runs outside the page's content security policy, which forbids injected scripts.
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run()).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** Checks the page for accessibility and, when asked, saves it as docs/screenshots/<name>.png. */
export async function checkPage(page: Page, name: string): Promise<void> {
  expect((await accessibilityViolations(page)).join('\n'), `accessibility of ${name}`).toBe('');
  if (process.env.SAVE_SCREENSHOTS !== '1') return;
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  // From the top: a page scrolled down would show its fixed header over the middle of a full-page shot.
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({
    path: join(SCREENSHOTS_DIR, `${name}.png`),
    fullPage: true,
    animations: 'disabled',
    // A passing notification ("Campaign started.") would cover the header.
    style: '.mantine-Notifications-root { display: none !important; }',
  });
}
