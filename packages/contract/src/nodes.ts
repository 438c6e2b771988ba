import { z } from 'zod';

/** The kind of Proxmox server a configured node is. */
export const NodeType = z.enum(['pve', 'pbs']);
export type NodeType = z.infer<typeof NodeType>;

const optionalText = z.string().trim().optional();

/** What to collect: PVE reads the VM, container, storage and backup flags; PBS the rest. */
const MONITOR_FLAGS = {
  monitorVMs: z.boolean().optional(),
  monitorContainers: z.boolean().optional(),
  monitorStorage: z.boolean().optional(),
  monitorBackups: z.boolean().optional(),
  monitorDatastores: z.boolean().optional(),
  monitorSyncJobs: z.boolean().optional(),
  monitorVerifyJobs: z.boolean().optional(),
  monitorPruneJobs: z.boolean().optional(),
  monitorGarbageJobs: z.boolean().optional(),
};

/**
 * Body of `POST /api/config/nodes` and `PUT /api/config/nodes/:id`. Authenticate either with
 * an API token (`tokenName` = `user@realm!name`, `tokenValue` = its secret) or with
 * `user` (`user@realm`) and `password`. On update, empty secrets keep the stored ones.
 */
export const NodeConfigRequest = z.object({
  type: NodeType,
  /** Display name, also the `instance` of everything polled through it; unique. */
  name: optionalText,
  /** `https://host:8006` (PVE) or `https://host:8007` (PBS); scheme and port are added. */
  host: z.string().trim().min(1, 'is required'),
  user: optionalText,
  password: z.string().optional(),
  tokenName: optionalText,
  tokenValue: z.string().optional(),
  /** SHA-256 fingerprint of the server certificate to pin (hex, colons optional). */
  fingerprint: optionalText,
  /**
   * Verify the certificate against the system's authorities. With a fingerprint the pin
   * decides instead. Off only when you accept an unverified connection.
   * @default true
   */
  verifySSL: z.boolean().default(true),
  ...MONITOR_FLAGS,
});
export type NodeConfigRequest = z.infer<typeof NodeConfigRequest>;

/** A cluster member learned from `/cluster/status`. */
export const ClusterEndpoint = z.object({
  NodeID: z.string(),
  NodeName: z.string(),
  /** URL Pulse uses to reach this member. */
  Host: z.string(),
  IP: z.string(),
  Online: z.boolean(),
  LastSeen: z.string(),
  /** SHA-256 certificate fingerprint the member reported, for pinning on failover. */
  Fingerprint: z.string().optional(),
});
export type ClusterEndpoint = z.infer<typeof ClusterEndpoint>;

/** One configured node as `GET /api/config/nodes` lists it; secrets are never included. */
export const NodeResponse = z.object({
  /** Stable ID (`pve-…`/`pbs-…`); it never changes when other nodes are removed. */
  id: z.string(),
  type: NodeType,
  name: z.string(),
  host: z.string(),
  user: z.string().optional(),
  hasPassword: z.boolean(),
  tokenName: z.string().optional(),
  hasToken: z.boolean(),
  fingerprint: z.string().optional(),
  verifySSL: z.boolean(),
  ...MONITOR_FLAGS,
  /** `connected` when the last poll succeeded, `disconnected` otherwise. */
  status: z.enum(['connected', 'disconnected', 'pending']),
  isCluster: z.boolean().optional(),
  clusterName: z.string().optional(),
  clusterEndpoints: z.array(ClusterEndpoint).optional(),
});
export type NodeResponse = z.infer<typeof NodeResponse>;

export const NodeListResponse = z.array(NodeResponse);
export type NodeListResponse = z.infer<typeof NodeListResponse>;

/** Answer of a node create, update or delete. */
export const NodeWriteResponse = z.object({
  status: z.literal('success'),
  /** ID of the node written. */
  id: z.string().optional(),
});
export type NodeWriteResponse = z.infer<typeof NodeWriteResponse>;
