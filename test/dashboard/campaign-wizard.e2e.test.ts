import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { accountWithAssistant } from './support/account-with-assistant.js';
import { describeBrowser } from './support/browser.js';
import { useDashboard } from './support/dashboard-world.js';
import { checkPage } from './support/page-checks.js';

/**
 * A lead file with what an import meets: a secondary number under a header the import recognises (`Office
 * Phone`), another under one it does not (`Front desk`, read as a lead field until the user says otherwise), a
 * number in national format, a duplicate of an earlier row written another way, a number too short to call, and
 * no line break after the last row.
 */
const LEADS_CSV = [
  'Name,Phone,Office Phone,Front desk,Company',
  'Ann Lee,+12125550101,+12125550111,,Acme',
  'Bob Roe,(212) 555-0102,,+12125550112,Globex',
  'Ann Again,+1 212 555 0101,,,Acme',
  'Cy Short,12,,,Initech',
].join('\n');

describeBrowser('creating a campaign with the wizard, then editing its settings', () => {
  const world = useDashboard();
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'callwright-wizard-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  async function signedInPage(apiKey: string) {
    const page = await world().newPage(apiKey);
    page.setDefaultTimeout(8_000);
    return page;
  }

  const choose = async (page: Page, label: string, option: string) => {
    await page.getByRole('combobox', { name: label, exact: true }).click();
    await page.getByRole('option', { name: option, exact: true }).click();
  };

  it('walks the wizard: refused settings under their fields, a CSV mapped and imported, a lead by hand, a refused start', async () => {
    const { apiKey, as, assistantId } = await accountWithAssistant(world(), 'Wizard Clinic');
    const page = await signedInPage(apiKey);
    await page.goto(`${world().url}/campaigns/new`);

    // 1. Name and assistant
    await page.getByRole('heading', { name: 'New campaign' }).waitFor();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText('Choose the assistant that will place the calls').waitFor();
    await page.getByLabel('Campaign name').fill('Spring follow-up');
    await choose(page, 'Assistant', 'Ava (America/New_York)');
    await page.getByRole('button', { name: 'Next' }).click();

    // 2. Calling hours: the API's defaults, in the assistant's zone. An end before the start is refused later.
    await page.getByText('Times are in America/New_York, the assistant’s time zone.').waitFor();
    expect(await page.getByLabel('Start time').inputValue()).toBe('09:00');
    expect(await page.getByRole('checkbox', { name: 'Sat' }).isChecked()).toBe(false);
    await page.getByLabel('End time').fill('08:00');
    await page.getByRole('button', { name: 'Next' }).click();

    // 3. Retries: 7 is out of range. Creating goes back to the earliest step with a refused field.
    expect(await page.getByLabel('Max retries').inputValue()).toBe('3');
    await page.getByLabel('Max retries').fill('7');
    await choose(page, 'Goal', 'booked');
    await page.getByRole('checkbox', { name: 'Keep calling answered leads until the goal is met' }).check();
    await page.getByRole('button', { name: 'Create campaign' }).click();
    const endTime = page.getByLabel('End time');
    await expectFieldMessage(endTime, 'must be later than startTime 09:00, got "08:00"');
    await endTime.fill('17:30');
    await page.getByRole('button', { name: 'Next' }).click();
    await expectFieldMessage(page.getByLabel('Max retries'), 'must be 1–5, got 7');
    await checkPage(page, 'campaign-wizard-retries');
    await page.getByLabel('Max retries').fill('4');
    await page.getByRole('button', { name: 'Create campaign' }).click();

    // 4. Leads: a file, previewed, re-mapped and imported, then a lead by hand.
    await page.getByRole('heading', { name: 'Upload a lead file' }).waitFor();
    const campaigns = await as('GET', '/v1/campaigns?limit=10');
    expect(campaigns.body.data).toHaveLength(1);
    const campaignId: string = campaigns.body.data[0].id;
    await uploadLeads(page, join(dir, 'spring.csv'));
    await addLeadByHand(page);

    // 5. Review, and a start the API refuses, with where to fix it: the assistant lost its number meanwhile.
    await as('PATCH', `/v1/assistants/${assistantId}`, { phoneNumberId: null });
    await page.getByRole('button', { name: 'Review', exact: true }).click();
    const summary = page.getByRole('table', { name: 'Campaign summary' });
    await summary.getByRole('row', { name: 'Calling hours 09:00–17:30 America/New_York' }).waitFor();
    await summary.getByRole('row', { name: 'Max retries 4' }).waitFor();
    await summary.getByRole('row', { name: 'Goal booked' }).waitFor();
    await summary.getByRole('row', { name: 'Leads 3 (3 created)' }).waitFor();
    await page.getByRole('button', { name: 'Start Spring follow-up' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'This campaign cannot start yet' });
    await refusal.getByRole('link', { name: 'Give the assistant a phone number' }).waitFor();
    await page.getByRole('link', { name: 'Open the campaign’s page' }).waitFor();
    await checkPage(page, 'campaign-wizard-review');

    // What the API holds: the settings as entered, and every lead with its numbers in dialing order.
    const campaign = await as('GET', `/v1/campaigns/${campaignId}`);
    expect(campaign.body).toMatchObject({
      name: 'Spring follow-up',
      status: 'draft',
      schedule: { startTime: '09:00', endTime: '17:30', days: ['mon', 'tue', 'wed', 'thu', 'fri'] },
      retry: { maxRetries: 4, intervalMinutes: 60, onVoicemail: true, untilGoal: true },
      goal: { variable: 'booked' },
      maxConcurrentCalls: 5,
    });
    const leads = await as('GET', `/v1/campaigns/${campaignId}/leads?limit=10`);
    const byName = new Map<string, string>(
      leads.body.data.map((lead: { id: string; name: string }) => [lead.name, lead.id]),
    );
    expect([...byName.keys()].sort()).toEqual(['Ann Lee', 'Bob Roe', 'Walk In']);
    const phonesOf = async (name: string) =>
      (await as('GET', `/v1/leads/${byName.get(name)}`)).body.contacts.map((c: { phone: string }) => c.phone);
    expect(await phonesOf('Ann Lee')).toEqual(['+12125550101', '+12125550111']);
    expect(await phonesOf('Bob Roe')).toEqual(['+12125550102', '+12125550112']);
    expect(await phonesOf('Walk In')).toEqual(['+12125550199', '+12125550198']);
    expect((await as('GET', `/v1/leads/${byName.get('Bob Roe')}`)).body.fields).toEqual({});
  }, 40_000);

  /**
   * Waits for `message` on the page, then says whether it is the field's own: the text its `aria-describedby`
   * points at (its description and its error) includes it.
   */
  async function expectFieldMessage(field: Locator, message: string) {
    await field.page().getByText(message).waitFor();
    expect(await describedBy(field)).toContain(message);
  }

  async function describedBy(field: Locator) {
    const ids = (await field.getAttribute('aria-describedby'))?.split(/\s+/).filter((id) => id !== '') ?? [];
    const texts = await Promise.all(ids.map((id) => field.page().locator(`[id="${id}"]`).textContent()));
    return texts.join(' ');
  }

  async function uploadLeads(page: Page, path: string) {
    await writeFile(path, LEADS_CSV);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Lead file' }).click();
    await (await chooser).setFiles(path);

    await page.getByText('Read as utf-8, values separated by commas.').waitFor();
    const role = (column: string) => page.getByRole('combobox', { name: `Role of the column ${column}` });
    expect(await role('Phone').inputValue()).toBe('Phone');
    expect(await role('Office Phone').inputValue()).toBe('Secondary phone');
    expect(await role('Front desk').inputValue()).toBe('Lead field');
    const rows = page.getByRole('table', { name: 'First rows as they will be imported' });
    const row = (name: string) => rows.getByRole('row', { name: new RegExp(name) });
    await row('Ann Lee').getByRole('cell', { name: '+12125550111', exact: true }).waitFor();
    await row('Bob Roe').getByText('Front desk: +12125550112; Company: Globex').waitFor();
    await row('Cy Short').getByText('Phone “12”:').waitFor();

    // `Front desk` holds numbers: as a secondary phone, Bob's row dials it after his own.
    await choose(page, 'Role of the column Front desk', 'Secondary phone');
    await row('Bob Roe').getByRole('cell', { name: '+12125550112', exact: true }).waitFor();
    await row('Bob Roe').getByRole('cell', { name: 'Company: Globex', exact: true }).waitFor();
    // `Company` is not for the assistant: left out, the rows have no fields.
    await choose(page, 'Role of the column Company', 'Ignore');
    await row('Bob Roe').getByRole('cell', { name: '—', exact: true }).waitFor();
    await row('Bob Roe').getByRole('cell', { name: '+12125550112', exact: true }).waitFor();

    await checkPage(page, 'campaign-wizard-leads');
    await page.getByRole('button', { name: 'Import spring.csv' }).click();
    await page.getByText('Import complete').waitFor();
    const report = page.getByRole('table', { name: 'Import report' });
    for (const [label, count] of [
      ['Rows read', '4'],
      ['Leads created', '2'],
      ['Phone numbers added', '4'],
      ['Duplicates', '1'],
      ['Invalid values', '1'],
      ['On the do-not-call list', '0'],
    ]) {
      await report.getByRole('row', { name: `${label} ${count}`, exact: true }).waitFor();
    }
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download the error file' }).click();
    const errors = await readFile(await (await download).path(), 'utf8');
    expect(errors.split(/\r?\n/)).toEqual([
      'row,column,value,reason',
      // A value starting with + is quoted for spreadsheets, so that it is not read as a formula.
      "4,Phone,'+1 212 555 0101,is already in the campaign (or earlier in this file)",
      '5,Phone,12,is too short',
      '',
    ]);
  }

  async function addLeadByHand(page: Page) {
    const form = page.getByRole('form', { name: 'Add a lead by hand' });
    await form.getByLabel('Phone', { exact: true }).fill('12');
    await form.getByRole('button', { name: 'Add lead' }).click();
    await form.getByText('"12" is too short').waitFor();
    await form.getByLabel('Phone', { exact: true }).fill('+1 212 555 0199');
    await form.getByLabel('Secondary phones').fill('+12125550198');
    await form.getByLabel('Name').fill('Walk In');
    await form.getByRole('button', { name: 'Add lead' }).click();
    await form.getByText('Lead added').waitFor();
  }

  it('edits the settings of a running campaign in its Settings tab, then adds a lead in its Add leads tab', async () => {
    const { apiKey, as, assistantId } = await accountWithAssistant(world(), 'Settings Clinic');
    const created = await as('POST', '/v1/campaigns', { assistantId, name: 'Autumn' });
    await as('POST', `/v1/campaigns/${created.body.id}/leads`, { leads: [{ phone: '+12125550100' }] });
    // The test clock is at 08:00 in New York: started, the campaign waits for its 09:00 window.
    expect((await as('POST', `/v1/campaigns/${created.body.id}/start`)).status).toBe(200);

    const page = await signedInPage(apiKey);
    await page.goto(`${world().url}/campaigns/${created.body.id}/settings`);
    await page.getByText('This campaign is active').waitFor();
    const concurrency = page.getByLabel('Max concurrent calls');
    await concurrency.fill('500');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expectFieldMessage(concurrency, 'must be 1–100, got 500');
    await checkPage(page, 'campaign-settings');
    await concurrency.fill('2');
    await page.getByRole('checkbox', { name: 'Sat' }).check();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Settings of “Autumn” saved.').waitFor();

    const campaign = await as('GET', `/v1/campaigns/${created.body.id}`);
    expect(campaign.body).toMatchObject({
      status: 'active',
      maxConcurrentCalls: 2,
      schedule: { days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'] },
    });

    // A lead added to a started campaign is scheduled at once.
    await page.getByRole('tab', { name: 'Add leads' }).click();
    await page.getByRole('heading', { name: 'Upload a lead file' }).waitFor();
    await addLeadByHand(page);
    await checkPage(page, 'campaign-add-leads');
    const leads = await as('GET', `/v1/campaigns/${created.body.id}/leads?limit=10`);
    expect(
      leads.body.data.map((lead: { name: string | null; status: string }) => [lead.name, lead.status]),
    ).toEqual(expect.arrayContaining([['Walk In', 'scheduled']]));
  });
  it('lets the user pick the phone column when the import finds none in the headers', async () => {
    const { apiKey, as, assistantId } = await accountWithAssistant(world(), 'Mapping Clinic');
    const created = await as('POST', '/v1/campaigns', { assistantId, name: 'Winter' });
    const page = await signedInPage(apiKey);
    await page.goto(`${world().url}/campaigns/${created.body.id}/add-leads`);
    const path = join(dir, 'winter.csv');
    await writeFile(path, 'Contact,Who\n+12125550100,Ann Lee\n(212) 555-0102,Bob Roe\n');
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Lead file' }).click();
    await (await chooser).setFiles(path);

    // Refused as it is, but with its columns to map, and no import until they are.
    const refusal = page.getByRole('alert').filter({ hasText: 'The file cannot be imported this way' });
    await refusal.getByText('phone', { exact: false }).waitFor();
    expect(await page.getByRole('button', { name: 'Import winter.csv' }).isDisabled()).toBe(true);
    await choose(page, 'Role of the column Contact', 'Phone');
    await choose(page, 'Role of the column Who', 'Name');
    const rows = page.getByRole('table', { name: 'First rows as they will be imported' });
    await rows
      .getByRole('row', { name: /Bob Roe/ })
      .getByRole('cell', { name: '+12125550102' })
      .waitFor();
    await refusal.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Import winter.csv' }).click();
    await page.getByText('Import complete').waitFor();
    const leads = await as('GET', `/v1/campaigns/${created.body.id}/leads`);
    expect(leads.body.data.map((lead: { name: string }) => lead.name)).toEqual(['Ann Lee', 'Bob Roe']);
  });
});
