import type { PulseState } from '@pulse/contract';
import type { ControlClient } from '@pulse/simulator';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ARTIFACTS_DIR,
  DESKTOP,
  hasChromium,
  PHONE,
  screenshot,
  withBrowser,
} from './src/browser.ts';
import { type MonitoredLab, startMonitoredLab } from './src/lab.ts';
import { contrastProblems, horizontalOverflow } from './src/page-checks.ts';

/** Tall enough that the virtualised table draws every lab guest at once. */
const WHOLE_TABLE = { width: DESKTOP.width, height: 3200 };
const POLL_SECONDS = 2;

type SimState = Awaited<ReturnType<ControlClient['state']>>;

interface RowInfo {
  node: string;
  vmid: number;
  status: string;
  memory: string;
}

/** Every drawn guest row in list order (the virtualizer positions rows, so sort by index). */
function rows(page: Page): Promise<RowInfo[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-testid="guest-row"]')]
      .map((row) => ({
        index: Number(row.querySelector<HTMLElement>('[data-row-index]')?.dataset.rowIndex),
        node: row.dataset.node ?? '',
        vmid: Number(row.dataset.vmid),
        status: row.dataset.status ?? '',
        memory: row.querySelectorAll('td')[5]?.textContent ?? '',
      }))
      .sort((a, b) => a.index - b.index)
      .map(({ index: _index, ...info }) => info),
  );
}

function groundTruthGuests(sim: SimState): string[] {
  return sim.endpoints
    .flatMap((endpoint) => endpoint.nodes)
    .flatMap((node) => node.guests.filter((g) => !g.template).map((g) => `${node.node}/${g.vmid}`))
    .sort();
}

async function openMain(page: Page, lab: MonitoredLab, query = ''): Promise<void> {
  await page.goto(`${lab.pulse.url}/${query}`);
  await page.locator('[data-testid="guest-row"], [data-testid="guest-card"]').first().waitFor();
}

describe.skipIf(!hasChromium)('Main page against the simulator lab', () => {
  let lab: MonitoredLab;

  beforeAll(async () => {
    lab = await startMonitoredLab({ env: { POLLING_INTERVAL: String(POLL_SECONDS) } });
    await lab.waitForFirstPoll();
  });

  afterAll(async () => {
    await lab?.stop();
  });

  it('shows every node, backup server and guest of the ground truth', async () => {
    const sim = await lab.control('homelab').state();
    const pveNodes = sim.endpoints.filter((e) => e.type === 'pve').flatMap((e) => e.nodes);
    const pbsNames = sim.endpoints.filter((e) => e.type === 'pbs').map((e) => e.name);

    await withBrowser({ viewport: WHOLE_TABLE }, async ({ page }) => {
      await openMain(page, lab);

      const cards = await page
        .getByTestId('node-card')
        .evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.node));
      expect(cards.sort()).toEqual(pveNodes.map((node) => node.node).sort());
      const pbsCards = await page
        .getByTestId('pbs-card')
        .evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.pbs));
      expect(pbsCards).toEqual(pbsNames);

      const shown = (await rows(page)).map((row) => `${row.node}/${row.vmid}`).sort();
      expect(shown).toEqual(groundTruthGuests(sim));

      // Figures change with every poll; nothing on the page may move because of it.
      const shift = await page.evaluate(`new Promise((resolve) => {
        let total = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) total += entry.value;
        }).observe({ type: 'layout-shift' });
        setTimeout(() => resolve(total), ${3 * POLL_SECONDS * 1000});
      })`);
      expect(shift).toBeLessThan(0.001);
    });
  });

  it('shows exactly the guests that match node:pve1 cpu>50', async () => {
    const control = lab.control('homelab');
    const sim = await control.state();
    const pve1 = sim.endpoints.flatMap((e) => e.nodes).find((node) => node.node === 'pve1');
    const running = (pve1?.guests ?? []).filter((g) => g.status === 'running' && !g.template);
    const busy = running.slice(0, 2).map((g) => g.vmid);
    expect(busy).toHaveLength(2);
    for (const guest of running) {
      await control.setGuest(guest.vmid, { cpu: busy.includes(guest.vmid) ? 0.9 : 0.1 });
    }
    const isPinned = (state: PulseState) =>
      [...state.vms, ...state.containers]
        .filter((g) => g.node === 'pve1' && g.status === 'running')
        .every((g) => (busy.includes(g.vmid) ? g.cpu > 0.8 : g.cpu < 0.2));
    const state = await lab.waitForState(isPinned);
    const expected = [...state.vms, ...state.containers]
      .filter((g) => g.node === 'pve1' && g.cpu * 100 > 50)
      .map((g) => g.vmid)
      .sort();
    expect(expected).toEqual([...busy].sort());

    await withBrowser({ viewport: WHOLE_TABLE }, async ({ page }) => {
      await openMain(page, lab);
      await page.getByRole('searchbox', { name: 'Search guests' }).fill('node:pve1 cpu>50');
      await page.waitForURL(/q=node%3Apve1/);
      await page.waitForFunction(
        (count) => document.querySelectorAll('[data-testid="guest-row"]').length === count,
        expected.length,
      );

      expect((await rows(page)).map((row) => row.vmid).sort()).toEqual(expected);

      // The filter lives in the URL: a fresh page on the same address shows the same rows.
      await page.reload();
      await page.locator('[data-testid="guest-row"]').first().waitFor();
      expect((await rows(page)).map((row) => row.vmid).sort()).toEqual(expected);
    });
  });

  it('sorts by memory, highest first, with stopped guests last in each node', async () => {
    await withBrowser({ viewport: WHOLE_TABLE }, async ({ page }) => {
      await openMain(page, lab);
      await page.getByRole('columnheader', { name: 'Memory' }).getByRole('button').click();
      await page.waitForURL(/sort=memory/);

      const header = page.getByRole('columnheader', { name: 'Memory' });
      expect(await header.getAttribute('aria-sort')).toBe('descending');
      const listed = await rows(page);
      const nodes = [...new Set(listed.map((row) => row.node))];
      for (const group of nodes.map((node) => listed.filter((row) => row.node === node))) {
        const running = group.filter((row) => row.status === 'running');
        const percents = running.map((row) => Number.parseInt(row.memory, 10));
        expect(percents).toEqual([...percents].sort((a, b) => b - a));
        expect(group.slice(running.length).every((row) => row.status !== 'running')).toBe(true);
      }

      await header.getByRole('button').click();
      await page.waitForURL(/dir=asc/);
      expect(await header.getAttribute('aria-sort')).toBe('ascending');
    });
  });

  it('moves between guests with the arrow keys and opens the history drawer', async () => {
    await withBrowser({}, async ({ page }) => {
      const chartRequests: string[] = [];
      page.on('request', (request) => {
        if (request.url().includes('/api/charts')) chartRequests.push(request.url());
      });
      await openMain(page, lab);

      const first = page.locator('[data-row-index]').first();
      await first.focus();
      const firstIndex = Number(await first.getAttribute('data-row-index'));
      await page.keyboard.press('ArrowDown');
      // Focus moves on the next frame, once the virtualizer has drawn the row.
      await page.waitForFunction(
        (expected) => document.activeElement?.getAttribute('data-row-index') === expected,
        String(firstIndex + 1),
      );

      await page.keyboard.press('Enter');
      const drawer = page.getByRole('dialog');
      await drawer.getByText('Usage').waitFor();
      await drawer.locator('canvas').first().waitFor();
      await page.screenshot({ path: `${ARTIFACTS_DIR}main-history-drawer.png` });
      for (let i = 0; i < 8; i++) await page.keyboard.press('Tab');
      expect(await drawer.evaluate((el) => el.contains(document.activeElement))).toBe(true);
      const month = drawer.getByRole('button', { name: '30 days' });
      await month.click();
      expect(await month.getAttribute('aria-pressed')).toBe('true');
      await page.keyboard.press('Escape');
      await drawer.waitFor({ state: 'detached' });

      // One request served the sparklines of every row; the drawer asked for one guest only.
      const all = chartRequests.filter((url) => url.includes('/api/charts/sparklines'));
      expect(all).toHaveLength(1);
      expect(chartRequests.filter((url) => url.includes('id=')).length).toBeGreaterThan(0);
    });
  });

  it('shows cards on a phone, without sideways scrolling', async () => {
    await withBrowser({ viewport: PHONE, isMobile: true }, async ({ page }) => {
      await openMain(page, lab);

      expect(await page.getByTestId('guest-card').count()).toBeGreaterThan(0);
      expect(await page.getByTestId('guest-row').count()).toBe(0);
      expect(await horizontalOverflow(page)).toBe(0);
    });
  });

  it('saves screenshots in both themes on desktop and phone, all text readable', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      await withBrowser({ viewport: WHOLE_TABLE, colorScheme }, async ({ page }) => {
        await openMain(page, lab);
        await screenshot(page, `main-desktop-${colorScheme}`);
        expect(await contrastProblems(page)).toEqual([]);
      });
      await withBrowser({ viewport: PHONE, isMobile: true, colorScheme }, async ({ page }) => {
        await openMain(page, lab);
        await page.screenshot({ path: `${ARTIFACTS_DIR}main-phone-${colorScheme}.png` });
        await page.getByTestId('guest-card').first().scrollIntoViewIfNeeded();
        await page.screenshot({ path: `${ARTIFACTS_DIR}main-phone-${colorScheme}-guests.png` });
        expect(await contrastProblems(page)).toEqual([]);
      });
    }
  });

  it('turns a guest stopped through the simulator to stopped without a reload', async () => {
    const control = lab.control('homelab');
    const sim = await control.state();
    const victim = sim.endpoints
      .flatMap((e) => e.nodes)
      .flatMap((node) => node.guests)
      .find((g) => g.status === 'running' && !g.template);
    if (!victim) throw new Error('the lab has no running guest');

    await withBrowser({ viewport: WHOLE_TABLE }, async ({ page }) => {
      await openMain(page, lab);
      const row = page.locator(`[data-testid="guest-row"][data-vmid="${victim.vmid}"]`);
      expect(await row.getAttribute('data-status')).toBe('running');
      await page.evaluate(() => {
        (window as unknown as { notReloaded: boolean }).notReloaded = true;
      });

      await control.setGuest(victim.vmid, { status: 'stopped' });
      // The next poll (every POLL_SECONDS) sees it; the socket delta carries it to the page.
      await page
        .locator(`[data-testid="guest-row"][data-vmid="${victim.vmid}"][data-status="stopped"]`)
        .waitFor({ timeout: 3 * POLL_SECONDS * 1000 + 2000 });

      const notReloaded = await page.evaluate(
        () => (window as unknown as { notReloaded?: boolean }).notReloaded,
      );
      expect(notReloaded).toBe(true);
    });
  });
});
