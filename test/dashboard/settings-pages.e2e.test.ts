import type { Locator, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeBrowser } from './support/browser.js';
import { ADMIN_KEY, useDashboard } from './support/dashboard-world.js';
import { checkPage } from './support/page-checks.js';

describeBrowser('assistants, phone numbers and the account pages', () => {
  const world = useDashboard();

  const open = async (apiKey: string, path: string): Promise<Page> => {
    const page = await world().newPage(apiKey);
    await page.goto(`${world().url}${path}`);
    return page;
  };

  /** A refusal stands under the field it names, and marks that field invalid. */
  const expectRefused = async (field: Locator, message: string) => {
    await field.page().getByText(message).waitFor();
    expect(await field.getAttribute('aria-invalid')).toBe('true');
  };

  it('adds a phone number and an assistant with a boolean variable, shows a refused field, then edits it', async () => {
    const { apiKey } = await world().createAccount('Catalog Clinic');
    const page = await open(apiKey, '/phone-numbers');
    await page.getByText('No phone number yet').waitFor();
    // The server has no Twilio credentials: the choice says so.
    await page.getByRole('combobox', { name: 'Provider', exact: true }).click();
    await page.getByRole('option', { name: 'Twilio (not set up on this server)' }).waitFor();
    await page.getByRole('option', { name: 'Simulator (built in)' }).click();
    // By role: a label engine reads a required field's label with its asterisk ("Number *").
    const number = page.getByRole('textbox', { name: 'Number', exact: true });
    await number.fill('12');
    await page.getByRole('button', { name: 'Add phone number' }).click();
    await expectRefused(number, 'must be an E.164 number such as "+12125550199", got "12"');
    await number.fill('+12125550199');
    await page.getByLabel('Label').fill('Main line');
    await page.getByRole('button', { name: 'Add phone number' }).click();
    await page.getByRole('table', { name: 'Phone numbers' }).getByText('Main line').waitFor();
    await checkPage(page, 'phone-numbers');

    await page.goto(`${world().url}/assistants`);
    await page.getByText('No assistant yet').waitFor();
    await page.getByRole('link', { name: 'New assistant' }).click();
    const name = page.getByRole('textbox', { name: 'Name', exact: true });
    await name.fill('Ava');
    // A select's list of options is labelled by the select's label too, so the select is found by role.
    await page.getByRole('combobox', { name: 'Phone number', exact: true }).click();
    await page.getByRole('option', { name: '+12125550199 · Main line' }).click();
    await page.getByRole('combobox', { name: 'Time zone' }).fill('new york');
    await page.getByRole('option', { name: 'America/New_York' }).click();
    const rate = page.getByRole('textbox', { name: 'Rate per minute' });
    await rate.fill('ten cents');
    await page.getByRole('button', { name: 'Add variable' }).click();
    await page.getByLabel('Variable 1 name').fill('appointment_booked');
    await page.getByRole('button', { name: 'Create assistant' }).click();
    await expectRefused(rate, 'must be a price per minute as text with at most 6 decimal places');
    expect(new URL(page.url()).pathname).toBe('/assistants/new');

    await rate.fill('0.10');
    await page.getByRole('button', { name: 'Create assistant' }).click();
    await page.waitForURL(/\/assistants\/asst_/);
    await page.getByText('Assistant Ava created.').waitFor();
    const assistantId = new URL(page.url()).pathname.split('/').pop()!;

    // The address changes before the edit form replaces the new one: typing must wait for the edit form.
    const editForm = page.getByRole('form', { name: 'Ava', exact: true });
    await editForm.getByRole('textbox', { name: 'Name', exact: true }).fill('Ava (evenings)');
    await editForm.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Ava (evenings): changes saved.').waitFor();
    await checkPage(page, 'assistant');
    const saved = await world().api('GET', `/v1/assistants/${assistantId}`, undefined, apiKey);
    expect(saved.body).toMatchObject({
      name: 'Ava (evenings)',
      provider: 'simulator',
      timezone: 'America/New_York',
      ratePerMinute: { amount: '0.10', currency: 'USD' },
      variables: [{ name: 'appointment_booked', type: 'boolean' }],
      optOutVariable: 'opt_out',
    });

    await page.getByRole('link', { name: '← Assistants' }).click();
    const row = page
      .getByRole('table', { name: 'Assistants' })
      .getByRole('row', { name: /Ava \(evenings\)/ });
    await row.getByText('0.10 USD').waitFor();
    await row.getByText('+12125550199').waitFor();
    await checkPage(page, 'assistants');

    // The assistant calls from the number, so the API refuses to delete it and the dialog says why.
    await page.goto(`${world().url}/phone-numbers`);
    await page.getByRole('button', { name: 'Delete +12125550199' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('dialog').getByText('is the caller id of an assistant').waitFor();
  });

  it("adds credit with the operator's admin key only, and shows it in the header and the ledger", async () => {
    const { apiKey } = await world().createAccount('Credit Clinic');
    const page = await open(apiKey, '/account');
    await page.getByText('No credit or charge yet.').waitFor();
    await page.getByLabel('Amount').fill('100.00');
    await page.getByLabel('Note').fill('first top-up');
    const adminKey = page.getByLabel("Operator's admin key");
    await adminKey.fill('not-the-admin-key-0123456789');
    await page.getByRole('button', { name: 'Add credit' }).click();
    await expectRefused(adminKey, "This is not the operator's admin key.");
    expect(new URL(page.url()).pathname).toBe('/account');

    await adminKey.fill(ADMIN_KEY);
    await page.getByRole('button', { name: 'Add credit' }).click();
    await page.getByTestId('account-summary').getByText('100.00 USD').waitFor();
    const entry = page.getByRole('table', { name: 'Ledger' }).getByRole('row', { name: /first top-up/ });
    await entry.getByText('100.00 USD').waitFor();
    expect(await adminKey.inputValue()).toBe('');
    await checkPage(page, 'account');
    // A string expression: this file is type-checked without the DOM's types.
    const stored = await page.evaluate<string>('JSON.stringify({ ...sessionStorage, ...localStorage })');
    expect(stored).not.toContain(ADMIN_KEY);
  });

  it('adds a webhook endpoint and shows its signing secret once', async () => {
    const { apiKey } = await world().createAccount('Hook Clinic');
    const page = await open(apiKey, '/account');
    await page
      .getByRole('navigation', { name: 'Account pages' })
      .getByRole('link', { name: 'Webhooks' })
      .click();
    await page.getByText('No endpoint yet').waitFor();
    await page.getByLabel('URL').fill('http://127.0.0.1:9/hook');
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    await page.getByText('must hold 1–8 items, got 0').waitFor();

    await page.getByLabel('call.ended').check();
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    const dialog = page.getByRole('dialog', { name: 'Endpoint added: its signing secret' });
    await dialog.getByText(/^whsec_/).waitFor();
    await dialog.getByText('It will not be shown again').waitFor();
    await dialog.getByRole('button', { name: 'Done' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await page.getByText(/whsec_/).count()).toBe(0);

    const row = page
      .getByRole('table', { name: 'Webhook endpoints' })
      .getByRole('row', { name: /127\.0\.0\.1/ });
    await row.getByText('Enabled').waitFor();
    await checkPage(page, 'webhooks');
    await row.getByRole('button', { name: 'Deliveries to http://127.0.0.1:9/hook' }).click();
    await page.getByText('No event has been sent to this endpoint yet.').waitFor();
  });

  it('adds numbers to the do-not-call list, reports the invalid one, and removes one', async () => {
    const { apiKey } = await world().createAccount('Quiet Clinic');
    const page = await open(apiKey, '/account/do-not-call');
    await page.getByText('The list is empty.').waitFor();
    // By role: the form is named "Add numbers" too.
    await page
      .getByRole('textbox', { name: 'Numbers', exact: true })
      .fill('+12125550104\n(212) 555-0103, 555');
    await page.getByLabel('Note').fill('asked by email');
    await page.getByRole('button', { name: 'Add to list' }).click();
    await page.getByText('2 added, 0 already listed, 1 invalid.').waitFor();
    await page.getByText('"555" is too short').waitFor();
    const list = page.getByRole('table', { name: 'Do-not-call list' });
    await list.getByText('+12125550103').waitFor();
    await checkPage(page, 'do-not-call');

    await list.getByRole('button', { name: 'Remove +12125550104' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Remove', exact: true }).click();
    await list.getByText('+12125550104').waitFor({ state: 'detached' });
    await list.getByText('+12125550103').waitFor();
    const listed = await world().api('GET', '/v1/dnc', undefined, apiKey);
    expect(listed.body.data.map((entry: { phone: string }) => entry.phone)).toEqual(['+12125550103']);
  });
});
