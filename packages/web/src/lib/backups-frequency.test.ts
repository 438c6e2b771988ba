import { describe, expect, it } from 'vitest';
import type { BackupEntry } from './backups-entries.ts';
import { backupFrequency, isFrequencyRange } from './backups-frequency.ts';

const NOW = new Date(2025, 5, 30, 15).getTime();
const day = (date: number, hour = 2) => new Date(2025, 5, date, hour).getTime();

function entry(time: number, kind: BackupEntry['kind']): BackupEntry {
  return {
    id: String(time),
    kind,
    time,
    vmid: '1',
    guestType: 'vm',
    guestName: '',
    source: 'pve1',
    location: 'local',
    protected: false,
  };
}

describe('backupFrequency', () => {
  it('counts each kind per local day, ending today', () => {
    const chart = backupFrequency(
      [
        entry(day(30), 'pbs'),
        entry(day(30, 3), 'pbs'),
        entry(day(29), 'snapshot'),
        entry(day(24), 'pve'),
      ],
      '7d',
      NOW,
    );

    expect(chart.bucketDays).toBe(1);
    expect(chart.buckets.map((b) => b.firstDay)).toEqual([
      '2025-06-24',
      '2025-06-25',
      '2025-06-26',
      '2025-06-27',
      '2025-06-28',
      '2025-06-29',
      '2025-06-30',
    ]);
    expect(chart.buckets.map((b) => b.total)).toEqual([1, 0, 0, 0, 0, 1, 2]);
    expect(chart.buckets[6]?.counts).toEqual({ pbs: 2, pve: 0, snapshot: 0 });
    expect(chart.buckets[6]?.label).toBe('30 Jun');
    expect(chart.max).toBe(2);
  });

  it('leaves out backups older than the range', () => {
    const chart = backupFrequency([entry(day(23, 23), 'pbs')], '7d', NOW);
    expect(chart.buckets.every((b) => b.total === 0)).toBe(true);
    expect(chart.max).toBe(1);
  });

  it('has one bar a day for 30 and 90 days', () => {
    expect(backupFrequency([], '30d', NOW).buckets).toHaveLength(30);
    expect(backupFrequency([], '90d', NOW).buckets).toHaveLength(90);
  });

  it('shows a year as 52 weeks, each a range of days', () => {
    const chart = backupFrequency([entry(day(30), 'pbs'), entry(day(24), 'pve')], '1y', NOW);

    expect(chart.bucketDays).toBe(7);
    expect(chart.buckets).toHaveLength(52);
    const last = chart.buckets[51];
    expect(last).toMatchObject({ firstDay: '2025-06-24', lastDay: '2025-06-30', total: 2 });
    expect(last?.label).toBe('24 Jun – 30 Jun');
  });

  it('accepts only known ranges from the URL', () => {
    expect(isFrequencyRange('90d')).toBe(true);
    expect(isFrequencyRange('2y')).toBe(false);
  });
});
