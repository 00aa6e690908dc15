import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBrowser } from './support/browser.js';
import { ADMIN_KEY, useDashboard } from './support/dashboard-world.js';
import { checkPage } from './support/page-checks.js';

/**
 * The whole story of the dashboard, as a first-time user lives it (issue 5): sign in, a caller id and an
 * assistant, a campaign through the wizard with a CSV that has a secondary-phone column, a start refused for want
 * of credit and explained, a top-up, a start, and the counters, the leads table and the calls log changing as the
 * clock moves; then an override. The other dashboard tests go deeper into each page.
 */

/** By the simulator's test numbers (DESIGN §6): a booking, a voicemail, a busy line; Ann has an office number. */
const LEADS_CSV = [
  'Name,Phone,Office Phone,Company',
  'Ann Lee,+12125550100,+12125550111,Acme',
  'Bob Roe,(212) 555-0102,,Globex',
  'Cy Poe,212.555.0103,,Initech',
  '',
].join('\n');

describeBrowser('running a first campaign from the dashboard', () => {
  const world = useDashboard();
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'callwright-flow-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('signs in, builds a campaign in the wizard, is told why it cannot start, tops up, starts and watches it', async () => {
    // The operator creates the account (self-hosted: accounts are the admin's to make); a start needs 5.00.
    const account = await world().api('POST', '/v1/accounts', {
      name: 'Riverside Clinic',
      minimumStartBalance: '5.00',
    });
    const { apiKey } = account.body as { apiKey: string };
    const page = await world().newPage();
    page.setDefaultTimeout(10_000);

    await signIn(page, apiKey);
    await addCallerIdAndAssistant(page);
    await createCampaignInWizard(page, join(dir, 'spring.csv'));

    // No credit yet: the start is refused, and the refusal links to where credit is added.
    await page.getByRole('button', { name: 'Start Spring follow-up' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'This campaign cannot start yet' });
    await refusal
      .getByText('The balance 0.00 USD is below the minimum of 5.00 USD', { exact: false })
      .waitFor();
    await refusal.getByRole('link', { name: 'Add credit' }).click();
    await topUp(page);

    // Back to the campaign, started before its calling window opens (Monday 09:00 in New York).
    await page.getByRole('link', { name: 'Campaigns', exact: true }).click();
    await page.getByRole('link', { name: 'Spring follow-up' }).click();
    await page.getByRole('button', { name: 'Start Spring follow-up' }).click();
    await page.getByText('Campaign “Spring follow-up” started.').waitFor();
    await page.getByText('Next calls at 09:00 Mon 9 Mar, America/New_York.', { exact: false }).waitFor();
    await counter(page, 'Calls', 'Placed').getByText('0', { exact: true }).waitFor();

    // 08:00 → 09:30: every first call has ended. The counters change live, without a reload.
    await world().advanceClock(90);
    for (const [section, label, value] of [
      ['Calls', 'Placed', '3'],
      ['Calls', 'Goal achieved', '1'],
      ['Calls', 'Voicemail', '1'],
      ['Calls', 'Busy', '1'],
      ['Leads', 'Completed', '1'],
      ['Leads', 'Rescheduled', '2'],
    ] as const) {
      await counter(page, section, label).getByText(value, { exact: true }).waitFor();
    }

    await watchLeadsAndCalls(page);
  }, 90_000);

  async function signIn(page: Page, apiKey: string) {
    await page.getByLabel('API key').fill('cw_a-key-from-somewhere-else');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('This API key is not valid').waitFor();
    await page.getByLabel('API key').fill(apiKey);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('account-summary').getByText('Riverside Clinic').waitFor();
    await page.getByText('No campaigns yet').waitFor();
  }

  async function addCallerIdAndAssistant(page: Page) {
    await page.getByRole('link', { name: 'Phone numbers' }).click();
    await page.getByRole('textbox', { name: 'Number', exact: true }).fill('+12125550199');
    await page.getByLabel('Label').fill('Front desk');
    await page.getByRole('button', { name: 'Add phone number' }).click();
    await page.getByRole('table', { name: 'Phone numbers' }).getByText('Front desk').waitFor();

    await page.getByRole('link', { name: 'Assistants' }).click();
    await page.getByRole('link', { name: 'New assistant' }).click();
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Ava');
    await choose(page, 'Phone number', '+12125550199 · Front desk');
    await page.getByRole('combobox', { name: 'Time zone' }).fill('new york');
    await page.getByRole('option', { name: 'America/New_York' }).click();
    await page.getByRole('textbox', { name: 'Rate per minute' }).fill('0.10');
    await page.getByRole('button', { name: 'Add variable' }).click();
    await page.getByLabel('Variable 1 name').fill('booked');
    await page.getByRole('button', { name: 'Create assistant' }).click();
    await page.getByText('Assistant Ava created.').waitFor();
  }

  async function createCampaignInWizard(page: Page, csvPath: string) {
    await page.getByRole('link', { name: 'Campaigns', exact: true }).click();
    await page.getByRole('link', { name: 'Create campaign' }).first().click();
    await page.getByLabel('Campaign name').fill('Spring follow-up');
    await choose(page, 'Assistant', 'Ava (America/New_York)');
    await page.getByRole('button', { name: 'Next' }).click();
    // Calling hours: the defaults, Mon–Fri 09:00–18:00 in the assistant's time zone.
    await page.getByText('Times are in America/New_York, the assistant’s time zone.').waitFor();
    await checkPage(page, 'campaign-wizard-hours');
    await page.getByRole('button', { name: 'Next' }).click();
    await choose(page, 'Goal', 'booked');
    await page.getByRole('button', { name: 'Create campaign' }).click();

    // The file: Office Phone is found as a secondary number, and Ann's row dials it after her own.
    await writeFile(csvPath, LEADS_CSV);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Lead file' }).click();
    await (await chooser).setFiles(csvPath);
    const role = (column: string) => page.getByRole('combobox', { name: `Role of the column ${column}` });
    expect(await role('Office Phone').inputValue()).toBe('Secondary phone');
    const preview = page.getByRole('table', { name: 'First rows as they will be imported' });
    await preview
      .getByRole('row', { name: /Ann Lee/ })
      .getByRole('cell', { name: '+12125550111', exact: true })
      .waitFor();
    await page.getByRole('button', { name: 'Import spring.csv' }).click();
    await page.getByText('Import complete').waitFor();
    const report = page.getByRole('table', { name: 'Import report' });
    await report.getByRole('row', { name: 'Leads created 3', exact: true }).waitFor();
    await report.getByRole('row', { name: 'Phone numbers added 4', exact: true }).waitFor();

    await page.getByRole('button', { name: 'Review', exact: true }).click();
    const summary = page.getByRole('table', { name: 'Campaign summary' });
    await summary.getByRole('row', { name: 'Leads 3 (3 created)' }).waitFor();
  }

  async function topUp(page: Page) {
    await page.getByLabel('Amount').fill('25.00');
    await page.getByLabel("Operator's admin key").fill(ADMIN_KEY);
    await page.getByRole('button', { name: 'Add credit' }).click();
    await page.getByTestId('account-summary').getByText('25.00 USD').waitFor();
  }

  async function watchLeadsAndCalls(page: Page) {
    await page.getByRole('tab', { name: 'Leads', exact: true }).click();
    const leads = page.getByRole('table', { name: 'Leads', exact: true });
    const lead = (name: string) => leads.getByRole('row', { name: new RegExp(name) });
    expect(await lead('Ann Lee').innerText()).toMatch(/completed\s+goal achieved\s+1\s+answered/i);
    expect(await lead('Bob Roe').innerText()).toMatch(/rescheduled\s+1\s+voicemail/i);

    await page.getByRole('tab', { name: 'Calls', exact: true }).click();
    const calls = page.getByRole('table', { name: 'Calls', exact: true });
    const annsCall = calls.getByRole('row', { name: /Ann Lee/ });
    expect(await annsCall.innerText()).toMatch(/completed\s+human\s+1 min 30 s\s+0\.15 USD\s+Achieved/i);

    // The override: Cy's busy line is not worth another round.
    await page.getByRole('tab', { name: 'Leads', exact: true }).click();
    await lead('Cy Poe').getByRole('link', { name: 'Cy Poe' }).click();
    await page.getByRole('heading', { name: 'Cy Poe' }).waitFor();
    await page.getByRole('button', { name: 'Stop calling' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Stop calling' }).click();
    await page.getByText('Cy Poe marked completed: no more calls.').waitFor();
    await page.getByRole('link', { name: /Leads of Spring follow-up/ }).click();
    await page.getByRole('tab', { name: 'Overview' }).click();
    await counter(page, 'Leads', 'Completed').getByText('2', { exact: true }).waitFor();
  }

  const choose = async (page: Page, label: string, option: string) => {
    await page.getByRole('combobox', { name: label, exact: true }).click();
    await page.getByRole('option', { name: option, exact: true }).click();
  };

  /** The number a counter card of the campaign overview shows. */
  const counter = (page: Page, section: string, label: string) =>
    page.getByRole('region', { name: section, exact: true }).getByRole('group', { name: label, exact: true });
});
