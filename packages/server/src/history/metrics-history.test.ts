import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../logger.ts';
import { type Database, openDatabase } from '../store/database.ts';
import type { GuestView, HistoryStateView } from './metrics.ts';
import { type HistoryPoint, MetricsHistory } from './metrics-history.ts';
import { type TierName, tierByName } from './tiers.ts';

const T0 = Date.parse('2025-06-01T00:00:00Z');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const opened: { db: Database; dir: string }[] = [];

function openHistory(options: { retentionDays?: number; maxCachedResources?: number } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'pulse-history-'));
  const db = openDatabase(dir);
  opened.push({ db, dir });
  const history = new MetricsHistory(db, {
    log: createLogger({ level: 'silent' }),
    retentionDays: () => options.retentionDays ?? 30,
    maxCachedResources: options.maxCachedResources,
  });
  return { db, dir, history };
}

afterEach(() => {
  for (const { db, dir } of opened.splice(0)) {
    if (db.open) db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

function guest(id: string, fields: Partial<GuestView> = {}): GuestView {
  return { id, instance: id.split('-')[0], cpu: 0.5, memory: { usage: 40 }, ...fields };
}

function points(history: MetricsHistory, tier: TierName, key?: string): HistoryPoint[] {
  const found: HistoryPoint[] = [];
  history.scan(tierByName(tier), 0, key, (point) => found.push(point));
  return found;
}

function count(db: Database, table: string): number {
  return db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
}

function maintainUntilIdle(history: MetricsHistory, nowMs: number): void {
  for (let pass = 0; pass < 1000; pass++) {
    const report = history.maintain(nowMs);
    if (report.rolledUp + report.pruned === 0) return;
  }
  throw new Error('maintenance never settled');
}

describe('recording', () => {
  it('stores values in display units, percentages to two decimals', () => {
    const { history } = openHistory();
    const state: HistoryStateView = {
      vms: [guest('pve1-n1-100', { cpu: 0.123456, memory: { usage: 33.3333 }, diskRead: 1234.6 })],
      nodes: [{ id: 'pve1-n1', instance: 'pve1', cpu: 0.25, memory: { usage: 50 } }],
    };

    expect(history.record(state, { atMs: T0 })).toBe(2);

    const [vm] = points(history, 'raw', 'pve1-n1-100');
    expect(vm?.avg.slice(0, 4)).toEqual([12.35, 33.33, null, 1235]);
    expect(points(history, 'raw', 'pve1-n1')[0]?.avg).toEqual([25, 50, null]);
  });

  it('skips a cycle that comes within 9 seconds of the last one recorded', () => {
    const { history } = openHistory();
    const state = { vms: [guest('pve1-n1-100')] };

    expect(history.record(state, { atMs: T0 })).toBe(1);
    expect(history.record(state, { atMs: T0 + 5000 })).toBe(0);
    expect(history.record(state, { atMs: T0 + 10_000 })).toBe(1);
  });

  it('records only the cycling endpoint, each endpoint on its own schedule', () => {
    const { history } = openHistory();
    const state: HistoryStateView = {
      vms: [guest('pve1-n1-100'), guest('pve2-n1-200')],
      pbs: [{ id: 'pbs-backup', datastores: [{ name: 'main', usage: 10, used: 1, total: 10 }] }],
    };

    expect(history.record(state, { atMs: T0, endpoint: 'pve1' })).toBe(1);
    expect(history.record(state, { atMs: T0 + 1000, endpoint: 'pbs-backup' })).toBe(1);

    expect(points(history, 'raw').map((point) => point.key)).toEqual([
      'pve1-n1-100',
      'pbs-backup-main',
    ]);
  });

  it('keeps its resource id cache under the cap whatever the fleet size', () => {
    const { db, history } = openHistory({ maxCachedResources: 100 });
    const vms = Array.from({ length: 1000 }, (_, index) => guest(`pve1-n1-${index}`));

    expect(history.record({ vms }, { atMs: T0 })).toBe(1000);
    expect(history.record({ vms }, { atMs: T0 + 10_000 })).toBe(1000);

    expect(history.cachedResources).toBeLessThanOrEqual(100);
    expect(count(db, 'history_resources')).toBe(1000);
    expect(count(db, 'history_raw')).toBe(2000);
  });

  it('finds its points again after the database is reopened', () => {
    const { db, dir, history } = openHistory();
    history.record({ vms: [guest('pve1-n1-100')] }, { atMs: T0 });
    db.close();

    const reopened = openDatabase(dir);
    opened.push({ db: reopened, dir });
    const again = new MetricsHistory(reopened, {
      log: createLogger({ level: 'silent' }),
      retentionDays: () => 30,
    });

    expect(points(again, 'raw', 'pve1-n1-100')).toHaveLength(1);
    expect(again.record({ vms: [guest('pve1-n1-100')] }, { atMs: T0 + 3000 })).toBe(0);
  });
});

describe('downsampling', () => {
  it('rolls raw points into minute min/avg/max, minutes into sample-weighted 5 minutes', () => {
    const { history } = openHistory();
    const minuteZero = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6];
    minuteZero.forEach((cpu, index) => {
      history.record({ vms: [guest('pve1-n1-100', { cpu })] }, { atMs: T0 + index * 10_000 });
    });
    [0.9, 0.7].forEach((cpu, index) => {
      const atMs = T0 + MINUTE + index * 10_000;
      history.record({ vms: [guest('pve1-n1-100', { cpu })] }, { atMs });
    });

    history.maintain(T0 + 6 * MINUTE);

    const minutes = points(history, '1m').map((point) => [
      point.min?.[0],
      point.avg[0],
      point.max?.[0],
    ]);
    expect(minutes).toEqual([
      [10, 35, 60],
      [70, 80, 90],
    ]);
    const [fiveMinutes] = points(history, '5m');
    expect([fiveMinutes?.min?.[0], fiveMinutes?.avg[0], fiveMinutes?.max?.[0]]).toEqual([
      10, 46.25, 90,
    ]);
  });

  it('leaves out missing values instead of counting them as zero', () => {
    const { history } = openHistory();
    history.record({ vms: [guest('pve1-n1-100', { memory: { usage: 60 } })] }, { atMs: T0 });
    history.record({ vms: [guest('pve1-n1-100', { memory: {} })] }, { atMs: T0 + 10_000 });

    history.maintain(T0 + 2 * MINUTE);

    const [minute] = points(history, '1m');
    expect([minute?.min?.[1], minute?.avg[1], minute?.max?.[1]]).toEqual([60, 60, 60]);
  });

  it('waits for a bucket to end (plus grace) before rolling it up', () => {
    const { history } = openHistory();
    history.record({ vms: [guest('pve1-n1-100')] }, { atMs: T0 + 50_000 });

    history.maintain(T0 + MINUTE + 10_000);
    expect(points(history, '1m')).toHaveLength(0);

    history.maintain(T0 + MINUTE + 31_000);
    expect(points(history, '1m')).toHaveLength(1);
  });
});

describe('retention and pruning', () => {
  it('keeps each tier to its horizon and the hourly tier to the retention setting', () => {
    const { db, history } = openHistory({ retentionDays: 2 });
    const end = T0 + 3 * DAY;
    for (let at = T0; at <= end; at += 5 * MINUTE) {
      history.record({ vms: [guest('pve1-n1-100', { cpu: (at % HOUR) / HOUR })] }, { atMs: at });
      history.maintain(at);
    }
    maintainUntilIdle(history, end);

    const oldest = (table: string) =>
      (db.prepare(`SELECT min(ts) FROM ${table}`).pluck().get() as number) * 1000;
    expect(oldest('history_raw')).toBeGreaterThanOrEqual(end - 75 * MINUTE);
    expect(oldest('history_1m')).toBeGreaterThanOrEqual(end - 5 * HOUR);
    expect(oldest('history_5m')).toBeGreaterThanOrEqual(end - 25 * HOUR);
    expect(oldest('history_1h')).toBeGreaterThanOrEqual(end - 2 * DAY);
    expect(oldest('history_1h')).toBeLessThan(end - 47 * HOUR);
  });

  it('never prunes raw points the minute tier has not absorbed yet', () => {
    const { db, history } = openHistory();
    const end = T0 + 3 * HOUR;
    for (let at = T0; at < end; at += MINUTE) {
      history.record({ vms: [guest('pve1-n1-100')] }, { atMs: at });
    }

    history.maintain(end);
    // One pass rolls up at most an hour; raw rows after it must all still be there.
    const rolled = db
      .prepare("SELECT rolled_until FROM history_progress WHERE tier = '1m'")
      .pluck()
      .get() as number;
    const unrolled = db.prepare('SELECT count(*) FROM history_raw WHERE ts >= ?').pluck();
    expect(unrolled.get(rolled)).toBe((end - rolled * 1000) / MINUTE);

    maintainUntilIdle(history, end);
    // Every minute but the last, which ended less than the grace period ago.
    expect(count(db, 'history_1m')).toBe(179);
    expect(count(db, 'history_raw')).toBe(75);
  });

  it('forgets resources not seen for longer than the retention', () => {
    const { db, history } = openHistory({ retentionDays: 1 });
    history.record({ vms: [guest('pve1-n1-100')] }, { atMs: T0 });

    maintainUntilIdle(history, T0 + DAY + 2 * HOUR);

    expect(count(db, 'history_resources')).toBe(0);
  });
});
