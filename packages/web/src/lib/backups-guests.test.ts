import { describe, expect, it } from 'vitest';
import type { BackupEntry } from './backups-entries.ts';
import { guestBackupStatuses, usualInterval } from './backups-guests.ts';
import { guest } from './backups-test-data.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.parse('2025-06-10T15:00:00Z');

function backups(guestId: string, times: number[], kind: BackupEntry['kind'] = 'pbs') {
  return times.map(
    (time, i): BackupEntry => ({
      id: `${guestId}-${i}`,
      kind,
      time,
      vmid: '1',
      guestType: 'vm',
      guestId,
      guestName: '',
      source: 'pbs-main',
      location: 'main',
      protected: false,
    }),
  );
}

/** Nightly runs at 01:00 UTC, the last one `daysAgo` nights back. */
function nightly(count: number, lastNight: number) {
  const tonight = Date.parse('2025-06-10T01:00:00Z');
  return Array.from({ length: count }, (_, i) => tonight - (lastNight + i) * DAY);
}

describe('guestBackupStatuses', () => {
  const web = guest({ vmid: 100, name: 'web' });
  const db = guest({ vmid: 101, name: 'db' });
  const tmp = guest({ vmid: 102, name: 'tmp' });

  it('flags a nightly-backed-up guest whose last run failed, the afternoon after', () => {
    const entries = [...backups(web.id, nightly(7, 0)), ...backups(db.id, nightly(6, 1))];
    const statuses = guestBackupStatuses([web, db], entries, NOW);

    expect(statuses.map((s) => [s.guest.name, s.state])).toEqual([
      ['db', 'overdue'],
      ['web', 'ok'],
    ]);
    expect(statuses[1]?.intervalMs).toBe(DAY);
    expect(statuses[1]?.dueAfterMs).toBe(1.5 * DAY);
    expect(statuses[1]).toMatchObject({ lastKind: 'pbs', lastLocation: 'main', backupCount: 7 });
  });

  it('lets a weekly schedule go a week without alarm', () => {
    const weekly = [NOW - 6 * DAY, NOW - 13 * DAY, NOW - 20 * DAY];
    const [status] = guestBackupStatuses([web], backups(web.id, weekly), NOW);
    expect(status?.state).toBe('ok');
    expect(status?.dueAfterMs).toBe(10.5 * DAY);
  });

  it('lists guests never backed up first; snapshots do not count as backups', () => {
    const entries = [
      ...backups(tmp.id, [NOW - HOUR], 'snapshot'),
      ...backups(web.id, nightly(3, 0)),
    ];
    const statuses = guestBackupStatuses([web, tmp], entries, NOW);
    expect(statuses[0]).toMatchObject({ state: 'never', backupCount: 0 });
    expect(statuses[0]?.guest.name).toBe('tmp');
  });

  it('uses the server-known last backup and a fallback allowance without a history', () => {
    const known = guest({
      vmid: 103,
      name: 'nas',
      lastBackup: new Date(NOW - 3 * DAY).toISOString(),
    });
    const stale = guest({
      vmid: 104,
      name: 'old',
      lastBackup: new Date(NOW - 9 * DAY).toISOString(),
    });
    const statuses = guestBackupStatuses([known, stale], [], NOW);

    expect(statuses.map((s) => [s.guest.name, s.state])).toEqual([
      ['old', 'overdue'],
      ['nas', 'ok'],
    ]);
    expect(statuses[1]?.lastKind).toBeUndefined();
  });

  it('skips templates', () => {
    expect(
      guestBackupStatuses([guest({ vmid: 9000, name: 't', template: true })], [], NOW),
    ).toEqual([]);
  });
});

describe('usualInterval', () => {
  const run = (day: number) => Date.parse('2025-06-01T01:00:00Z') + day * DAY;

  it('counts copies minutes apart as one run and rounds jitter to whole days', () => {
    const times = [run(0), run(0) + 5 * 60_000, run(1), run(2), run(3) + 2 * HOUR];
    expect(usualInterval(times)).toBe(DAY);
    expect(usualInterval([run(0)])).toBeUndefined();
  });

  it('sees a nightly schedule through a run that fails every third night', () => {
    const times = [0, 1, 3, 4, 6, 7, 9].map(run);
    expect(usualInterval(times)).toBe(DAY);
  });

  it('sees a weekly schedule through one manual backup in between', () => {
    const times = [0, 7, 14, 17, 21, 28].map(run);
    expect(usualInterval(times)).toBe(7 * DAY);
  });

  it('keeps hourly schedules in hours', () => {
    const times = [0, 6, 12, 18, 24].map((hour) => run(0) + hour * HOUR);
    expect(usualInterval(times)).toBe(6 * HOUR);
  });
});
