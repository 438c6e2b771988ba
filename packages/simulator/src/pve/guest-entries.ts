import { type GuestFigures, guestFigures } from '../model/figures.ts';
import { wave } from '../model/random.ts';
import type { GuestState, PveState, World } from '../model/world.ts';
import { bit } from './context.ts';
import { pveRelease } from './versions.ts';

type Entry = Record<string, unknown>;

function optional(entry: Entry, guest: GuestState, lock: string | undefined): Entry {
  if (guest.spec.tags.length > 0) entry.tags = guest.spec.tags.join(';');
  if (lock) entry.lock = lock;
  return entry;
}

/** PSI pressure (percent over 10 s) that PVE 9 adds to guest lists and status. */
function pressure(world: World, guest: GuestState, f: GuestFigures, lxc: boolean): Entry {
  const t = world.now();
  const some = f.running
    ? Math.max(0, f.cpu * 8 * (1 + wave(t, 90, world.seed, guest.spec.vmid)))
    : 0;
  const entry: Entry = {
    pressurecpusome: round2(some),
    pressureiosome: round2(some / 4),
    pressureiofull: round2(some / 6),
    pressurememorysome: 0,
    pressurememoryfull: 0,
  };
  if (!lxc) entry.pressurecpufull = round2(some / 3);
  return entry;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Host view of a VM's memory (PVE 9): what the QEMU process really holds. */
function memhost(f: GuestFigures): number {
  return f.running ? Math.floor(f.mem * 1.04 + 160 * 1024 ** 2) : 0;
}

function counters(f: GuestFigures): Entry {
  return { netin: f.netin, netout: f.netout, diskread: f.diskread, diskwrite: f.diskwrite };
}

/** One `/cluster/resources` entry of type qemu or lxc. */
export function resourceEntry(world: World, pve: PveState, guest: GuestState, lock?: string) {
  const { spec } = guest;
  const f = guestFigures(world, guest, world.now());
  const entry: Entry = {
    id: `${spec.type}/${spec.vmid}`,
    type: spec.type,
    vmid: spec.vmid,
    name: spec.name,
    node: guest.node,
    status: guest.status,
    template: bit(spec.template),
    cpu: f.cpu,
    maxcpu: guest.spec.cores,
    mem: f.mem,
    maxmem: f.maxmem,
    disk: f.disk,
    maxdisk: f.maxdisk,
    ...counters(f),
    uptime: f.uptime,
  };
  if (spec.pool) entry.pool = spec.pool;
  if (spec.ha) entry.hastate = spec.ha;
  if (pve.spec.major >= 9 && spec.type === 'qemu') entry.memhost = memhost(f);
  return optional(entry, guest, lock);
}

/** The entry of a guest whose node is unreachable: only what the cluster config knows. */
export function unknownResourceEntry(guest: GuestState): Entry {
  const { spec } = guest;
  const entry: Entry = {
    id: `${spec.type}/${spec.vmid}`,
    type: spec.type,
    vmid: spec.vmid,
    name: spec.name,
    node: guest.node,
    status: 'unknown',
    template: bit(spec.template),
    maxcpu: spec.cores,
    maxmem: spec.maxmem,
    maxdisk: spec.maxdisk,
  };
  if (spec.tags.length > 0) entry.tags = spec.tags.join(';');
  return entry;
}

/** One `/nodes/{node}/qemu` or `/nodes/{node}/lxc` entry. */
export function listEntry(world: World, pve: PveState, guest: GuestState, lock?: string): Entry {
  const { spec } = guest;
  const f = guestFigures(world, guest, world.now());
  const major = pve.spec.major;
  const lxc = spec.type === 'lxc';
  // Containers reported vmid as a string until pve-container 5.0.10 (PVE 8.2).
  const vmid = lxc && major < 8 ? String(spec.vmid) : spec.vmid;
  const entry: Entry = { vmid, name: spec.name, status: guest.status };
  if (lxc) entry.type = 'lxc';
  Object.assign(entry, { cpu: f.cpu, cpus: spec.cores, mem: f.mem, maxmem: f.maxmem });
  if (lxc) Object.assign(entry, { swap: f.swap, maxswap: spec.maxswap });
  Object.assign(entry, { disk: f.disk, maxdisk: f.maxdisk, ...counters(f), uptime: f.uptime });
  if (f.running) entry.pid = f.pid;
  if (spec.template) entry.template = 1;
  if (major >= 9 && !lxc) entry.memhost = memhost(f);
  if (major >= 9 && f.running) Object.assign(entry, pressure(world, guest, f, lxc));
  return optional(entry, guest, lock);
}

function haStatus(guest: GuestState): Entry {
  return guest.spec.ha ? { managed: 1, state: guest.spec.ha } : { managed: 0 };
}

/** `/nodes/{node}/lxc/{vmid}/status/current`. */
export function lxcStatus(world: World, pve: PveState, guest: GuestState, lock?: string): Entry {
  const entry = listEntry(world, pve, guest, lock);
  return { ...entry, vmid: guest.spec.vmid, ha: haStatus(guest) };
}

/** `/nodes/{node}/qemu/{vmid}/status/current`, with QEMU's own true/false where it passes them. */
export function qemuStatus(world: World, pve: PveState, guest: GuestState, lock?: string): Entry {
  const { spec } = guest;
  const f = guestFigures(world, guest, world.now());
  const entry: Entry = { ...listEntry(world, pve, guest, lock), ha: haStatus(guest) };
  if (spec.agent !== 'none') entry.agent = 1;
  entry.qmpstatus = f.running ? 'running' : 'stopped';
  if (!f.running) return entry;
  const release = pveRelease(pve.spec.major);
  const freemem = Math.max(0, f.balloon - f.mem);
  return {
    ...entry,
    balloon: f.balloon,
    freemem,
    ballooninfo: {
      actual: f.balloon,
      max_mem: spec.maxmem,
      free_mem: freemem,
      total_mem: f.balloon - 64 * 1024 ** 2,
      major_page_faults: 1811,
      minor_page_faults: 3_803_793,
      mem_swapped_in: 0,
      mem_swapped_out: 0,
      last_update: world.now() - 3,
    },
    blockstat: { scsi0: blockstat(f) },
    nics: { [`tap${spec.vmid}i0`]: { netin: f.netin, netout: f.netout } },
    'proxmox-support': {
      'pbs-dirty-bitmap': true,
      'pbs-dirty-bitmap-migration': true,
      'pbs-dirty-bitmap-savevm': true,
      'pbs-library-version': '1.5.2 (UNKNOWN)',
      'pbs-masterkey': true,
      'query-bitmap-info': true,
      'backup-max-workers': true,
    },
    'running-qemu': release.qemu,
    'running-machine': release.machine,
  };
}

/** QEMU's per-drive statistics, passed through with QEMU's own true/false. */
function blockstat(f: GuestFigures): Entry {
  const reads = Math.floor(f.diskread / 32_768);
  const writes = Math.floor(f.diskwrite / 16_384);
  const flushes = Math.floor(f.diskwrite / 1_048_576);
  return {
    rd_bytes: f.diskread,
    wr_bytes: f.diskwrite,
    rd_operations: reads,
    wr_operations: writes,
    flush_operations: flushes,
    unmap_operations: Math.floor(writes / 300),
    unmap_bytes: Math.floor(f.diskwrite / 10),
    rd_total_time_ns: reads * 450_000,
    wr_total_time_ns: writes * 420_000,
    flush_total_time_ns: flushes * 480_000,
    unmap_total_time_ns: Math.floor(writes / 300) * 20_000,
    rd_merged: 0,
    wr_merged: 0,
    unmap_merged: 0,
    wr_highest_offset: Math.min(f.maxdisk, f.diskwrite),
    idle_time_ns: 4_427_685_914,
    failed_rd_operations: 0,
    failed_wr_operations: 0,
    failed_flush_operations: 0,
    failed_unmap_operations: 0,
    invalid_rd_operations: 0,
    invalid_wr_operations: 0,
    invalid_flush_operations: 0,
    invalid_unmap_operations: 0,
    account_invalid: true,
    account_failed: true,
    timed_stats: [],
  };
}
