import { z } from 'zod';
import { PveBackups } from './state-backups.ts';
import { PbsBackup, PbsInstance, TaskSummary } from './state-pbs.ts';

export * from './state-backups.ts';
export * from './state-pbs.ts';

/*
 * The live state served by `GET /api/state` and the WebSocket. Top-level and entity field
 * names, and the ID conventions, are those of the original Pulse so that clients written
 * for it keep working; everything Pulse adds lives in fields the original did not have.
 *
 * Times are ISO 8601 strings (UTC) unless a field says otherwise.
 */

const isoTime = z.string();

/** Bytes of a resource; `usage` is a percentage 0–100 (0 when `total` is 0). */
export const Memory = z.object({
  total: z.number(),
  used: z.number(),
  free: z.number(),
  usage: z.number(),
});
export type Memory = z.infer<typeof Memory>;

export const Disk = Memory;
export type Disk = Memory;

export const CpuInfo = z.object({
  model: z.string(),
  /** Logical CPUs of the node. */
  cores: z.number(),
  sockets: z.number(),
  /** Clock in MHz, a string as Proxmox sends it. */
  mhz: z.string(),
});
export type CpuInfo = z.infer<typeof CpuInfo>;

/** A ZFS pool of a node and its health as `zpool` reports it. */
export const ZfsPool = z.object({
  name: z.string(),
  /** `ONLINE`, `DEGRADED`, `FAULTED`, `OFFLINE`, `UNAVAIL` or `REMOVED`. */
  health: z.string(),
  size: z.number(),
  alloc: z.number(),
  free: z.number(),
  /** Fragmentation percentage, when reported. */
  frag: z.number().optional(),
  dedup: z.number().optional(),
});
export type ZfsPool = z.infer<typeof ZfsPool>;

/** A Proxmox VE node. ID `<instance>-<node>`. */
export const Node = z.object({
  id: z.string(),
  name: z.string(),
  /** The configured endpoint name this node was reached through. */
  instance: z.string(),
  /** URL of the configured endpoint (the same for every node of a cluster). */
  host: z.string(),
  status: z.enum(['online', 'offline', 'unknown']),
  type: z.literal('node'),
  /** Share of all host CPUs in use, a fraction 0–1. */
  cpu: z.number(),
  memory: Memory,
  /** Root file system of the node. */
  disk: Disk,
  /** Seconds. */
  uptime: z.number(),
  /** 1, 5 and 15 minute load averages; empty when unknown. */
  loadAverage: z.array(z.number()),
  kernelVersion: z.string(),
  pveVersion: z.string(),
  cpuInfo: CpuInfo,
  /** When this node last answered. */
  lastSeen: isoTime,
  /** `healthy` when the last poll read this node, `error` when it could not. */
  connectionHealth: z.enum(['healthy', 'degraded', 'error']),
  /** Cluster name, or null for a standalone node. */
  clusterName: z.string().nullable(),
  swap: Memory,
  zfsPools: z.array(ZfsPool),
  /** Why the node is not `online`, e.g. `endpoint unreachable`. */
  statusReason: z.string().optional(),
});
export type Node = z.infer<typeof Node>;

/** Where a guest's disk figures came from, and why the better source was not used. */
export const GuestDiskStatus = z.object({
  /** `agent`: file systems from the QEMU guest agent; `proxmox`: as Proxmox reports it. */
  source: z.enum(['agent', 'proxmox']),
  /**
   * Why the guest agent was not used for a VM: `not-running` (VM stopped), `agent-disabled`,
   * `agent-not-running`, `agent-unsupported`, `permission` (the token lacks the privilege:
   * VM.Monitor on PVE 7/8, VM.GuestAgent.Audit on PVE 9), `no-filesystems`, `error`.
   */
  reason: z.string().optional(),
  /** One readable sentence for the UI. */
  message: z.string().optional(),
});
export type GuestDiskStatus = z.infer<typeof GuestDiskStatus>;

/** A VM or a container. ID `<instance>-<node>-<vmid>`. */
export const Guest = z.object({
  id: z.string(),
  vmid: z.number(),
  name: z.string(),
  node: z.string(),
  instance: z.string(),
  /** `running`, `stopped`, `paused`, `suspended`, ... (QEMU's own status for VMs). */
  status: z.string(),
  type: z.enum(['qemu', 'lxc']),
  /** Share of the guest's CPUs in use, a fraction 0–1; 0 when not running. */
  cpu: z.number(),
  cpus: z.number(),
  memory: Memory,
  disk: Disk,
  /** Bytes per second, from counter deltas between two polls. */
  networkIn: z.number(),
  networkOut: z.number(),
  diskRead: z.number(),
  diskWrite: z.number(),
  uptime: z.number(),
  /** Always false: templates are not monitored. */
  template: z.boolean(),
  /** Time of the newest backup of this guest, from any storage or PBS; null if none. */
  lastBackup: isoTime.nullable(),
  tags: z.array(z.string()).optional(),
  lock: z.string().optional(),
  lastSeen: isoTime,
  /** HA resource state (`started`, `stopped`, `error`, ...) for HA-managed guests. */
  haState: z.string().optional(),
  pool: z.string().optional(),
  diskStatus: GuestDiskStatus,
});
export type Guest = z.infer<typeof Guest>;

export const Vm = Guest;
export type Vm = Guest;
export const Container = Guest;
export type Container = Guest;

/**
 * A storage of a node. ID `<instance>-<node>-<storage>`; a shared storage appears once per
 * endpoint as `<instance>-shared-<storage>` with node `shared` (the original's
 * `shared-<storage>` collided between endpoints).
 */
export const Storage = z.object({
  id: z.string(),
  name: z.string(),
  node: z.string(),
  instance: z.string(),
  type: z.string(),
  status: z.enum(['available', 'inactive', 'disabled', 'unknown']),
  total: z.number(),
  used: z.number(),
  free: z.number(),
  usage: z.number(),
  /** Content types, sorted, comma-separated. */
  content: z.string(),
  shared: z.boolean(),
  enabled: z.boolean(),
  active: z.boolean(),
  /** Nodes that have this storage (for a shared one, every node that reported it). */
  nodes: z.array(z.string()),
});
export type Storage = z.infer<typeof Storage>;

/** A storage replication job and its last result. ID `<instance>-<job id>`. */
export const ReplicationJob = z.object({
  id: z.string(),
  instance: z.string(),
  jobId: z.string(),
  guestId: z.string().optional(),
  vmid: z.number(),
  source: z.string(),
  target: z.string(),
  schedule: z.string(),
  lastSync: isoTime.optional(),
  nextSync: isoTime.optional(),
  /** Seconds the last run took. */
  duration: z.number().optional(),
  failCount: z.number(),
  error: z.string().optional(),
});
export type ReplicationJob = z.infer<typeof ReplicationJob>;

/** A PVE cluster as seen through one configured endpoint. ID `<instance>`. */
export const ClusterInfo = z.object({
  id: z.string(),
  instance: z.string(),
  name: z.string(),
  quorate: z.boolean(),
  /** `healthy`: quorate with every node online; `degraded`: quorate, some offline. */
  status: z.enum(['healthy', 'degraded', 'no-quorum']),
  totalNodes: z.number(),
  onlineNodes: z.number(),
  /** URL of the member Pulse is talking to now (changes on failover). */
  activeEndpoint: z.string(),
});
export type ClusterInfo = z.infer<typeof ClusterInfo>;

/** Why the last poll of an endpoint failed. */
export const PollErrorKind = z.enum([
  'unreachable',
  'tls-mismatch',
  'tls',
  'auth',
  'permission',
  'timeout',
  'bad-response',
  'http',
]);
export type PollErrorKind = z.infer<typeof PollErrorKind>;

/** Health of one configured endpoint, as its poller last saw it. */
export const ConnectionHealth = z.object({
  /** `<name>` for PVE, `pbs-<name>` for PBS: the keys of `connectionHealth`. */
  id: z.string(),
  /** Stable ID of the configured node (`/api/config/nodes`). */
  configId: z.string(),
  name: z.string(),
  type: z.enum(['pve', 'pbs']),
  /** `pending` until the first poll ends; `degraded` when part of the data failed. */
  status: z.enum(['pending', 'healthy', 'degraded', 'error']),
  lastSuccess: isoTime.nullable(),
  lastPoll: isoTime.nullable(),
  lastError: z.object({ kind: PollErrorKind, message: z.string(), at: isoTime }).nullable(),
  /** Duration of the last poll in milliseconds. */
  lastPollDurationMs: z.number(),
  /** Proxmox API requests of the last poll. */
  apiCalls: z.number(),
  consecutiveFailures: z.number(),
});
export type ConnectionHealth = z.infer<typeof ConnectionHealth>;

export const Performance = z.object({
  /** Average milliseconds per API call of the last poll, per endpoint key. */
  apiCallDuration: z.record(z.string(), z.number()).nullable(),
  /** Seconds the slowest endpoint's last poll took. */
  lastPollDuration: z.number(),
  pollingStartTime: isoTime,
  totalApiCalls: z.number(),
  failedApiCalls: z.number(),
  /** API calls of each endpoint's last poll. */
  apiCallsPerCycle: z.record(z.string(), z.number()),
});
export type Performance = z.infer<typeof Performance>;

export const Stats = z.object({
  startTime: isoTime,
  /** Seconds. */
  uptime: z.number(),
  pollingCycles: z.number(),
  webSocketClients: z.number(),
  version: z.string(),
});
export type Stats = z.infer<typeof Stats>;

/** Alert as summarised in the state; filled by the alert engine. */
export const AlertSummary = z
  .object({
    id: z.string(),
    type: z.string(),
    level: z.enum(['warning', 'critical']),
    resourceId: z.string(),
    resourceName: z.string(),
    node: z.string(),
    instance: z.string(),
    message: z.string(),
    value: z.number(),
    threshold: z.number(),
    startTime: isoTime,
    acknowledged: z.boolean(),
  })
  .loose();
export type AlertSummary = z.infer<typeof AlertSummary>;

export const ResolvedAlertSummary = AlertSummary.extend({ resolvedTime: isoTime });
export type ResolvedAlertSummary = z.infer<typeof ResolvedAlertSummary>;

/** Everything Pulse knows right now: `GET /api/state`. */
export const PulseState = z.object({
  nodes: z.array(Node),
  vms: z.array(Guest),
  containers: z.array(Guest),
  storage: z.array(Storage),
  pbs: z.array(PbsInstance),
  pbsBackups: z.array(PbsBackup),
  /** Always empty; kept for clients of the original. */
  metrics: z.array(z.unknown()),
  pveBackups: PveBackups,
  performance: Performance,
  /** Reachable or not, keyed by PVE endpoint name and `pbs-<name>`. */
  connectionHealth: z.record(z.string(), z.boolean()),
  stats: Stats,
  activeAlerts: z.array(AlertSummary),
  recentlyResolved: z.array(ResolvedAlertSummary),
  lastUpdate: isoTime,
  /** Per-endpoint health with the last error and when it happened. */
  connections: z.array(ConnectionHealth),
  clusters: z.array(ClusterInfo),
  replicationJobs: z.array(ReplicationJob),
  /** Failed PVE tasks of the last 24 hours. */
  failedTasks: z.array(TaskSummary),
});
export type PulseState = z.infer<typeof PulseState>;
