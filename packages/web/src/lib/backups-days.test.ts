import { describe, expect, it } from 'vitest';
import { dayLabel, groupByDay, shortDate, timeOfDay } from './backups-days.ts';
import type { BackupEntry } from './backups-entries.ts';

const NOW = new Date(2025, 5, 4, 15, 30).getTime();
const at = (month: number, date: number, hour: number) =>
  new Date(2025, month, date, hour).getTime();

function entry(id: string, time: number, kind: BackupEntry['kind'], size?: number): BackupEntry {
  return {
    id,
    kind,
    time,
    vmid: '100',
    guestType: 'vm',
    guestName: 'web',
    source: 'pve1',
    location: 'local',
    protected: false,
    ...(size === undefined ? {} : { size }),
  };
}

describe('groupByDay', () => {
  it('splits newest-first entries into local days with counts and sizes', () => {
    const days = groupByDay(
      [
        entry('a', at(5, 4, 2), 'pbs', 10),
        entry('b', at(5, 4, 1), 'snapshot'),
        entry('c', at(5, 3, 23), 'pve', 5),
        entry('d', at(5, 1, 1), 'pbs', 1),
      ],
      NOW,
    );

    expect(days.map((day) => day.label)).toEqual(['Today', 'Yesterday', 'Sun 1 Jun']);
    expect(days[0]?.counts).toEqual({ pbs: 1, pve: 0, snapshot: 1 });
    expect(days[0]?.totalSize).toBe(10);
    expect(days.map((day) => day.entries.map((e) => e.id))).toEqual([['a', 'b'], ['c'], ['d']]);
  });
});

describe('day labels', () => {
  it('names the last two days and dates the others, with the year only when it differs', () => {
    expect(dayLabel('2025-06-04', NOW)).toBe('Today');
    expect(dayLabel('2025-06-03', NOW)).toBe('Yesterday');
    expect(dayLabel('2025-05-31', NOW)).toBe('Sat 31 May');
    expect(shortDate(new Date(2024, 11, 24).getTime(), NOW)).toBe('Tue 24 Dec 2024');
  });

  it('knows yesterday across a month boundary', () => {
    const firstOfJuly = new Date(2025, 6, 1, 8).getTime();
    expect(dayLabel('2025-06-30', firstOfJuly)).toBe('Yesterday');
  });

  it('writes times as 24-hour HH:MM', () => {
    expect(timeOfDay(new Date(2025, 5, 4, 7, 5).getTime())).toBe('07:05');
  });
});
