import type { BackupTask, Guest, PbsInstance } from '@pulse/contract';

/** PBS task types that are part of keeping backups: the backup itself and its upkeep. */
const PBS_BACKUP_TASKS = new Set([
  'backup',
  'verify',
  'verificationjob',
  'syncjob',
  'prune',
  'prunejob',
  'garbage_collection',
]);

export interface FailedBackupTask {
  id: string;
  /** `pve` for a vzdump run, `pbs` for a task on a Backup Server. */
  source: 'pve' | 'pbs';
  /** `vzdump`, `verify`, `garbage_collection`, ... */
  type: string;
  /** PVE node or PBS instance that ran it. */
  node: string;
  instance: string;
  /** The guest's VMID for vzdump runs of one guest. */
  vmid?: number;
  guestName?: string;
  /** What the task worked on when not a guest (a datastore, say). */
  target?: string;
  /** Unix milliseconds. */
  startTime: number;
  endTime?: number;
  /** What Proxmox reported as the task's end status. */
  error: string;
  upid: string;
}

/** A task status that is neither OK, a warning, nor empty (still running). */
export function isFailedStatus(status: string): boolean {
  return status !== '' && status !== 'OK' && !status.startsWith('WARNINGS');
}

/** Failed vzdump runs and failed PBS backup upkeep tasks, newest first. */
export function failedBackupTasks(
  backupTasks: readonly BackupTask[],
  pbs: readonly PbsInstance[],
  guests: readonly Guest[],
): FailedBackupTask[] {
  const nameOf = (instance: string, vmid: number) =>
    guests.find((guest) => guest.instance === instance && guest.vmid === vmid)?.name;

  const fromPve = backupTasks
    .filter((task) => task.error !== undefined || isFailedStatus(task.status))
    .map((task): FailedBackupTask => {
      const guestName = task.vmid > 0 ? nameOf(task.instance, task.vmid) : undefined;
      const endTime = task.endTime ? Date.parse(task.endTime) : undefined;
      return {
        id: task.id,
        source: 'pve',
        type: task.type,
        node: task.node,
        instance: task.instance,
        ...(task.vmid > 0 ? { vmid: task.vmid } : {}),
        ...(guestName ? { guestName } : {}),
        startTime: Date.parse(task.startTime),
        ...(endTime === undefined ? {} : { endTime }),
        error: task.error ?? task.status,
        upid: task.upid,
      };
    });

  const fromPbs = pbs.flatMap((instance) =>
    instance.failedTasks
      .filter((task) => PBS_BACKUP_TASKS.has(task.type) && isFailedStatus(task.status))
      .map((task): FailedBackupTask => {
        const endTime = task.endTime ? Date.parse(task.endTime) : undefined;
        return {
          id: task.id,
          source: 'pbs',
          type: task.type,
          node: instance.name,
          instance: instance.name,
          ...(task.target ? { target: task.target } : {}),
          startTime: Date.parse(task.startTime),
          ...(endTime === undefined ? {} : { endTime }),
          error: task.status,
          upid: task.upid,
        };
      }),
  );

  return [...fromPve, ...fromPbs].sort((a, b) => b.startTime - a.startTime);
}
