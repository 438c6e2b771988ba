import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../logger.ts';
import { type Database, openDatabase } from '../store/database.ts';
import { MetricsHistory } from './metrics-history.ts';
import { buildSparklines } from './sparklines.ts';

const T0 = Date.parse('2025-06-01T00:00:00Z');
const MINUTE = 60_000;
const opened: { db: Database; dir: string }[] = [];

function openHistory(): MetricsHistory {
  const dir = mkdtempSync(join(tmpdir(), 'pulse-sparklines-'));
  const db = openDatabase(dir);
  opened.push({ db, dir });
  return new MetricsHistory(db, {
    log: createLogger({ level: 'silent' }),
    retentionDays: () => 30,
  });
}

afterEach(() => {
  for (const { db, dir } of opened.splice(0)) {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

describe('buildSparklines', () => {
  it('averages each bucket and leaves buckets without samples empty', () => {
    const history = openHistory();
    // Samples in the first 20 minutes of the hour only: cpu 10% then 30%, memory 50%.
    for (let minute = 0; minute < 20; minute++) {
      const cpu = minute < 10 ? 0.1 : 0.3;
      const state = {
        vms: [{ id: 'pve-n1-100', instance: 'pve', cpu, memory: { usage: 50 } }],
        nodes: [{ id: 'pve-n1', instance: 'pve', cpu: 0.2, memory: { usage: 70 } }],
      };
      history.record(state, { atMs: T0 + minute * MINUTE });
    }

    const result = buildSparklines(history, { range: '1h', points: 6 }, T0 + 60 * MINUTE);

    expect(result.stepMs).toBe(10 * MINUTE);
    expect(result.series['pve-n1-100']?.cpu).toEqual([10, 30, null, null, null, null]);
    expect(result.series['pve-n1-100']?.memory).toEqual([50, 50, null, null, null, null]);
    expect(result.series['pve-n1']?.cpu).toEqual([20, 20, null, null, null, null]);
  });

  it('answers longer ranges from rolled-up tiers with the same averages', () => {
    const history = openHistory();
    for (let minute = 0; minute < 180; minute++) {
      const cpu = minute < 90 ? 0.2 : 0.6;
      const state = { vms: [{ id: 'pve-n1-100', instance: 'pve', cpu, memory: { usage: 40 } }] };
      history.record(state, { atMs: T0 + minute * MINUTE });
    }
    const nowMs = T0 + 180 * MINUTE;
    for (let pass = 0; pass < 100 && history.maintain(nowMs).rolledUp > 0; pass++);

    const result = buildSparklines(history, { range: '24h', points: 8 }, nowMs);
    const cpu = result.series['pve-n1-100']?.cpu ?? [];

    // 24 h in 8 buckets of 3 h: the last one holds 90 minutes at 20% and up to 90 at 60%
    // (the 5-minute tier holds completed buckets only), weighted by samples: 39.4 to 40.
    expect(cpu.slice(0, 7)).toEqual([null, null, null, null, null, null, null]);
    expect(cpu[7]).toBeGreaterThan(39);
    expect(cpu[7]).toBeLessThanOrEqual(40);
  });

  it('leaves out storage and resources with no point in the range', () => {
    const history = openHistory();
    history.record(
      { storage: [{ id: 'pve-n1-local', instance: 'pve', usage: 40, total: 10, used: 4 }] },
      { atMs: T0 },
    );

    const result = buildSparklines(history, { range: '1h', points: 4 }, T0 + 10 * MINUTE);

    expect(result.series).toEqual({});
  });
});
