import type {
  BackupTask,
  GuestSnapshot,
  ReplicationJob,
  StorageBackup,
  TaskSummary,
} from '@pulse/contract';
import { bool, list, num, optNum, optStr, record, str } from '../../proxmox/parse.ts';

const iso = (seconds: number) => new Date(seconds * 1000).toISOString();

/** A task ended badly: neither `OK` nor only warnings, and not still running. */
export function isFailedStatus(status: string): boolean {
  return status !== '' && status !== 'OK' && !status.startsWith('WARNINGS');
}

/** vzdump tasks as backup tasks. */
export function backupTasks(instance: string, tasks: Record<string, unknown>[]): BackupTask[] {
  return tasks
    .filter((task) => str(task.type) === 'vzdump')
    .map((task) => {
      const status = str(task.status);
      const endtime = optNum(task.endtime);
      return {
        id: `${instance}-${str(task.upid)}`,
        node: str(task.node),
        instance,
        type: 'vzdump',
        vmid: num(task.id),
        status,
        startTime: iso(num(task.starttime)),
        ...(endtime ? { endTime: iso(endtime) } : {}),
        ...(isFailedStatus(status) ? { error: status } : {}),
        upid: str(task.upid),
      };
    });
}

/** Tasks that failed, whatever their type. */
export function failedTasks(instance: string, tasks: Record<string, unknown>[]): TaskSummary[] {
  return tasks
    .filter((task) => isFailedStatus(str(task.status)))
    .map((task) => {
      const endtime = optNum(task.endtime);
      const target = optStr(task.id);
      return {
        id: `${instance}-${str(task.upid)}`,
        instance,
        node: str(task.node),
        upid: str(task.upid),
        type: str(task.type),
        ...(target ? { target } : {}),
        user: str(task.user),
        status: str(task.status),
        startTime: iso(num(task.starttime)),
        ...(endtime ? { endTime: iso(endtime) } : {}),
      };
    });
}

function backupType(volid: string, entry: Record<string, unknown>): StorageBackup['type'] {
  const subtype = str(entry.subtype);
  if (subtype === 'qemu' || subtype === 'lxc') return subtype;
  const format = str(entry.format);
  if (/vzdump-qemu-|\/vm\//.test(volid) || format === 'pbs-vm') return 'qemu';
  if (/vzdump-lxc-|\/ct\//.test(volid) || format === 'pbs-ct') return 'lxc';
  return 'unknown';
}

function backupVmid(volid: string, entry: Record<string, unknown>): number {
  const direct = optNum(entry.vmid);
  if (direct !== undefined) return direct;
  const match = /vzdump-(?:qemu|lxc)-(\d+)-|backup\/(?:vm|ct)\/(\d+)\//.exec(volid);
  return Number(match?.[1] ?? match?.[2] ?? 0);
}

export interface ContentSource {
  instance: string;
  storage: string;
  node: string;
  isPBS: boolean;
  shared: boolean;
}

/** Backup files of one storage content listing. */
export function storageBackups(
  source: ContentSource,
  entries: Record<string, unknown>[],
): StorageBackup[] {
  return entries
    .filter((entry) => (optStr(entry.content) ?? 'backup') === 'backup')
    .map((entry) => {
      const volid = str(entry.volid);
      const ctime = num(entry.ctime);
      const verification = optStr(record(entry.verification).state);
      const notes = optStr(entry.notes);
      return {
        id: `${source.instance}-${volid}`,
        storage: source.storage,
        node: source.isPBS || source.shared ? source.storage : source.node,
        instance: source.instance,
        type: backupType(volid, entry),
        vmid: backupVmid(volid, entry),
        time: iso(ctime),
        ctime,
        size: num(entry.size),
        format: str(entry.format),
        ...(notes ? { notes } : {}),
        protected: bool(entry.protected),
        volid,
        isPBS: source.isPBS,
        verified: verification === 'ok',
        ...(verification ? { verification } : {}),
      };
    });
}

/** Snapshots of one guest, without PVE's `current` pseudo-snapshot. */
export function guestSnapshots(
  instance: string,
  guest: { node: string; vmid: number; type: 'qemu' | 'lxc' },
  data: unknown,
): GuestSnapshot[] {
  return list(data)
    .filter((snap) => str(snap.name) !== 'current')
    .map((snap) => {
      const name = str(snap.name);
      const description = optStr(snap.description);
      const parent = optStr(snap.parent);
      return {
        id: `${instance}-${guest.node}-${guest.vmid}-${name}`,
        name,
        node: guest.node,
        instance,
        type: guest.type,
        vmid: guest.vmid,
        time: iso(num(snap.snaptime)),
        ...(description ? { description } : {}),
        ...(parent ? { parent } : {}),
        vmstate: bool(snap.vmstate),
      };
    });
}

/** Replication jobs from `/cluster/replication`, with the last result where known. */
export function replicationJobs(
  instance: string,
  config: Record<string, unknown>[],
  status: Map<string, Record<string, unknown>>,
  guestIds: Map<number, string>,
): ReplicationJob[] {
  return config.map((job) => {
    const jobId = str(job.id);
    const state = status.get(jobId) ?? {};
    const vmid = num(job.guest ?? state.guest);
    const lastSync = optNum(state.last_sync);
    const nextSync = optNum(state.next_sync);
    const error = optStr(state.error);
    const guestId = guestIds.get(vmid);
    return {
      id: `${instance}-${jobId}`,
      instance,
      jobId,
      ...(guestId ? { guestId } : {}),
      vmid,
      source: str(job.source ?? state.source),
      target: str(job.target ?? state.target),
      schedule: str(job.schedule, '*/15'),
      ...(lastSync ? { lastSync: iso(lastSync) } : {}),
      ...(nextSync ? { nextSync: iso(nextSync) } : {}),
      ...(optNum(state.duration) !== undefined ? { duration: num(state.duration) } : {}),
      failCount: num(state.fail_count),
      ...(error ? { error } : {}),
    };
  });
}
