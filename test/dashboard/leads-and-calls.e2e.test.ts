import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { describeBrowser } from './support/browser.js';
import { accountWithAssistant } from './support/account-with-assistant.js';
import { useDashboard } from './support/dashboard-world.js';
import { checkPage } from './support/page-checks.js';

/**
 * The simulator's test numbers (DESIGN §6: `+1 NPA 555-01XY` behaves by XY on every attempt), one per lead, so
 * each lead ends the first round the same way on every run. Area codes differ so a search by digits finds one.
 */
const NAMED_LEADS = [
  { name: 'Ada Lovelace', phone: '+12125550100' }, // answers, goal true: completed, goal achieved
  { name: 'Grace Hopper', phone: '+16465550102' }, // voicemail: rescheduled for the next round
  { name: 'Alan Turing', phone: '+17185550103' }, // busy: rescheduled
  { name: 'Edsger Dijkstra', phone: '+13125550106' }, // invalid number: max retries
  { name: 'Barbara Liskov', phone: '+14155550109' }, // answers, never reports an end: processing for 35 min
];

/** Enough leads for three pages of fifty, in a campaign never started (so none is ever dialed). */
const FILLER_LEADS = Array.from({ length: 120 }, (_, i) => ({
  name: `Lead ${String(i + 1).padStart(3, '0')}`,
  phone: `+1212200${String(i + 1).padStart(4, '0')}`,
}));

describeBrowser('a campaign’s leads and calls', () => {
  const world = useDashboard();
  let apiKey = '';
  let started = ''; // the campaign the simulator has called
  let draft = ''; // the campaign with three pages of leads

  beforeAll(async () => {
    const account = await accountWithAssistant(world(), 'Leads Clinic');
    apiKey = account.apiKey;
    const { as, assistantId } = account;
    await world().api('POST', `/v1/accounts/${account.accountId}/credits`, { amount: '50.00' });
    const campaign = async (name: string, leads: readonly object[]) => {
      const created = await as('POST', '/v1/campaigns', {
        assistantId,
        name,
        goal: { variable: 'booked' },
      });
      const added = await as('POST', `/v1/campaigns/${created.body.id}/leads`, { leads });
      expect(added.body).toMatchObject({ created: leads.length, invalid: [] });
      return created.body.id as string;
    };
    started = await campaign('Spring follow-up', NAMED_LEADS);
    draft = await campaign('Autumn list', FILLER_LEADS);
    expect((await as('POST', `/v1/campaigns/${started}/start`)).status).toBe(200);
    // From 08:00 to 09:05 New York time: the window opens at 09:00 and every lead has had its first call.
    await world().advanceClock(65);
  }, 30_000);

  const open = async (path: string): Promise<Page> => {
    const page = await world().newPage(apiKey);
    await page.goto(`${world().url}${path}`);
    return page;
  };
  const leadsTable = (page: Page) => page.getByRole('table', { name: 'Leads' });
  /** The names in the leads table, in order, once its rows are `expected`. */
  const waitForLeadNames = async (page: Page, expected: readonly string[]) => {
    const names = leadsTable(page).getByRole('row').getByRole('link');
    await expect.poll(() => names.allTextContents(), { timeout: 10_000 }).toEqual(expected);
  };

  it('pages through the leads on the server and searches them by name or number, the search in the address', async () => {
    const page = await open(`/campaigns/${draft}/leads`);
    const names = leadsTable(page).getByRole('row').getByRole('link');
    await leadsTable(page).getByRole('link', { name: 'Lead 001' }).waitFor();
    expect(await names.count()).toBe(50);
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText('Page 2').waitFor();
    await leadsTable(page).getByRole('link', { name: 'Lead 051' }).waitFor();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText('Page 3').waitFor();
    await waitForLeadNames(
      page,
      FILLER_LEADS.slice(100).map((lead) => lead.name),
    );
    expect(await page.getByRole('button', { name: 'Next' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Previous' }).click();
    await leadsTable(page).getByRole('link', { name: 'Lead 100' }).waitFor();

    // A search is a new list: from its first page.
    const search = page.getByRole('searchbox', { name: 'Search' });
    await search.fill('lead 11');
    await waitForLeadNames(
      page,
      FILLER_LEADS.slice(109, 119).map((lead) => lead.name),
    );
    expect(new URL(page.url()).searchParams.get('q')).toBe('lead 11');
    // Digits, written as a person would: any number containing them.
    await search.fill('(212) 200-0042');
    await waitForLeadNames(page, ['Lead 042']);
    await page.reload();
    expect(await page.getByRole('searchbox', { name: 'Search' }).inputValue()).toBe('(212) 200-0042');
    await waitForLeadNames(page, ['Lead 042']);
    await page.getByRole('searchbox', { name: 'Search' }).fill('nobody');
    await page.getByText('No leads matching “nobody”').waitFor();
  });

  it('filters the called campaign’s leads by status, each row with its result and next attempt', async () => {
    const page = await open(`/campaigns/${started}/leads`);
    await waitForLeadNames(
      page,
      NAMED_LEADS.map((lead) => lead.name),
    );
    await checkPage(page, 'campaign-leads');
    const row = (name: string) => leadsTable(page).getByRole('row', { name: new RegExp(name) });
    // Badges are upper case on screen (CSS), so the text read from rows is matched ignoring case.
    expect(await row('Ada Lovelace').innerText()).toMatch(/completed\s+goal achieved\s+1\s+answered/i);
    expect(await row('Edsger Dijkstra').innerText()).toMatch(/max retries\s+1\s+failed/i);
    // The voicemail's next round: an hour after its call ended, in New York time.
    expect(await row('Grace Hopper').innerText()).toMatch(
      /\+16465550102\s+rescheduled\s+1\s+voicemail\s+9 Mar 2026, 10:0\d/i,
    );

    await page.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('option', { name: 'Rescheduled (next round)' }).click();
    await waitForLeadNames(page, ['Grace Hopper', 'Alan Turing']);
    expect(new URL(page.url()).searchParams.get('status')).toBe('rescheduled');
    await page.getByRole('searchbox', { name: 'Search' }).fill('718');
    await waitForLeadNames(page, ['Alan Turing']);
    await page.getByRole('searchbox', { name: 'Search' }).fill('hopper');
    await waitForLeadNames(page, ['Grace Hopper']);
    await page.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('option', { name: 'Completed' }).click();
    await page.getByText('No leads with the status “Completed” matching “hopper”').waitFor();
  });

  it('overrides a lead from its page after a confirmation, and shows a refused one in the API’s words', async () => {
    const page = await open(`/campaigns/${started}/leads?q=grace`);
    await leadsTable(page).getByRole('link', { name: 'Grace Hopper' }).click();
    await page.getByRole('heading', { name: 'Grace Hopper' }).waitFor();
    const numbers = page.getByRole('table', { name: 'Numbers' });
    expect(await numbers.getByRole('row', { name: /Primary/ }).innerText()).toMatch(
      /\+16465550102\s+1\s+voicemail/,
    );
    await checkPage(page, 'lead');
    const calls = page.getByRole('table', { name: 'Calls to this lead' });
    expect(await calls.getByRole('row').count()).toBe(2); // the header and the voicemail

    await page.getByRole('button', { name: 'Stop calling' }).click();
    const dialog = page.getByRole('dialog', { name: 'Stop calling?' });
    await dialog.getByText('Marks the lead completed by hand').waitFor();
    await dialog.getByRole('button', { name: 'Stop calling' }).click();
    await page.getByText('Grace Hopper marked completed: no more calls.').waitFor();
    await page.getByText('by hand', { exact: true }).waitFor();
    // Nothing left to stop: the override is no longer offered.
    await page.getByRole('button', { name: 'Stop calling' }).waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Call again from the start' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Reset the lead' }).click();
    await page.getByText('Grace Hopper reset: it will be called again from its first number.').waitFor();
    await page.getByText('by hand', { exact: true }).waitFor({ state: 'detached' });
    // The campaign runs: the reset lead is scheduled, or already being called.
    expect(await page.getByRole('heading', { name: 'Grace Hopper' }).locator('..').innerText()).toMatch(
      /scheduled|processing/i,
    );

    // Barbara's call never ends (until it is reconciled after 35 minutes): no reset while it is in flight.
    await page.getByRole('link', { name: /Leads of Spring follow-up/ }).click();
    await leadsTable(page).getByRole('link', { name: 'Barbara Liskov' }).click();
    await page.getByRole('heading', { name: 'Barbara Liskov' }).waitFor();
    await page.getByRole('button', { name: 'Call again from the start' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Reset the lead' }).click();
    const refusal = page.getByRole('dialog').getByRole('alert');
    await refusal.getByText('the lead has a call in flight: reset it once the call has ended').waitFor();
    expect(await refusal.innerText()).toContain('Not done');
  });

  it('lists the calls newest first and shows a call’s timeline, who answered, cost and variables', async () => {
    // Alan's page, open while his second round is placed: it follows without a reload.
    const alan = await open(`/campaigns/${started}/leads?q=turing`);
    await leadsTable(alan).getByRole('link', { name: 'Alan Turing' }).click();
    const alansNumber = alan.getByRole('table', { name: 'Numbers' }).getByRole('row', { name: /Primary/ });
    await expect.poll(() => alansNumber.innerText(), { timeout: 10_000 }).toMatch(/\+17185550103\s+1\s+busy/);

    // Past 10:00 the voicemail and busy leads have their second round.
    await world().advanceClock(60);
    await expect.poll(() => alansNumber.innerText(), { timeout: 10_000 }).toMatch(/\+17185550103\s+2\s+busy/);
    const page = await open(`/campaigns/${started}/calls`);
    const rows = page.getByRole('table', { name: 'Calls' }).getByRole('row');
    await rows.filter({ hasText: 'Alan Turing' }).nth(1).waitFor();
    const placed = (await rows.allInnerTexts())
      .slice(1)
      .map((text) => /9 Mar 2026, (\d\d:\d\d)/.exec(text)?.[1]);
    expect(placed.length).toBeGreaterThan(NAMED_LEADS.length);
    expect(placed).toEqual([...placed].sort().reverse());

    await checkPage(page, 'campaign-calls');
    const ada = rows.filter({ hasText: 'Ada Lovelace' });
    expect(await ada.innerText()).toMatch(/completed\s+human\s+1 min 30 s\s+0\.15 USD\s+Achieved/i);
    await ada.getByRole('link', { name: /9 Mar 2026/ }).click();
    await page.getByRole('heading', { name: 'Call to +12125550100' }).waitFor();
    const timeline = page.getByRole('region', { name: 'Status timeline' });
    await timeline.getByText('Completed').waitFor();
    // Rings 10 s, talks 90 s (DESIGN §6), from the window's opening at 09:00.
    expect(await timeline.innerText()).toMatch(
      /^Initiated\s+9 Mar 2026, 09:00:00\s+Ringing\s+.+\s+In progress\s+9 Mar 2026, 09:00:10\s+Completed\s+9 Mar 2026, 09:01:40$/m,
    );
    await checkPage(page, 'call');
    const summary = page.getByRole('region', { name: 'Summary' });
    expect(await summary.innerText()).toMatch(/Answered by\s+human/);
    expect(await summary.innerText()).toMatch(/Duration\s+1 min 30 s billed/);
    expect(await summary.innerText()).toMatch(/Cost\s+0\.15 USD/);
    expect(await summary.innerText()).toMatch(/Goal\s+Achieved/);
    const variables = page.getByRole('table', { name: 'Post-call variables' });
    expect(await variables.innerText()).toMatch(/booked\s+true/);

    await page.getByRole('link', { name: '← Lead: Ada Lovelace' }).click();
    await page.getByRole('heading', { name: 'Ada Lovelace' }).waitFor();
  });
});
