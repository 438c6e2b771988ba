import { z } from 'zod';

/** Times are ISO 8601 strings (UTC). */
const isoTime = z.string();

/* PVE backup tasks, backup files and snapshots of the live state. */

/** A vzdump task. ID `<instance>-<UPID>`. */
export const BackupTask = z.object({
  id: z.string(),
  node: z.string(),
  instance: z.string(),
  type: z.string(),
  vmid: z.number(),
  /** `OK`, `WARNINGS: n` or the error; empty while running. */
  status: z.string(),
  startTime: isoTime,
  endTime: isoTime.optional(),
  size: z.number().optional(),
  error: z.string().optional(),
  upid: z.string(),
});
export type BackupTask = z.infer<typeof BackupTask>;

/** A backup file listed by a PVE storage. ID `<instance>-<volid>`. */
export const StorageBackup = z.object({
  id: z.string(),
  storage: z.string(),
  /** The node that listed it, or the storage name for shared and PBS storages. */
  node: z.string(),
  instance: z.string(),
  type: z.enum(['qemu', 'lxc', 'unknown']),
  vmid: z.number(),
  time: isoTime,
  /** Unix seconds. */
  ctime: z.number(),
  size: z.number(),
  format: z.string(),
  notes: z.string().optional(),
  protected: z.boolean(),
  volid: z.string(),
  isPBS: z.boolean(),
  verified: z.boolean(),
  verification: z.string().optional(),
  guestId: z.string().optional(),
});
export type StorageBackup = z.infer<typeof StorageBackup>;

/** A snapshot of a guest. ID `<instance>-<node>-<vmid>-<name>`. */
export const GuestSnapshot = z.object({
  id: z.string(),
  name: z.string(),
  node: z.string(),
  instance: z.string(),
  type: z.enum(['qemu', 'lxc']),
  vmid: z.number(),
  time: isoTime,
  description: z.string().optional(),
  parent: z.string().optional(),
  /** Whether RAM was saved with it (VMs only). */
  vmstate: z.boolean(),
});
export type GuestSnapshot = z.infer<typeof GuestSnapshot>;

export const PveBackups = z.object({
  backupTasks: z.array(BackupTask),
  storageBackups: z.array(StorageBackup),
  guestSnapshots: z.array(GuestSnapshot),
});
export type PveBackups = z.infer<typeof PveBackups>;
