import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser, screenshot, type TestBrowser } from './src/browser.ts';
import { type PulseServer, startPulseServer } from './src/pulse-server.ts';

async function secretValue(page: Page, label: string): Promise<string> {
  return page.locator(`input[data-secret="${label}"]`).inputValue();
}

async function storedByPage(page: Page): Promise<string> {
  return page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
}

async function logIn(page: Page, username: string, password: string): Promise<void> {
  const form = page.getByRole('form', { name: 'Login' });
  await form.getByLabel('User name').fill(username);
  await form.getByLabel('Password').fill(password);
  await form.getByRole('button', { name: 'Log in' }).click();
}

describe.skipIf(!hasChromium)('security in the browser', () => {
  let server: PulseServer;
  let browser: TestBrowser;

  beforeAll(async () => {
    server = await startPulseServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('walks from the mandatory first-run setup to login and logout', async () => {
    const { page, context } = browser;
    await page.goto(server.url);

    // First run: nothing but the setup, with a strong password already generated.
    await page.getByRole('heading', { name: 'Secure your Pulse' }).waitFor();
    const setup = page.getByRole('form', { name: 'First-run setup' });
    expect(await setup.getByLabel('Password').inputValue()).toHaveLength(20);
    await setup.getByRole('button', { name: 'Create administrator' }).click();

    // The credentials are shown once, and the page keeps none of them.
    await page.getByRole('region', { name: 'Your credentials' }).waitFor();
    const password = await secretValue(page, 'Password');
    const token = await secretValue(page, 'API token');
    expect(token).toMatch(/^[0-9a-f]{48}$/);
    await screenshot(page, 'security-first-run-credentials');
    await page.getByRole('button', { name: 'Continue to login' }).click();

    // A wrong password is refused; the right one opens the app.
    await logIn(page, 'admin', 'not-the-password');
    await page.getByRole('alert').filter({ hasText: 'Invalid user name or password' }).waitFor();
    await logIn(page, 'admin', password);
    await page.getByRole('tab', { name: 'Main' }).waitFor();
    await page
      .getByTestId('connection-badge')
      .and(page.locator('[data-status="connected"]'))
      .waitFor();

    const session = (await context.cookies()).find((cookie) => cookie.name === 'pulse_session');
    expect(session?.httpOnly).toBe(true);
    const stored = await storedByPage(page);
    expect(stored).not.toContain(password);
    expect(stored).not.toContain(token);

    // Settings → Security lists the audit trail of what just happened.
    await page.getByRole('tab', { name: 'Settings' }).click();
    await page.getByRole('link', { name: 'Security' }).click();
    const audit = page.getByRole('table', { name: 'Security audit log' });
    await audit.getByText('security setup').waitFor();
    await expect(audit.getByText('login').count()).resolves.toBeGreaterThan(0);
    await screenshot(page, 'security-settings');

    // Logout from the header ends the session: the login form is back and the API refuses
    // the old cookie.
    await page.getByRole('banner').getByRole('button', { name: 'Log out' }).click();
    await page.getByRole('form', { name: 'Login' }).waitFor();
    const cookieHeader = session ? `pulse_session=${session.value}` : '';
    const after = await fetch(`${server.url}/api/security/audit`, {
      headers: { cookie: cookieHeader },
    });
    expect(after.status).toBe(401);

    // Only the deliberate wrong-password attempt may have logged a browser error.
    expect(browser.errors.filter((line) => !line.includes('401'))).toEqual([]);
    expect(browser.blockedRequests).toEqual([]);
  });
});
