import { ApiError } from '../http/api-error.ts';
import type { Route } from '../http/router.ts';
import { nodeFigures } from '../model/figures.ts';
import type { StorageSpec } from '../model/types.ts';
import { bit, guestsOn, may, nodeOf, type PveContext, requirePriv } from './context.ts';
import { nodeRrd, RRD_PARAMS } from './rrd.ts';
import { storageContent } from './storage-content.ts';
import { findStorage, storagesOf, storageUsage } from './storage-model.ts';
import { nodeTasks, TASK_PARAMS } from './tasks.ts';
import { pveRelease } from './versions.ts';

type Entry = Record<string, unknown>;

const CPU_FLAGS =
  'fpu vme de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov pat pse36 clflush mmx fxsr ' +
  'sse sse2 ht syscall nx pdpe1gb rdtscp lm constant_tsc rep_good nopl xtopology nonstop_tsc ' +
  'cpuid pni pclmulqdq monitor ssse3 fma cx16 sse4_1 sse4_2 x2apic movbe popcnt aes xsave avx ' +
  'f16c rdrand lahf_lm abm hypervisor avx2 bmi1 bmi2';

function nodeStatus(ctx: PveContext, node: string): Entry {
  requirePriv(ctx, `/nodes/${node}`, ['Sys.Audit']);
  const state = nodeOf(ctx, node);
  const { spec } = state;
  const f = nodeFigures(ctx.world, guestsOn(ctx, node), state, ctx.world.now());
  const major = ctx.pve.spec.major;
  const release = pveRelease(major);
  const memory: Entry = { total: f.maxmem, used: f.mem, free: f.maxmem - f.mem };
  if (major >= 9) memory.available = Math.floor((f.maxmem - f.mem) * 0.96);
  const entry: Entry = {
    cpu: f.cpu,
    wait: f.iowait,
    idle: 0,
    uptime: f.uptime,
    // The load average is sent as strings, exactly as /proc/loadavg spells it.
    loadavg: f.loadavg.map((l) => l.toFixed(2)),
    cpuinfo: {
      model: spec.model,
      cpus: spec.cpus,
      cores: spec.cpus / 2,
      sockets: spec.sockets,
      mhz: spec.mhz,
      hvm: '1',
      flags: CPU_FLAGS,
      user_hz: 100,
    },
    memory,
    swap: { total: spec.swapTotal, used: f.swapUsed, free: spec.swapTotal - f.swapUsed },
    rootfs: {
      total: f.rootTotal,
      used: f.rootUsed,
      free: f.rootTotal - f.rootUsed,
      avail: f.rootTotal - f.rootUsed,
    },
    ksm: { shared: 0 },
    kversion: `Linux ${release.kernelRelease} ${release.kernelVersion}`,
    pveversion: `pve-manager/${release.version}/${release.repoid}`,
  };
  if (major >= 8) {
    entry['current-kernel'] = {
      sysname: 'Linux',
      release: release.kernelRelease,
      version: release.kernelVersion,
      machine: 'x86_64',
    };
    entry['boot-info'] = { mode: 'efi', secureboot: 0 };
  }
  return entry;
}

function zfsPools(ctx: PveContext, node: string): Entry[] {
  const privileges = ctx.pve.spec.major >= 8 ? ['Sys.Audit'] : ['Sys.Audit', 'Datastore.Audit'];
  requirePriv(ctx, '/', privileges);
  return nodeOf(ctx, node).spec.zfsPools.map((pool) => {
    const alloc = Math.floor(pool.size * pool.usedFraction);
    return {
      name: pool.name,
      size: pool.size,
      alloc,
      free: pool.size - alloc,
      frag: Math.round(pool.usedFraction * 20),
      dedup: 1,
      health: pool.health,
    };
  });
}

function storageEntry(ctx: PveContext, node: string, storage: StorageSpec): Entry {
  const used = storageUsage(ctx.world, storage, node);
  const entry: Entry = {
    storage: storage.storage,
    type: storage.type,
    content: storage.content.join(','),
    active: 1,
    enabled: bit(storage.enabled),
    shared: bit(storage.shared),
    total: storage.total,
    used,
    avail: storage.total - used,
  };
  entry.used_fraction = used / storage.total;
  return entry;
}

function auditable(ctx: PveContext, storage: string): boolean {
  return may(ctx, `/storage/${storage}`, ['Datastore.Audit', 'Datastore.AllocateSpace']);
}

function storageList(ctx: PveContext, node: string, query: Record<string, string>): Entry[] {
  nodeOf(ctx, node);
  return storagesOf(ctx.pve, node)
    .filter((s) => auditable(ctx, s.storage))
    .filter((s) => !query.content || query.content.split(',').some((c) => s.content.includes(c)))
    .filter((s) => !query.storage || s.storage === query.storage)
    .map((s) => storageEntry(ctx, node, s));
}

function storageOf(ctx: PveContext, node: string, name: string): StorageSpec {
  nodeOf(ctx, node);
  const storage = findStorage(ctx.pve, node, name);
  if (!storage) throw new ApiError(500, `storage '${name}' does not exist`);
  requirePriv(ctx, `/storage/${name}`, ['Datastore.Audit', 'Datastore.AllocateSpace']);
  return storage;
}

function storageStatus(ctx: PveContext, node: string, name: string): Entry {
  const entry = storageEntry(ctx, node, storageOf(ctx, node, name));
  delete entry.storage;
  delete entry.used_fraction;
  return entry;
}

const CONTENT_TYPES = ['iso', 'vztmpl', 'backup', 'images', 'rootdir', 'snippets', 'import'];

export const nodeRoutes: Route<PveContext>[] = [
  {
    method: 'GET',
    path: '/nodes/{node}/status',
    handle: (ctx, a) => nodeStatus(ctx, a.path.node!),
  },
  {
    method: 'GET',
    path: '/nodes/{node}/rrddata',
    params: RRD_PARAMS,
    handle: (ctx, a) => nodeRrd(ctx, a.path.node!, a.query),
  },
  {
    method: 'GET',
    path: '/nodes/{node}/tasks',
    params: TASK_PARAMS,
    handle: (ctx, a) => nodeTasks(ctx, a.path.node!, a.query),
  },
  {
    method: 'GET',
    path: '/nodes/{node}/disks/zfs',
    handle: (ctx, a) => zfsPools(ctx, a.path.node!),
  },
  {
    method: 'GET',
    path: '/nodes/{node}/storage',
    params: {
      content: 'string',
      enabled: 'boolean',
      format: 'boolean',
      storage: 'string',
      target: 'string',
    },
    handle: (ctx, a) => storageList(ctx, a.path.node!, a.query),
  },
  {
    method: 'GET',
    path: '/nodes/{node}/storage/{storage}/status',
    handle: (ctx, a) => storageStatus(ctx, a.path.node!, a.path.storage!),
  },
  {
    method: 'GET',
    path: '/nodes/{node}/storage/{storage}/content',
    params: { content: CONTENT_TYPES, vmid: 'integer' },
    handle: (ctx, a) =>
      storageContent(ctx, a.path.node!, storageOf(ctx, a.path.node!, a.path.storage!), a.query),
  },
];
