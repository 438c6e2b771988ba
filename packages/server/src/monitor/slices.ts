import type {
  BackupTask,
  ClusterInfo,
  Guest,
  GuestSnapshot,
  Node,
  PbsBackup,
  PbsInstance,
  ReplicationJob,
  Storage,
  StorageBackup,
  TaskSummary,
} from '@pulse/contract';

/** A PVE storage that stores its backups on a PBS datastore, from the storage config. */
export interface PbsTarget {
  storage: string;
  server: string;
  port: number;
  datastore: string;
  /** `""` for the root namespace. */
  namespace: string;
  /** Certificate fingerprint PVE pinned for that PBS, lower-case hex without colons. */
  fingerprint?: string;
}

/** Everything one PVE endpoint (a cluster or a standalone node) contributes to the state. */
export interface PveSlice {
  kind: 'pve';
  instance: string;
  nodes: Node[];
  vms: Guest[];
  containers: Guest[];
  storage: Storage[];
  backupTasks: BackupTask[];
  storageBackups: StorageBackup[];
  guestSnapshots: GuestSnapshot[];
  replicationJobs: ReplicationJob[];
  failedTasks: TaskSummary[];
  cluster: ClusterInfo | null;
  pbsTargets: PbsTarget[];
}

/** Everything one PBS contributes to the state. */
export interface PbsSlice {
  kind: 'pbs';
  instance: PbsInstance;
  backups: PbsBackup[];
  /** Host name and port of the configured URL, to match PVE storages that point at it. */
  hostname: string;
  port: number;
  /** Certificate fingerprint pinned in the PBS's Pulse config, lower-case hex. */
  fingerprint?: string;
}

export type EndpointSlice = PveSlice | PbsSlice;

export function emptyPveSlice(instance: string): PveSlice {
  return {
    kind: 'pve',
    instance,
    nodes: [],
    vms: [],
    containers: [],
    storage: [],
    backupTasks: [],
    storageBackups: [],
    guestSnapshots: [],
    replicationJobs: [],
    failedTasks: [],
    cluster: null,
    pbsTargets: [],
  };
}
