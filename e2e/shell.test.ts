import type { VersionResponse } from '@pulse/contract';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, LOOKS, PHONE, screenshot, withBrowser } from './src/browser.ts';
import { contrastProblems, cumulativeLayoutShift, horizontalOverflow } from './src/page-checks.ts';
import { type PulseServer, startPulseServer } from './src/pulse-server.ts';

const TAB_NAMES = ['Main', 'Storage', 'Backups', 'Alerts', 'Settings'];

// The shell is what this file is about; login and first-run setup have their own tests.
const WITHOUT_AUTH = { env: { DISABLE_AUTH: 'true' } };

function badge(page: Page) {
  return page.getByTestId('connection-badge');
}

async function waitForConnected(page: Page): Promise<void> {
  await badge(page).and(page.locator('[data-status="connected"]')).waitFor();
}

function hasDarkClass(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.classList.contains('dark'));
}

/** Media-query changes reach the page on its next frame, so the class is awaited. */
async function waitForTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await page.waitForFunction(
    (isDark) => document.documentElement.classList.contains('dark') === isDark,
    theme === 'dark',
    { timeout: 5_000 },
  );
}

describe.skipIf(!hasChromium)('web shell', () => {
  let server: PulseServer;

  beforeAll(async () => {
    server = await startPulseServer(WITHOUT_AUTH);
  });

  afterAll(async () => {
    await server?.stop();
  });

  it('shows the header, the five tabs, a live connection and the version', async () => {
    const version = (await (await fetch(`${server.url}/api/version`)).json()) as VersionResponse;

    await withBrowser({}, async ({ page }) => {
      await page.goto(server.url);
      await waitForConnected(page);

      expect(await page.getByRole('banner').getByText('Pulse', { exact: true }).isVisible()).toBe(
        true,
      );
      expect(await page.getByRole('tab').allTextContents()).toEqual(TAB_NAMES);
      expect(await badge(page).textContent()).toBe('Connected');
      await page.getByTestId('footer-version').getByText(`Pulse v${version.version}`).waitFor();
      expect(await page.getByRole('tabpanel').textContent()).toContain('npm run demo');
      expect(await cumulativeLayoutShift(page)).toBeLessThan(0.01);
    });
  });

  it('follows the system theme by default and keeps a chosen theme across reloads', async () => {
    const options = { colorScheme: 'dark', expectedErrors: /Failed to load resource/ } as const;
    await withBrowser(options, async ({ page }) => {
      await page.goto(server.url);
      expect(await hasDarkClass(page)).toBe(true);
      await page.emulateMedia({ colorScheme: 'light' });
      await waitForTheme(page, 'light');

      await page.getByRole('button', { name: 'Dark theme' }).click();
      expect(await hasDarkClass(page)).toBe(true);
      expect(await page.evaluate(() => localStorage.getItem('pulse-theme'))).toBe('dark');

      // With the app bundle blocked only public/theme-init.js can set the class: this proves
      // the theme is applied before the first paint, not after the app starts.
      await page.route('**/assets/*.js', (route) => route.abort());
      await page.reload();
      expect(await hasDarkClass(page)).toBe(true);
      await page.unroute('**/assets/*.js');

      await page.reload();
      const dark = page.getByRole('button', { name: 'Dark theme' });
      expect(await dark.getAttribute('aria-pressed')).toBe('true');
      await page.getByRole('button', { name: 'Follow the system theme' }).click();
      await waitForTheme(page, 'light');
      expect(await page.evaluate(() => localStorage.getItem('pulse-theme'))).toBe('system');
    });
  });

  it('moves between tabs with the arrow keys, Home and End', async () => {
    await withBrowser({}, async ({ page }) => {
      await page.goto(`${server.url}/alerts`);
      const selected = page.getByRole('tab', { selected: true });
      expect(await selected.textContent()).toBe('Alerts');

      await selected.focus();
      const steps: [string, string, string][] = [
        ['ArrowRight', 'Settings', '/settings'],
        ['ArrowRight', 'Main', '/'],
        ['ArrowLeft', 'Settings', '/settings'],
        ['Home', 'Main', '/'],
        ['End', 'Settings', '/settings'],
        ['ArrowLeft', 'Alerts', '/alerts'],
      ];
      for (const [key, tab, path] of steps) {
        await page.keyboard.press(key);
        await page.waitForURL(`${server.url}${path}`);
        const focused = await page.evaluate(() => document.activeElement?.textContent);
        expect({ key, focused }).toEqual({ key, focused: tab });
        expect(await selected.textContent()).toBe(tab);
      }

      // Only the selected tab is a Tab stop: the next Tab leaves the tab list.
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).not.toBe(
        'tab',
      );
      expect(await page.title()).toBe('Alerts · Pulse');
    });
  });

  it('shows reconnecting while the server restarts, then connects again', async () => {
    const ownServer = await startPulseServer(WITHOUT_AUTH);
    try {
      await withBrowser(
        { expectedErrors: /WebSocket connection to .* failed/ },
        async ({ page }) => {
          await page.goto(ownServer.url);
          await waitForConnected(page);

          const restarted = ownServer.restart();
          await badge(page).and(page.locator('[data-status="reconnecting"]')).waitFor();
          expect(await badge(page).textContent()).toBe('Reconnecting…');
          expect(await restarted).toBe(0);

          await waitForConnected(page);
        },
      );
    } finally {
      await ownServer.stop();
    }
  });

  it('says Disconnected while the browser is offline and reconnects once it is back', async () => {
    const options = { viewport: PHONE, isMobile: true, expectedErrors: /WebSocket/ };
    await withBrowser(options, async ({ context, page }) => {
      await page.goto(server.url);
      await waitForConnected(page);

      await context.setOffline(true);
      await badge(page).and(page.locator('[data-status="disconnected"]')).waitFor();
      expect(await badge(page).textContent()).toBe('Disconnected');
      expect(await page.getByRole('button', { name: 'Retry' }).isVisible()).toBe(true);
      expect(await horizontalOverflow(page)).toBe(0);
      await screenshot(page, 'shell-phone-disconnected');

      await context.setOffline(false);
      await waitForConnected(page);
    });
  });

  for (const { device, theme, options } of LOOKS) {
    it(`reads well on ${device} in the ${theme} theme`, async () => {
      await withBrowser(options, async ({ page }) => {
        await page.goto(server.url);
        await waitForConnected(page);
        await page.getByTestId('footer-version').getByText('Pulse v').waitFor();

        expect(await hasDarkClass(page)).toBe(theme === 'dark');
        expect(await horizontalOverflow(page)).toBe(0);
        expect(await contrastProblems(page)).toEqual([]);
        await screenshot(page, `shell-${device}-${theme}`);
      });
    });
  }
});
