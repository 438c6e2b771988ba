import type { Guest, GuestSnapshot, PbsBackup, StorageBackup } from '@pulse/contract';

/*
 * Builders of state entries for the backups unit tests: each takes the fields a test is
 * about and fills the rest plausibly.
 */

export function guest(fields: Partial<Guest> & Pick<Guest, 'vmid' | 'name'>): Guest {
  const instance = fields.instance ?? 'homelab';
  const node = fields.node ?? 'pve1';
  const disk = { total: 0, used: 0, free: 0, usage: 0 };
  return {
    id: `${instance}-${node}-${fields.vmid}`,
    node,
    instance,
    status: 'running',
    type: 'qemu',
    cpu: 0,
    cpus: 1,
    memory: disk,
    disk,
    networkIn: 0,
    networkOut: 0,
    diskRead: 0,
    diskWrite: 0,
    uptime: 100,
    template: false,
    lastBackup: null,
    lastSeen: '2025-06-01T12:00:00Z',
    diskStatus: { source: 'proxmox' },
    ...fields,
  };
}

export function pbsBackup(
  fields: Partial<PbsBackup> & Pick<PbsBackup, 'vmid' | 'backupTime'>,
): PbsBackup {
  const type = fields.backupType ?? 'vm';
  return {
    id: `pbs-${fields.vmid}-${fields.backupTime}`,
    instance: 'pbs-main',
    datastore: 'main',
    namespace: '',
    backupType: type,
    size: 1024 ** 3,
    protected: false,
    verified: false,
    ...fields,
  };
}

export function storageBackup(
  fields: Partial<StorageBackup> & Pick<StorageBackup, 'vmid' | 'time'>,
): StorageBackup {
  const storage = fields.storage ?? 'local';
  const volid = `${storage}:backup/vzdump-qemu-${fields.vmid}-${fields.time}.vma.zst`;
  return {
    id: `homelab-${volid}`,
    storage,
    node: 'pve1',
    instance: 'homelab',
    type: 'qemu',
    ctime: Math.floor(Date.parse(fields.time) / 1000),
    size: 2 * 1024 ** 3,
    format: 'vma.zst',
    protected: false,
    volid,
    isPBS: false,
    verified: false,
    ...fields,
  };
}

export function snapshot(
  fields: Partial<GuestSnapshot> & Pick<GuestSnapshot, 'vmid' | 'name' | 'time'>,
): GuestSnapshot {
  const node = fields.node ?? 'pve1';
  const instance = fields.instance ?? 'homelab';
  return {
    id: `${instance}-${node}-${fields.vmid}-${fields.name}`,
    node,
    instance,
    type: 'qemu',
    vmstate: false,
    ...fields,
  };
}
