import type { ClusterEndpoint, NodeType } from '@pulse/contract';

/** What to collect from a configured node; PBS ignores the PVE flags and the reverse. */
export interface MonitorFlags {
  vms: boolean;
  containers: boolean;
  storage: boolean;
  backups: boolean;
  datastores: boolean;
  syncJobs: boolean;
  verifyJobs: boolean;
  pruneJobs: boolean;
  garbageJobs: boolean;
}

/** Cluster membership learned from `/cluster/status`, kept so failover works after restarts. */
export interface ClusterMembership {
  name: string;
  endpoints: ClusterEndpoint[];
}

/** A configured Proxmox endpoint with its credentials decrypted (never sent to clients). */
export interface NodeConfig {
  /** Stable ID: `pve-<hex>` or `pbs-<hex>`. */
  id: string;
  type: NodeType;
  /** Unique display name; the `instance` of everything polled through it. */
  name: string;
  /** Normalised URL with scheme and port, e.g. `https://10.0.0.5:8006`. */
  host: string;
  user?: string;
  password?: string;
  /** Full token ID `user@realm!name`. */
  tokenName?: string;
  tokenValue?: string;
  /** SHA-256 certificate fingerprint, lower-case hex without colons. */
  fingerprint?: string;
  verifySSL: boolean;
  monitor: MonitorFlags;
  cluster?: ClusterMembership;
}
