import type { ClusterEndpoint, ClusterInfo } from '@pulse/contract';
import { bool, list, num, str } from '../../proxmox/parse.ts';

export interface ClusterStatus {
  /** Null for a standalone node (no `cluster` entry). */
  name: string | null;
  quorate: boolean;
  members: { name: string; nodeId: string; ip: string; online: boolean; local: boolean }[];
}

export function parseClusterStatus(data: unknown): ClusterStatus {
  const entries = list(data);
  const cluster = entries.find((entry) => str(entry.type) === 'cluster');
  const members = entries
    .filter((entry) => str(entry.type) === 'node')
    .map((entry) => ({
      name: str(entry.name),
      nodeId: str(entry.id, `node/${str(entry.name)}`),
      ip: str(entry.ip),
      online: bool(entry.online),
      local: bool(entry.local),
    }));
  return {
    name: cluster ? str(cluster.name) : null,
    quorate: cluster ? bool(cluster.quorate) : true,
    members,
  };
}

export function clusterInfo(
  instance: string,
  status: ClusterStatus,
  activeEndpoint: string,
): ClusterInfo | null {
  if (!status.name) return null;
  const onlineNodes = status.members.filter((member) => member.online).length;
  const totalNodes = status.members.length;
  return {
    id: instance,
    instance,
    name: status.name,
    quorate: status.quorate,
    status: !status.quorate ? 'no-quorum' : onlineNodes < totalNodes ? 'degraded' : 'healthy',
    totalNodes,
    onlineNodes,
    activeEndpoint,
  };
}

function bracketed(ip: string): string {
  return ip.includes(':') ? `[${ip}]` : ip;
}

/**
 * Cluster members as failover addresses: each member's IP on the configured port (all
 * members of a PVE cluster serve the API on the same port). A member already known keeps
 * its address, so one entered by hand is not overwritten.
 */
export function clusterEndpoints(
  status: ClusterStatus,
  configuredHost: string,
  known: ClusterEndpoint[],
  fingerprints: Map<string, string>,
  now: string,
): ClusterEndpoint[] {
  const url = new URL(configuredHost);
  const port = url.port || '8006';
  return status.members.map((member) => {
    const previous = known.find((endpoint) => endpoint.NodeName === member.name);
    const fingerprint = fingerprints.get(member.name) ?? previous?.Fingerprint;
    return {
      NodeID: member.nodeId,
      NodeName: member.name,
      Host: previous?.Host ?? `${url.protocol}//${bracketed(member.ip || member.name)}:${port}`,
      IP: member.ip,
      Online: member.online,
      LastSeen: member.online ? now : (previous?.LastSeen ?? now),
      ...(fingerprint ? { Fingerprint: fingerprint } : {}),
    };
  });
}

/** Whether two member lists differ in anything that matters for failover. */
export function membershipChanged(a: ClusterEndpoint[], b: ClusterEndpoint[]): boolean {
  const key = (list: ClusterEndpoint[]) =>
    list
      .map((e) => `${e.NodeName}|${e.Host}|${e.Fingerprint ?? ''}`)
      .sort()
      .join(',');
  return key(a) !== key(b) || num(a.length) !== num(b.length);
}
