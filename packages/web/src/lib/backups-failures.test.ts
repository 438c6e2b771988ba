import type { BackupTask, PbsInstance, TaskSummary } from '@pulse/contract';
import { describe, expect, it } from 'vitest';
import { failedBackupTasks, isFailedStatus } from './backups-failures.ts';
import { guest } from './backups-test-data.ts';

function task(vmid: number, status: string, startTime: string): BackupTask {
  const upid = `UPID:pve1:0:0:0:vzdump:${vmid}:root@pam:`;
  return {
    id: `homelab-${upid}`,
    node: 'pve1',
    instance: 'homelab',
    type: 'vzdump',
    vmid,
    status,
    startTime,
    upid,
    ...(isFailedStatus(status) ? { error: status } : {}),
  };
}

function pbsTask(type: string, status: string, startTime: string): TaskSummary {
  return {
    id: `pbs-${type}-${startTime}`,
    instance: 'pbs-main',
    node: 'localhost',
    upid: `UPID:pbs:${type}`,
    type,
    target: 'main',
    user: 'root@pam',
    status,
    startTime,
  };
}

const pbs = (failedTasks: TaskSummary[]) =>
  [{ name: 'pbs-main', failedTasks }] as unknown as PbsInstance[];

describe('failedBackupTasks', () => {
  it('lists failed vzdump runs with the guest and the error, newest first', () => {
    const failed = failedBackupTasks(
      [
        task(100, 'OK', '2025-06-01T01:00:00Z'),
        task(101, 'job errors', '2025-06-01T01:01:00Z'),
        task(100, 'WARNINGS: 1', '2025-06-01T01:02:00Z'),
        task(102, 'unable to find VM 102', '2025-06-01T01:03:00Z'),
      ],
      [],
      [guest({ vmid: 101, name: 'gitlab' })],
    );

    expect(failed.map((t) => [t.vmid, t.guestName, t.error])).toEqual([
      [102, undefined, 'unable to find VM 102'],
      [101, 'gitlab', 'job errors'],
    ]);
  });

  it('adds failed PBS backup upkeep tasks but not unrelated ones', () => {
    const failed = failedBackupTasks(
      [],
      pbs([
        pbsTask('verificationjob', 'verification failed', '2025-06-01T06:00:00Z'),
        pbsTask('aptupdate', 'network error', '2025-06-01T07:00:00Z'),
        pbsTask('garbage_collection', 'OK', '2025-06-01T08:00:00Z'),
      ]),
      [],
    );

    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ source: 'pbs', node: 'pbs-main', target: 'main' });
  });

  it('treats an empty status as still running, not failed', () => {
    expect(isFailedStatus('')).toBe(false);
    expect(isFailedStatus('WARNINGS: 2')).toBe(false);
    expect(isFailedStatus('job errors')).toBe(true);
  });
});
