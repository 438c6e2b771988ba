import type { Node, PbsInstance } from '@pulse/contract';

/** `pve-manager/9.1.2/9e3c1a7d` → `PVE 9.1.2`; empty when unknown. */
export function pveRelease(pveVersion: string): string {
  const match = /(\d+\.\d+(?:[.-]\d+)?)/.exec(pveVersion);
  return match ? `PVE ${match[1]}` : '';
}

/** `4.1.2` → `PBS 4.1.2`; empty while the version is unknown. */
export function pbsRelease(version: string): string {
  return /^\d/.test(version) ? `PBS ${version}` : '';
}

/** A node counts as up only when Proxmox says so and Pulse could read it on the last poll. */
export function isNodeOnline(node: Node): boolean {
  return node.status === 'online' && node.connectionHealth !== 'error';
}

export function isPbsOnline(pbs: PbsInstance): boolean {
  return pbs.status === 'online' && pbs.connectionHealth !== 'error';
}

/** Cores in use out of the node's logical CPUs: `2.3 of 8 cores`. */
export function coresInUse(cpuFraction: number, cores: number): string {
  if (!(cores > 0)) return '';
  const used = cpuFraction * cores;
  return `${used < 10 ? used.toFixed(1) : Math.round(used)} of ${cores} cores`;
}

/** The 1, 5 and 15 minute load averages: `2.27 · 2.16 · 2.05`; empty when unknown. */
export function loadAverages(loads: readonly number[]): string {
  return loads
    .slice(0, 3)
    .map((load) => load.toFixed(2))
    .join(' · ');
}

/** Used, total and usage of all datastores of a PBS together. */
export function datastoreTotals(pbs: PbsInstance): { used: number; total: number; usage: number } {
  let used = 0;
  let total = 0;
  for (const datastore of pbs.datastores) {
    used += datastore.used;
    total += datastore.total;
  }
  return { used, total, usage: total > 0 ? (used / total) * 100 : 0 };
}
