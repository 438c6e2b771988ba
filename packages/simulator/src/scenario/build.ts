import { between, unit } from '../model/random.ts';
import type {
  FsSpec,
  GuestSpec,
  GuestType,
  NodeSpec,
  SnapshotSpec,
  StorageSpec,
} from '../model/types.ts';

export const GIB = 1024 ** 3;
export const MIB = 1024 ** 2;

const CPU_MODELS = [
  { model: 'AMD Ryzen 9 5950X 16-Core Processor', mhz: '3400.000' },
  { model: 'Intel(R) Core(TM) i7-12700 CPU @ 2.10GHz', mhz: '2100.000' },
  { model: 'Intel(R) Xeon(R) E-2236 CPU @ 3.40GHz', mhz: '3400.000' },
  { model: 'AMD EPYC 7302P 16-Core Processor', mhz: '3000.000' },
];

/** A node with plausible hardware for its name; fields given in `over` win. */
export function buildNode(seed: number, node: string, over: Partial<NodeSpec> = {}): NodeSpec {
  const cpu = CPU_MODELS[between(seed, 0, CPU_MODELS.length - 1, 'cpu-model', node)]!;
  return {
    node,
    cpus: 8 * between(seed, 1, 4, 'cpus', node),
    sockets: 1,
    model: cpu.model,
    mhz: cpu.mhz,
    memTotal: 16 * GIB * between(seed, 2, 8, 'mem', node) - 300 * MIB,
    swapTotal: 8 * GIB,
    rootTotal: 100 * GIB - 1_234_567_168,
    rootUsedFraction: 0.08 + unit(seed, 'root', node) * 0.15,
    level: '',
    uptimeDays: between(seed, 3, 90, 'uptime', node),
    zfsPools: [],
    ...over,
  };
}

/** Guest fields a scenario may give; everything else gets a plausible default. */
export interface GuestInput {
  vmid: number;
  node: string;
  name?: string;
  type?: GuestType;
  status?: 'running' | 'stopped';
  template?: boolean;
  cores?: number;
  memoryMiB?: number;
  balloonMiB?: number;
  diskGiB?: number;
  tags?: string[];
  lock?: string;
  pool?: string;
  ha?: boolean;
  agent?: GuestSpec['agent'];
  os?: GuestSpec['os'];
  snapshots?: string[];
  backupStorage?: string;
  backupFailEvery?: number;
  cpu?: number;
  mem?: number;
}

export function buildGuest(seed: number, input: GuestInput): GuestSpec {
  const type = input.type ?? 'qemu';
  const template = input.template ?? false;
  const status = template ? 'stopped' : (input.status ?? 'running');
  const maxmem = (input.memoryMiB ?? (type === 'qemu' ? 4096 : 1024)) * MIB;
  const maxdisk = (input.diskGiB ?? (type === 'qemu' ? 32 : 8)) * GIB;
  const os = input.os ?? 'linux';
  const agent = input.agent ?? (type === 'qemu' && !template ? 'ok' : 'none');
  return {
    vmid: input.vmid,
    name: input.name ?? `${type === 'qemu' ? 'vm' : 'ct'}-${input.vmid}`,
    type,
    node: input.node,
    status,
    template,
    cores: input.cores ?? (type === 'qemu' ? 2 : 1),
    maxmem,
    balloonMin: (input.balloonMiB ?? 0) * MIB,
    maxdisk,
    maxswap: type === 'lxc' ? 512 * MIB : 0,
    tags: input.tags ?? [],
    lock: input.lock,
    pool: input.pool,
    ha: input.ha ? (status === 'running' ? 'started' : 'stopped') : undefined,
    agent,
    os,
    filesystems: type === 'qemu' ? guestFilesystems(seed, input.vmid, os, maxdisk) : [],
    snapshots: buildSnapshots(input.snapshots ?? [], type),
    backupStorage: template ? undefined : input.backupStorage,
    backupFailEvery: input.backupFailEvery ?? 0,
    cpuBase: input.cpu ?? 0.03 + unit(seed, 'cpu', input.vmid) * 0.25,
    memBase: input.mem ?? 0.35 + unit(seed, 'mem', input.vmid) * 0.45,
    diskBase: 0.2 + unit(seed, 'disk', input.vmid) * 0.5,
    netRate: Math.round(2_000 + unit(seed, 'net', input.vmid) * 400_000),
    ioRate: Math.round(5_000 + unit(seed, 'io', input.vmid) * 900_000),
  };
}

function guestFilesystems(seed: number, vmid: number, os: string, maxdisk: number): FsSpec[] {
  const used = 0.25 + unit(seed, 'fs', vmid) * 0.55;
  if (os === 'windows') {
    return [
      {
        name: 'C:\\',
        mountpoint: 'C:\\',
        type: 'NTFS',
        totalBytes: maxdisk - 600 * MIB,
        usedFraction: used,
      },
      {
        name: 'System Reserved',
        mountpoint: 'System Reserved',
        type: 'NTFS',
        totalBytes: 549 * MIB,
        usedFraction: 0.07,
      },
    ];
  }
  return [
    {
      name: 'sda1',
      mountpoint: '/',
      type: 'ext4',
      totalBytes: maxdisk - 1100 * MIB,
      usedFraction: used,
    },
    {
      name: 'sda15',
      mountpoint: '/boot/efi',
      type: 'vfat',
      totalBytes: 124 * MIB,
      usedFraction: 0.05,
    },
    { name: 'tmpfs', mountpoint: '/run', type: 'tmpfs', totalBytes: 400 * MIB, usedFraction: 0.01 },
  ];
}

function buildSnapshots(names: string[], type: GuestType): SnapshotSpec[] {
  return names.map((name, index) => ({
    name,
    description: `${name.replace(/[-_]/g, ' ')}\n`,
    ageDays: (names.length - index) * 9 + 2,
    vmstate: type === 'qemu' && index % 2 === 1,
  }));
}

/** The storages every PVE node starts with: `local` plus LVM-thin or ZFS for guest disks. */
export function baseStorages(zfs: boolean, seed: number): StorageSpec[] {
  const local: StorageSpec = {
    storage: 'local',
    type: 'dir',
    content: ['backup', 'iso', 'vztmpl'],
    shared: false,
    total: 100 * GIB - 1_234_567_168,
    usedFraction: 0.1 + unit(seed, 'local') * 0.2,
    growthPerDay: 40 * MIB,
    enabled: true,
  };
  const guests: StorageSpec = {
    storage: zfs ? 'local-zfs' : 'local-lvm',
    type: zfs ? 'zfspool' : 'lvmthin',
    content: ['images', 'rootdir'],
    shared: false,
    total: 800 * GIB,
    usedFraction: 0.25 + unit(seed, 'guests-storage') * 0.35,
    growthPerDay: 300 * MIB,
    enabled: true,
  };
  return [local, guests];
}
