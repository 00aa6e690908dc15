import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { accountWithAssistant } from './support/account-with-assistant.js';
import { describeBrowser } from './support/browser.js';
import { useDashboard } from './support/dashboard-world.js';
import { checkPage } from './support/page-checks.js';

describeBrowser('the campaigns list and a campaign overview', () => {
  const world = useDashboard();

  /**
   * A signed-in page that gives up on a wait after 10 s: every wait here is for the dashboard to react to one
   * request or event, so a broken feature fails fast instead of at Playwright's 30 s per wait.
   */
  async function openDashboard(apiKey: string): Promise<Page> {
    const page = await world().newPage(apiKey);
    page.setDefaultTimeout(10_000);
    return page;
  }

  /** The number a counter card of the overview shows. */
  const counter = (page: Page, section: string, label: string) =>
    page.getByRole('region', { name: section, exact: true }).getByRole('group', { name: label, exact: true });

  it('starts a campaign, shows its calls live without a reload, and pauses it from the overview and the list', async () => {
    const { accountId, apiKey, as, assistantId } = await accountWithAssistant(world(), 'Acme Clinic');
    await world().api('POST', `/v1/accounts/${accountId}/credits`, { amount: '50.00' });
    const campaign = await as('POST', '/v1/campaigns', {
      assistantId,
      name: 'Spring follow-up',
      goal: { variable: 'booked' },
      // The test clock starts at 08:00 New York time (EDT began the day before): a window opening at 10:00
      // leaves the started campaign waiting for it first.
      schedule: { startTime: '10:00' },
    });
    // By the simulator's test numbers: a person who books, a voicemail, a busy line.
    const added = await as('POST', `/v1/campaigns/${campaign.body.id}/leads`, {
      leads: [{ phone: '+12125550100' }, { phone: '+12125550102' }, { phone: '+12125550103' }],
    });
    expect(added.body.created).toBe(3);

    const page = await openDashboard(apiKey);
    const row = page.getByRole('table', { name: 'Campaigns' }).getByRole('row', { name: /Spring follow-up/ });
    await row.getByText('draft').waitFor();
    await row.getByText('0 / 3 leads done').waitFor();
    await row.getByRole('link', { name: 'Spring follow-up' }).click();
    await page.getByRole('heading', { name: 'Spring follow-up' }).waitFor();
    await page.getByRole('tab', { name: 'Overview', selected: true }).waitFor();
    // Marks this document: a reload would lose it.
    await page.evaluate(() => ((globalThis as unknown as { marked: boolean }).marked = true));

    await page.getByRole('button', { name: 'Start Spring follow-up' }).click();
    await page.getByText('Campaign “Spring follow-up” started.').waitFor();
    await page
      .getByText('Not calling: outside the calling window. Next calls at 10:00 Mon 9 Mar, America/New_York.')
      .waitFor();
    await page.getByText('Mon–Fri, 10:00–18:00 (America/New_York)').waitFor();
    await counter(page, 'Leads', 'Scheduled').getByText('3', { exact: true }).waitFor();
    await counter(page, 'Calls', 'Placed').getByText('0', { exact: true }).waitFor();
    expect(await page.getByText('No calls yet').count()).toBe(2);

    // To 10:30: the window opened at 10:00 and every first call has ended (the longest, the booking, at
    // 10:01:40); the voicemail and the busy line wait an hour for their next attempt, so nothing is due.
    await world().advanceClock(150);
    await page
      .getByText(
        'Not calling: no lead is due for its next call yet. Next calls at 11:00 Mon 9 Mar, America/New_York.',
      )
      .waitFor();
    for (const [section, label, value] of [
      ['Calls', 'Placed', '3'],
      ['Calls', 'Goal achieved', '1'],
      ['Calls', 'Voicemail', '1'],
      ['Calls', 'Busy', '1'],
      ['Calls', 'Cost', '0.20 USD'],
      ['Leads', 'Completed', '1'],
      ['Leads', 'Rescheduled', '2'],
    ] as const) {
      await counter(page, section, label).getByText(value, { exact: true }).waitFor();
    }
    await page.getByText('No calls yet').waitFor({ state: 'detached' });
    // The calls were charged: the header's balance follows without a reload too.
    await page.getByTestId('account-summary').getByText('49.80 USD').waitFor();
    // The three calls in the hour from 10:00, then in the day.
    const timeline = page.getByRole('region', { name: 'Calls over time' });
    await timeline.getByText('Mon 10:00', { exact: true }).waitFor();
    await timeline.getByText('Per day', { exact: true }).click();
    await timeline.getByText('Mon 9 Mar', { exact: true }).waitFor();
    await timeline.getByText('Per hour', { exact: true }).click();
    await timeline.getByText('Mon 10:00', { exact: true }).waitFor();
    await checkPage(page, 'campaign-overview');

    await page.getByRole('button', { name: 'Pause Spring follow-up' }).click();
    await page.getByText('Paused: no new calls until the campaign is resumed.', { exact: false }).waitFor();
    await page.getByText('· manual').waitFor();
    await page.getByRole('button', { name: 'Resume Spring follow-up' }).click();
    await page.getByRole('button', { name: 'Pause Spring follow-up' }).waitFor();

    // Back on the list, the row shows the same progress and results, and pauses the campaign too.
    await page.getByRole('link', { name: 'All campaigns' }).click();
    await row.getByText('1 / 3 leads done').waitFor();
    await row.getByRole('cell', { name: '1', exact: true }).waitFor();
    await row.getByRole('cell', { name: '0.20 USD', exact: true }).waitFor();
    await checkPage(page, 'campaigns');
    await row.getByRole('button', { name: 'Pause Spring follow-up' }).click();
    await row.getByText('paused').waitFor();
    await row.getByRole('button', { name: 'Resume Spring follow-up' }).waitFor();
    expect(await page.evaluate(() => (globalThis as unknown as { marked?: boolean }).marked)).toBe(true);
  });

  it('pages through the campaigns on the server, 20 at a time', async () => {
    const { apiKey, as, assistantId } = await accountWithAssistant(world(), 'Busy Clinic');
    for (let n = 1; n <= 21; n++) {
      const name = `Campaign ${String(n).padStart(2, '0')}`;
      expect((await as('POST', '/v1/campaigns', { assistantId, name })).status).toBe(201);
    }
    const page = await openDashboard(apiKey);
    const table = page.getByRole('table', { name: 'Campaigns' });
    const campaignLinks = table.getByRole('link', { name: /^Campaign \d\d$/ });
    await table.getByRole('link', { name: 'Campaign 20' }).waitFor();
    expect(await campaignLinks.count()).toBe(20);
    expect(await page.getByRole('button', { name: 'Previous' }).isDisabled()).toBe(true);

    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText('Page 2').waitFor();
    await table.getByRole('link', { name: 'Campaign 01' }).waitFor({ state: 'detached' });
    expect(await campaignLinks.allInnerTexts()).toEqual(['Campaign 21']);
    expect(await page.getByRole('button', { name: 'Next' }).isDisabled()).toBe(true);

    await page.getByRole('button', { name: 'Previous' }).click();
    await table.getByRole('link', { name: 'Campaign 01' }).waitFor();
    await page.getByText('Page 1').waitFor();
  });

  it('refuses to start with every unmet requirement, each linking to where it is fixed', async () => {
    // An account that needs 5.00 to start a campaign (the default minimum is 0.00, which any balance meets)
    // and has none, an assistant with no phone number on a provider this server has not configured, and a
    // campaign with no leads: all four requirements unmet.
    const account = await world().api('POST', '/v1/accounts', {
      name: 'Bare Clinic',
      minimumStartBalance: '5.00',
    });
    expect(account.status).toBe(201);
    const apiKey: string = account.body.apiKey;
    const assistant = await world().api(
      'POST',
      '/v1/assistants',
      { name: 'Vera', provider: 'vapi', timezone: 'America/New_York', ratePerMinute: '0.10' },
      apiKey,
    );
    const campaign = await world().api(
      'POST',
      '/v1/campaigns',
      { assistantId: assistant.body.id, name: 'Empty list' },
      apiKey,
    );
    expect(campaign.status).toBe(201);

    const page = await openDashboard(apiKey);
    await page
      .getByRole('row', { name: /Empty list/ })
      .getByText('0 / 0 leads done')
      .waitFor();
    await page.getByRole('button', { name: 'Start Empty list' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'This campaign cannot start yet' });
    await refusal.waitFor();
    expect(await refusal.getByRole('listitem').count()).toBe(4);
    // The API's own words, with the amounts.
    await refusal
      .getByText('The balance 0.00 USD is below the minimum of 5.00 USD needed to start', { exact: false })
      .waitFor();
    const hrefOf = (name: string) => refusal.getByRole('link', { name }).getAttribute('href');
    expect(await hrefOf('Give the assistant a phone number')).toBe(`/assistants/${assistant.body.id}`);
    expect(await hrefOf("Check the assistant's provider")).toBe(`/assistants/${assistant.body.id}`);
    expect(await hrefOf('Add credit')).toBe('/account');
    expect(await hrefOf('Add leads')).toBe(`/campaigns/${campaign.body.id}/add-leads`);
    await checkPage(page, 'campaign-start-refused');

    await refusal.getByRole('link', { name: 'Add leads' }).click();
    await page.getByRole('tab', { name: 'Add leads', selected: true }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/campaigns/${campaign.body.id}/add-leads`);
  });

  it('says so when the address names no campaign of the account', async () => {
    const { apiKey } = await world().createAccount('Lost Clinic');
    const page = await openDashboard(apiKey);
    // Signed in (the key is kept) before the address changes.
    await page.getByText('No campaigns yet').waitFor();
    for (const id of ['cmp_0doesnotexist', 'not-an-id']) {
      await page.goto(`${world().url}/campaigns/${id}`);
      await page.getByRole('heading', { name: 'Campaign not found' }).waitFor();
    }
  });
});
