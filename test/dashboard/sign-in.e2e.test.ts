import { expect, it } from 'vitest';
import { describeBrowser } from './support/browser.js';
import { useDashboard } from './support/dashboard-world.js';
import { checkPage } from './support/page-checks.js';

describeBrowser('signing in to the dashboard', () => {
  const world = useDashboard();

  it('refuses a wrong key with a clear message, then signs in with the right one', async () => {
    const { apiKey } = await world().createAccount('Acme Clinic');
    const page = await world().newPage();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await page.getByLabel('API key').fill('cw_not-a-real-key');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('This API key is not valid').waitFor();
    await checkPage(page, 'sign-in');
    expect(page.url()).toContain('/sign-in');

    await page.getByLabel('API key').fill(apiKey);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('account-summary').getByText('Acme Clinic').waitFor();
    expect(new URL(page.url()).pathname).toBe('/campaigns');
  });

  it('signs in from the link npm start prints, and keeps the key out of the address bar', async () => {
    const { apiKey } = await world().createAccount('Link Clinic');
    const page = await world().newPage(apiKey);
    await page.getByTestId('account-summary').getByText('Link Clinic').waitFor();
    expect(page.url()).not.toContain(apiKey);
  });

  it('serves the API beside the app: an unknown API path is a 404 problem, an app path is the page', async () => {
    const api = await fetch(`${world().url}/v1/nothing-here`, { headers: { accept: 'text/html' } });
    expect(api.status).toBe(404);
    const page = await fetch(`${world().url}/campaigns/cmp_x/leads`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('<div id="root">');
  });
});
