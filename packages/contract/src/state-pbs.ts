import { z } from 'zod';

/** Times are ISO 8601 strings (UTC). */
const isoTime = z.string();

/* Proxmox Backup Server entities of the live state. */

export const PbsNamespace = z.object({
  /** `""` is the root namespace. */
  path: z.string(),
  parent: z.string().optional(),
  depth: z.number(),
});
export type PbsNamespace = z.infer<typeof PbsNamespace>;

export const PbsDatastore = z.object({
  name: z.string(),
  total: z.number(),
  used: z.number(),
  free: z.number(),
  usage: z.number(),
  status: z.enum(['available', 'unavailable', 'maintenance']),
  /** Why the datastore or one of its namespaces could not be read. */
  error: z.string().optional(),
  namespaces: z.array(PbsNamespace).optional(),
  comment: z.string().optional(),
  /** When PBS expects the datastore to be full, if it can tell. */
  estimatedFullDate: isoTime.optional(),
});
export type PbsDatastore = z.infer<typeof PbsDatastore>;

/** A PBS task that ended badly (or a recent one of interest). */
export const TaskSummary = z.object({
  id: z.string(),
  instance: z.string(),
  node: z.string(),
  upid: z.string(),
  /** Task type: `vzdump`, `qmigrate`, `verify`, `garbage_collection`, ... */
  type: z.string(),
  /** Object of the task, e.g. a VMID or a datastore. */
  target: z.string().optional(),
  user: z.string(),
  /** `OK`, `WARNINGS: n`, or the error text; empty while running. */
  status: z.string(),
  startTime: isoTime,
  endTime: isoTime.optional(),
});
export type TaskSummary = z.infer<typeof TaskSummary>;

/** A Proxmox Backup Server. ID `pbs-<instance>`. */
export const PbsInstance = z.object({
  id: z.string(),
  name: z.string(),
  host: z.string(),
  status: z.enum(['online', 'offline']),
  /** PBS version such as `4.0.11`, or `unknown` before the first answer. */
  version: z.string(),
  /** CPU use in percent 0–100, like `memory` (the original sent a fraction here). */
  cpu: z.number(),
  /** Memory use in percent. */
  memory: z.number(),
  memoryUsed: z.number(),
  memoryTotal: z.number(),
  uptime: z.number(),
  datastores: z.array(PbsDatastore),
  backupJobs: z.array(z.unknown()),
  syncJobs: z.array(z.unknown()),
  verifyJobs: z.array(z.unknown()),
  pruneJobs: z.array(z.unknown()),
  garbageJobs: z.array(z.unknown()),
  connectionHealth: z.enum(['healthy', 'degraded', 'error']),
  /** When the server last answered (not merely when it was tried). */
  lastSeen: isoTime,
  /** Failed tasks of the last 24 hours. */
  failedTasks: z.array(TaskSummary),
});
export type PbsInstance = z.infer<typeof PbsInstance>;

/** One backup snapshot on a PBS. ID `pbs-<instance>-<datastore>-<ns>-<type>-<id>-<unix time>`. */
export const PbsBackup = z.object({
  id: z.string(),
  instance: z.string(),
  datastore: z.string(),
  /** `""` is the root namespace. */
  namespace: z.string(),
  backupType: z.enum(['vm', 'ct', 'host']),
  /** The backup ID; a VMID for `vm`/`ct`, a host name for `host`. */
  vmid: z.string(),
  backupTime: isoTime,
  size: z.number(),
  protected: z.boolean(),
  verified: z.boolean(),
  comment: z.string().optional(),
  files: z.array(z.string()).optional(),
  owner: z.string().optional(),
  /** `ok` or `failed` once verified. */
  verification: z.string().optional(),
  /** ID of the guest this backup belongs to, when a PVE storage maps this namespace. */
  guestId: z.string().optional(),
});
export type PbsBackup = z.infer<typeof PbsBackup>;
