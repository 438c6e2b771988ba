import type { BackupsResponse } from '@pulse/contract';
import type { ControlClient } from '@pulse/simulator';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, LOOKS, screenshot, withBrowser } from './src/browser.ts';
import { type MonitoredLab, startMonitoredLab } from './src/lab.ts';
import { contrastProblems, horizontalOverflow } from './src/page-checks.ts';

type SimState = Awaited<ReturnType<ControlClient['state']>>;

/** The lab node whose last nightly backups fail, so there are failed tasks to list. */
const FAILING_NODE = 'minipc';
/** A guest on that node. */
const FAILING_VMID = '200';

/** Storage IDs Pulse must show for the simulator's ground truth: shared storage once. */
function expectedStorageIds(truth: SimState): string[] {
  const ids = new Set<string>();
  for (const endpoint of truth.endpoints) {
    for (const node of endpoint.nodes) {
      for (const entry of node.storage) {
        const place = entry.shared ? 'shared' : node.node;
        ids.add(`${endpoint.name}-${place}-${entry.storage}`);
      }
    }
    for (const datastore of endpoint.datastores) ids.add(`pbs-${endpoint.name}-${datastore.name}`);
  }
  return [...ids].sort();
}

async function shownIds(page: Page, testId: string, attribute: string): Promise<string[]> {
  const rows = page.getByTestId(testId);
  const ids = await rows.evaluateAll(
    (elements, name) => elements.map((element) => element.getAttribute(name) ?? ''),
    attribute,
  );
  return ids.sort();
}

async function waitForRows(page: Page, testId: string): Promise<void> {
  await page.getByTestId(testId).first().waitFor();
}

/** The "12 of 285" counter under the backup filters. */
async function shownCount(page: Page): Promise<string> {
  return (await page.getByTestId('backups-shown').textContent()) ?? '';
}

describe.skipIf(!hasChromium)('Storage and Backups pages against the simulator lab', () => {
  let lab: MonitoredLab;
  let truth: SimState;
  let backups: BackupsResponse;

  beforeAll(async () => {
    lab = await startMonitoredLab({ failBackupsOfNode: FAILING_NODE });
    await lab.waitForFirstPoll();
    truth = await lab.control().state();
    backups = await lab.api<BackupsResponse>('/api/backups/unified');
  });

  afterAll(async () => {
    await lab?.stop();
  });

  it('lists each storage of the ground truth once (shared too) and every datastore', async () => {
    const expected = expectedStorageIds(truth);
    expect(expected).toContain('homelab-shared-nas-nfs');
    expect(expected).toContain('pbs-pbs-main-offsite');

    await withBrowser({}, async ({ page }) => {
      await page.goto(`${lab.pulse.url}/storage`);
      await waitForRows(page, 'storage-row');
      expect(await shownIds(page, 'storage-row', 'data-storage-id')).toEqual(expected);

      // By name, a storage on three nodes is one group of three rows; a shared one is one row.
      await page.getByRole('button', { name: 'Storage', exact: true }).click();
      await page.waitForURL(/group=storage/);
      expect(await shownIds(page, 'storage-row', 'data-storage-id')).toEqual(expected);
      const local = page.locator('[data-testid="storage-group"][data-group="pve:local"]');
      expect(await local.getByTestId('storage-row').count()).toBe(4);
      const nfs = page.locator('[data-testid="storage-group"][data-group="pve:nas-nfs"]');
      expect(await nfs.getByTestId('storage-row').count()).toBe(1);

      await page.getByRole('searchbox', { name: 'Search storage' }).fill('zfspool');
      await page.waitForURL(/q=zfspool/);
      const zfs = await shownIds(page, 'storage-row', 'data-storage-id');
      expect(zfs).toEqual(expected.filter((id) => id.endsWith('-local-zfs')));
    });
  });

  it('lists the simulator backups once each, by kind, as the API counts them', async () => {
    const onPbs = truth.endpoints.flatMap((e) => e.datastores).reduce((n, d) => n + d.snapshots, 0);
    expect(backups.pbsBackups).toHaveLength(onPbs);
    // PBS storages of PVE list the same backups again; the page shows them once.
    const archives = backups.storageBackups.filter((backup) => !backup.isPBS).length;
    const snapshots = backups.guestSnapshots.length;
    const total = onPbs + archives + snapshots;

    await withBrowser({}, async ({ page }) => {
      await page.goto(`${lab.pulse.url}/backups`);
      await waitForRows(page, 'backup-row');
      expect(await page.getByTestId('backups-total').textContent()).toBe(String(total));
      expect(await shownCount(page)).toBe(`${total} shown`);

      for (const [kind, label, count] of [
        ['pbs', 'PBS', onPbs],
        ['pve', 'PVE', archives],
        ['snapshot', 'Snapshots', snapshots],
      ] as const) {
        await page.getByRole('button', { name: label, exact: true }).click();
        await page.waitForURL(new RegExp(`type=${kind}`));
        expect(await shownCount(page)).toBe(`${count} of ${total}`);
        const kinds = new Set(await shownIds(page, 'backup-row', 'data-kind'));
        expect([...kinds]).toEqual([kind]);
      }
      await page.getByRole('button', { name: 'Clear filters' }).click();
      expect(await shownCount(page)).toBe(`${total} shown`);
    });
  });

  it('lists failed backup tasks and their errors; flags guests with no recent backup', async () => {
    const failedRuns = backups.backupTasks.filter((task) => task.error !== undefined);
    const failingGuest = failedRuns.find((task) => String(task.vmid) === FAILING_VMID);
    expect(failingGuest?.error).toBe('job errors');

    await withBrowser({}, async ({ page }) => {
      await page.goto(`${lab.pulse.url}/backups`);
      const failed = page.getByTestId('failed-task');
      await failed.first().waitFor();
      expect(await failed.count()).toBe(failedRuns.length);
      const task = page.locator(`[data-testid="failed-task"][data-vmid="${FAILING_VMID}"]`);
      expect(await task.textContent()).toContain('job errors');
      expect(await task.textContent()).toContain(`vzdump on ${FAILING_NODE}`);

      const coverage = page.locator(
        `[data-testid="guest-coverage-row"][data-vmid="${FAILING_VMID}"]`,
      );
      expect(await coverage.getAttribute('data-state')).toBe('overdue');

      // From the failure to what the guest still has: only its backups, filter in the URL.
      await task.getByRole('button', { name: 'Show its backups' }).click();
      await page.waitForURL(new RegExp(`guest=${FAILING_VMID}`));
      const vmids = new Set(await shownIds(page, 'backup-row', 'data-vmid'));
      expect([...vmids]).toEqual([FAILING_VMID]);
    });
  });

  it('restores the filters of a shared link, the chart range included', async () => {
    const url = `${lab.pulse.url}/backups?type=pbs&verified=failed&range=7d`;
    const failedVerifications = backups.pbsBackups.filter((b) => b.verification === 'failed');

    await withBrowser({}, async ({ page }) => {
      await page.goto(url);
      await waitForRows(page, 'backup-row');
      expect(await page.getByRole('button', { name: '7d' }).getAttribute('aria-pressed')).toBe(
        'true',
      );
      expect(await page.getByLabel('Verification (PBS)').inputValue()).toBe('failed');
      expect(await shownCount(page)).toMatch(new RegExp(`^${failedVerifications.length} of `));
    });
  });

  for (const { device, theme, isMobile, options } of LOOKS) {
    it(`reads well on ${device} in the ${theme} theme`, async () => {
      await withBrowser(options, async ({ page }) => {
        for (const name of ['storage', 'backups']) {
          await page.goto(`${lab.pulse.url}/${name}`);
          const rowId = name === 'storage' ? 'storage-row' : 'backup-row';
          await waitForRows(page, rowId);

          // Phones get cards, not a table that would scroll sideways.
          const tables = await page.getByRole('table').count();
          expect({ name, tables }).toEqual({ name, tables: isMobile ? 0 : 1 });
          expect(await horizontalOverflow(page)).toBe(0);
          expect(await contrastProblems(page)).toEqual([]);
          await screenshot(page, `${name}-${device}-${theme}`);
        }
      });
    });
  }
});
