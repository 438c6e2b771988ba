import type { Memory, Node, ZfsPool } from '@pulse/contract';
import { list, num, optNum, record, str } from '../../proxmox/parse.ts';

/** Bytes with usage in percent; usage is 0 when the total is unknown. */
export function memory(total: number, used: number, free = Math.max(0, total - used)): Memory {
  return { total, used, free, usage: total > 0 ? (used / total) * 100 : 0 };
}

export interface NodeInput {
  instance: string;
  host: string;
  clusterName: string | null;
  /** The `/cluster/resources` entry of type `node`. */
  resource: Record<string, unknown>;
  /** `/nodes/{node}/status`, when it could be read. */
  status?: Record<string, unknown>;
  zfsPools: ZfsPool[];
  lastSeen: string;
  now: string;
}

function nodeMemory(resource: Record<string, unknown>, status: Record<string, unknown>): Memory {
  const mem = record(status.memory);
  const total = num(mem.total) || num(resource.maxmem);
  // PVE 9 reports what the kernel considers available; used = total - available then.
  const available = optNum(mem.available);
  if (available !== undefined && total > 0) return memory(total, total - available, available);
  const used = optNum(mem.used) ?? num(resource.mem);
  return memory(total, used);
}

function nodeDisk(resource: Record<string, unknown>, status: Record<string, unknown>): Memory {
  const rootfs = record(status.rootfs);
  if (num(rootfs.total) > 0) {
    return memory(num(rootfs.total), num(rootfs.used), optNum(rootfs.avail) ?? undefined);
  }
  return memory(num(resource.maxdisk), num(resource.disk));
}

function nodeStatus(resource: Record<string, unknown>): Node['status'] {
  const status = str(resource.status);
  return status === 'online' || status === 'offline' ? status : 'unknown';
}

/** A PVE node from its bulk figures, refined by its own status call when available. */
export function buildNode(input: NodeInput): Node {
  const { resource } = input;
  const status = input.status ?? {};
  const name = str(resource.node);
  const online = nodeStatus(resource) === 'online';
  const cpuinfo = record(status.cpuinfo);
  const swap = record(status.swap);
  return {
    id: `${input.instance}-${name}`,
    name,
    instance: input.instance,
    host: input.host,
    status: nodeStatus(resource),
    type: 'node',
    cpu: online ? num(resource.cpu, num(status.cpu)) : 0,
    memory: online ? nodeMemory(resource, status) : memory(num(resource.maxmem), 0),
    disk: nodeDisk(resource, status),
    uptime: online ? num(resource.uptime, num(status.uptime)) : 0,
    loadAverage: online && Array.isArray(status.loadavg) ? status.loadavg.map((v) => num(v)) : [],
    kernelVersion: str(status.kversion),
    pveVersion: str(status.pveversion),
    cpuInfo: {
      model: str(cpuinfo.model),
      cores: num(resource.maxcpu) || num(cpuinfo.cpus),
      sockets: num(cpuinfo.sockets),
      mhz: str(cpuinfo.mhz),
    },
    lastSeen: online ? input.now : input.lastSeen,
    connectionHealth: online ? 'healthy' : 'error',
    clusterName: input.clusterName,
    swap: memory(num(swap.total), num(swap.used)),
    zfsPools: input.zfsPools,
    ...(online ? {} : { statusReason: 'node reported offline by the cluster' }),
  };
}

/** `/nodes/{node}/disks/zfs` entries. */
export function parseZfsPools(data: unknown): ZfsPool[] {
  return list(data).map((pool) => ({
    name: str(pool.name),
    health: str(pool.health, 'UNKNOWN'),
    size: num(pool.size),
    alloc: num(pool.alloc),
    free: num(pool.free),
    frag: optNum(pool.frag),
    dedup: optNum(pool.dedup),
  }));
}

/** Major PVE release from `pveversion` (`pve-manager/8.4.1/…`); 8 when unknown. */
export function pveMajor(pveVersion: string): number {
  const match = /pve-manager\/(\d+)/.exec(pveVersion);
  return match ? Number(match[1]) : 8;
}
