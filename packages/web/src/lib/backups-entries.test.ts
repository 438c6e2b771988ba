import { describe, expect, it } from 'vitest';
import { buildBackupEntries } from './backups-entries.ts';
import { guest, pbsBackup, snapshot, storageBackup } from './backups-test-data.ts';

const NO_PVE = { backupTasks: [], storageBackups: [], guestSnapshots: [] };

describe('buildBackupEntries', () => {
  it('lists PBS backups, storage archives and snapshots together, newest first', () => {
    const entries = buildBackupEntries({
      guests: [guest({ vmid: 100, name: 'web' })],
      pbsBackups: [pbsBackup({ vmid: '100', backupTime: '2025-06-01T01:00:00Z' })],
      pveBackups: {
        ...NO_PVE,
        storageBackups: [storageBackup({ vmid: 100, time: '2025-06-02T01:00:00Z' })],
        guestSnapshots: [
          snapshot({ vmid: 100, name: 'pre-upgrade', time: '2025-05-30T09:00:00Z' }),
        ],
      },
    });

    expect(entries.map((entry) => entry.kind)).toEqual(['pve', 'pbs', 'snapshot']);
    expect(entries.map((entry) => entry.guestName)).toEqual(['web', 'web', 'web']);
    expect(entries[2]?.detail).toBe('pre-upgrade');
    expect(entries[2]?.size).toBeUndefined();
  });

  it('shows a backup once when both the PBS and a PVE storage pointing at it list it', () => {
    const time = '2025-06-01T01:00:00Z';
    const entries = buildBackupEntries({
      guests: [guest({ vmid: 100, name: 'web', node: 'pve2' })],
      pbsBackups: [pbsBackup({ vmid: '100', backupTime: time, namespace: 'homelab' })],
      pveBackups: {
        ...NO_PVE,
        storageBackups: [
          storageBackup({
            vmid: 100,
            time,
            storage: 'pbs-main',
            isPBS: true,
            guestId: 'homelab-pve2-100',
          }),
        ],
      },
    });

    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      kind: 'pbs',
      location: 'main/homelab',
      source: 'pbs-main',
      guestId: 'homelab-pve2-100',
      guestNode: 'pve2',
    });
  });

  it('keeps backups of a PBS storage whose server Pulse does not monitor, as PBS backups', () => {
    const entries = buildBackupEntries({
      guests: [],
      pbsBackups: [],
      pveBackups: {
        ...NO_PVE,
        storageBackups: [
          storageBackup({ vmid: 7, time: '2025-06-01T01:00:00Z', isPBS: true, verified: true }),
        ],
      },
    });

    expect(entries[0]).toMatchObject({ kind: 'pbs', verification: 'ok' });
  });

  it('names guests only when the VMID is unambiguous, else falls back to the notes', () => {
    const guests = [
      guest({ vmid: 100, name: 'web', instance: 'homelab' }),
      guest({ vmid: 100, name: 'db', instance: 'office' }),
      guest({ vmid: 200, name: 'dns' }),
    ];
    const entries = buildBackupEntries({
      guests,
      pbsBackups: [
        pbsBackup({ vmid: '100', backupTime: '2025-06-01T01:00:00Z', comment: 'web-notes' }),
        pbsBackup({ vmid: '200', backupTime: '2025-06-01T02:00:00Z' }),
        pbsBackup({ vmid: 'pbs', backupType: 'host', backupTime: '2025-06-01T03:00:00Z' }),
      ],
      pveBackups: NO_PVE,
    });

    expect(entries.map((entry) => entry.guestName)).toEqual(['pbs', 'dns', 'web-notes']);
    expect(entries[0]?.guestType).toBe('host');
  });

  it('tells verified, failed and not yet verified PBS backups apart', () => {
    const at = (hour: number) => `2025-06-01T0${hour}:00:00Z`;
    const entries = buildBackupEntries({
      guests: [],
      pbsBackups: [
        pbsBackup({ vmid: '1', backupTime: at(3), verified: true, verification: 'ok' }),
        pbsBackup({ vmid: '2', backupTime: at(2), verified: false, verification: 'failed' }),
        pbsBackup({ vmid: '3', backupTime: at(1), verified: false }),
      ],
      pveBackups: {
        ...NO_PVE,
        storageBackups: [storageBackup({ vmid: 4, time: at(0) })],
      },
    });

    expect(entries.map((entry) => entry.verification)).toEqual(['ok', 'failed', 'none', undefined]);
  });
});
