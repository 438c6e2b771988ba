/** The resolved content of a scenario: what every simulated Proxmox endpoint holds. */

export type PveMajor = 7 | 8 | 9;
export type PbsMajor = 3 | 4;
export type GuestType = 'qemu' | 'lxc';
export type GuestStatus = 'running' | 'stopped';

/** What the QEMU guest agent of a VM does when asked. */
export type AgentMode = 'ok' | 'none' | 'not-running' | 'unsupported';

export interface FsSpec {
  name: string;
  mountpoint: string;
  type: string;
  totalBytes: number;
  /** Share of the file system in use at the scenario anchor. */
  usedFraction: number;
}

export interface SnapshotSpec {
  name: string;
  description: string;
  /** Days before the scenario anchor. */
  ageDays: number;
  vmstate: boolean;
}

export interface GuestSpec {
  vmid: number;
  name: string;
  type: GuestType;
  node: string;
  status: GuestStatus;
  template: boolean;
  cores: number;
  /** Bytes. */
  maxmem: number;
  /** Minimum balloon target in bytes; 0 when ballooning is off. */
  balloonMin: number;
  /** Bytes of the root disk. */
  maxdisk: number;
  maxswap: number;
  tags: string[];
  lock?: string;
  pool?: string;
  /** HA resource state when the guest is HA-managed. */
  ha?: 'started' | 'stopped';
  agent: AgentMode;
  os: 'linux' | 'windows';
  filesystems: FsSpec[];
  snapshots: SnapshotSpec[];
  /** Storage that receives the nightly backup, if any. */
  backupStorage?: string;
  /** Every how many days the nightly backup of this guest fails (0 = never). */
  backupFailEvery: number;
  /** Typical CPU use as a fraction of the guest's CPUs. */
  cpuBase: number;
  /** Typical memory use as a fraction of maxmem. */
  memBase: number;
  /** Disk use (containers) as a fraction of maxdisk at the anchor. */
  diskBase: number;
  /** Typical network traffic in bytes per second. */
  netRate: number;
  /** Typical disk traffic in bytes per second. */
  ioRate: number;
}

export interface ZfsPoolSpec {
  name: string;
  size: number;
  usedFraction: number;
  health: 'ONLINE' | 'DEGRADED' | 'FAULTED';
}

export interface NodeSpec {
  node: string;
  cpus: number;
  sockets: number;
  model: string;
  mhz: string;
  memTotal: number;
  swapTotal: number;
  rootTotal: number;
  rootUsedFraction: number;
  /** Subscription level: '' none, 'c' community, 'b' basic, 's' standard, 'p' premium. */
  level: string;
  /** Days the node has been up at the anchor. */
  uptimeDays: number;
  zfsPools: ZfsPoolSpec[];
}

export type StorageType = 'dir' | 'lvmthin' | 'zfspool' | 'nfs' | 'cifs' | 'pbs';

export interface StorageSpec {
  storage: string;
  type: StorageType;
  content: string[];
  shared: boolean;
  /** Nodes that have the storage; undefined means all nodes. */
  nodes?: string[];
  total: number;
  usedFraction: number;
  /** Growth of used space in bytes per day. */
  growthPerDay: number;
  enabled: boolean;
  /** For `pbs` storages: where the backups land. */
  pbs?: { endpoint: string; datastore: string; namespace: string };
}

export interface ReplicationSpec {
  guest: number;
  jobnum: number;
  target: string;
  /** A calendar event; minute steps (every N minutes) are modelled, others run every 15. */
  schedule: string;
  /** Hours before the scenario anchor since which every run of the job fails. */
  failingHours?: number;
}

/** One identity that may call the API and what it may do. */
export interface IdentitySpec {
  /** `user@realm` or, for a token, `user@realm!name`. */
  id: string;
  /** ACL entries: privileges granted on a path and everything below it. */
  acl: { path: string; privileges: string[] }[];
}

export interface PveEndpointSpec {
  type: 'pve';
  name: string;
  major: PveMajor;
  host?: string;
  port?: number;
  cluster?: string;
  nodes: NodeSpec[];
  storages: StorageSpec[];
  guests: GuestSpec[];
  pools: string[];
  replication: ReplicationSpec[];
  identities: IdentitySpec[];
}

export interface BackupGroupSpec {
  type: 'vm' | 'ct' | 'host';
  id: string;
  namespace: string;
  /** Backups kept, one per day, ending at the anchor. */
  count: number;
  size: number;
}

export interface DatastoreSpec {
  name: string;
  comment?: string;
  total: number;
  usedFraction: number;
  growthPerDay: number;
  namespaces: string[];
  /** Groups that no simulated PVE guest produces (host backups, old guests). */
  extraGroups: BackupGroupSpec[];
}

export interface PbsEndpointSpec {
  type: 'pbs';
  name: string;
  major: PbsMajor;
  host?: string;
  port?: number;
  hostname: string;
  datastores: DatastoreSpec[];
  identities: IdentitySpec[];
}

export type EndpointSpec = PveEndpointSpec | PbsEndpointSpec;

export interface ScenarioSpec {
  name: string;
  seed: number;
  endpoints: EndpointSpec[];
}
