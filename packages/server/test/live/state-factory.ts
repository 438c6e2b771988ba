import type {
  Guest,
  Node,
  PbsBackup,
  PbsInstance,
  PulseState,
  Storage,
  StorageBackup,
} from '@pulse/contract';

/**
 * Builds full live states of any size, typed by the contract, and moves them forward one
 * cycle the way polling does: metrics change, guests come and go, backups appear. For
 * tests and benchmarks of what consumes the state (history, WebSocket deltas).
 */

export interface StateShape {
  /** PVE endpoints; each has `nodesPerInstance` nodes. @default 1 */
  instances?: number;
  nodesPerInstance?: number;
  guests: number;
  seed?: number;
}

/** Deterministic pseudo-random numbers (mulberry32). */
export function seededRandom(seed: number): () => number {
  let value = seed >>> 0;
  return () => {
    value = (value + 0x6d2b79f5) >>> 0;
    let t = value;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const GIB = 1024 ** 3;

function usage(total: number, used: number) {
  return { total, used, free: total - used, usage: total > 0 ? (used / total) * 100 : 0 };
}

function makeNode(instance: string, index: number, at: string): Node {
  const name = `node${index + 1}`;
  return {
    id: `${instance}-${name}`,
    name,
    instance,
    host: `https://127.0.0.1:${8006 + index}`,
    status: 'online',
    type: 'node',
    cpu: 0.2,
    memory: usage(128 * GIB, 40 * GIB),
    disk: usage(100 * GIB, 20 * GIB),
    uptime: 100_000,
    loadAverage: [0.5, 0.4, 0.3],
    kernelVersion: '6.8.12-4-pve',
    pveVersion: 'pve-manager/8.3.0',
    cpuInfo: { model: 'EPYC', cores: 32, sockets: 1, mhz: '2900' },
    lastSeen: at,
    connectionHealth: 'healthy',
    clusterName: 'lab',
    swap: usage(8 * GIB, 0),
    zfsPools: [],
  };
}

function makeGuest(node: Node, vmid: number, at: string, random: () => number): Guest {
  const isVm = vmid % 3 !== 0;
  const running = random() > 0.15;
  return {
    id: `${node.instance}-${node.name}-${vmid}`,
    vmid,
    name: `${isVm ? 'vm' : 'ct'}-${vmid}`,
    node: node.name,
    instance: node.instance,
    status: running ? 'running' : 'stopped',
    type: isVm ? 'qemu' : 'lxc',
    cpu: running ? random() : 0,
    cpus: 2,
    memory: usage(4 * GIB, running ? Math.floor(random() * 4 * GIB) : 0),
    disk: usage(32 * GIB, Math.floor(random() * 32 * GIB)),
    networkIn: running ? Math.floor(random() * 1e6) : 0,
    networkOut: running ? Math.floor(random() * 1e6) : 0,
    diskRead: running ? Math.floor(random() * 1e7) : 0,
    diskWrite: running ? Math.floor(random() * 1e7) : 0,
    uptime: running ? 5000 : 0,
    template: false,
    lastBackup: null,
    tags: vmid % 4 === 0 ? ['prod', 'web'] : undefined,
    lastSeen: at,
    diskStatus: { source: 'proxmox' },
  };
}

function makeStorage(node: Node): Storage {
  return {
    id: `${node.id}-local`,
    name: 'local',
    node: node.name,
    instance: node.instance,
    type: 'dir',
    status: 'available',
    ...usage(500 * GIB, 120 * GIB),
    content: 'backup,iso,vztmpl',
    shared: false,
    enabled: true,
    active: true,
    nodes: [node.name],
  };
}

function makePbs(at: string): PbsInstance {
  return {
    id: 'pbs-backup',
    name: 'backup',
    host: 'https://127.0.0.1:8007',
    status: 'online',
    version: '4.0.11',
    cpu: 3,
    memory: 20,
    memoryUsed: 4 * GIB,
    memoryTotal: 16 * GIB,
    uptime: 50_000,
    datastores: [
      { name: 'main', ...usage(2000 * GIB, 800 * GIB), status: 'available' },
      { name: 'offsite', ...usage(4000 * GIB, 500 * GIB), status: 'available' },
    ],
    backupJobs: [],
    syncJobs: [],
    verifyJobs: [],
    pruneJobs: [],
    garbageJobs: [],
    connectionHealth: 'healthy',
    lastSeen: at,
    failedTasks: [],
  };
}

function makePbsBackup(guest: Guest, time: Date): PbsBackup {
  const unix = Math.floor(time.getTime() / 1000);
  const type = guest.type === 'qemu' ? 'vm' : 'ct';
  return {
    id: `pbs-backup-main--${type}-${guest.vmid}-${unix}`,
    instance: 'backup',
    datastore: 'main',
    namespace: '',
    backupType: type,
    vmid: String(guest.vmid),
    backupTime: time.toISOString(),
    size: 2 * GIB,
    protected: false,
    verified: true,
    guestId: guest.id,
  };
}

function makeStorageBackup(guest: Guest, time: Date): StorageBackup {
  const unix = Math.floor(time.getTime() / 1000);
  const volid = `local:backup/vzdump-${guest.type}-${guest.vmid}-${unix}.vma.zst`;
  return {
    id: `${guest.instance}-${volid}`,
    storage: 'local',
    node: guest.node,
    instance: guest.instance,
    type: guest.type,
    vmid: guest.vmid,
    time: time.toISOString(),
    ctime: unix,
    size: GIB,
    format: 'vma.zst',
    protected: false,
    volid,
    isPBS: false,
    verified: false,
  };
}

/** A state of the given size at `at`. */
export function buildState(shape: StateShape, at = new Date('2025-06-01T12:00:00Z')): PulseState {
  const random = seededRandom(shape.seed ?? 1);
  const iso = at.toISOString();
  const nodes: Node[] = [];
  for (let i = 0; i < (shape.instances ?? 1); i++) {
    for (let n = 0; n < (shape.nodesPerInstance ?? 3); n++)
      nodes.push(makeNode(`pve${i + 1}`, n, iso));
  }
  const guests = Array.from({ length: shape.guests }, (_, index) =>
    makeGuest(nodes[index % nodes.length]!, 100 + index, iso, random),
  );
  const backups = guests.slice(0, Math.min(50, guests.length));
  return {
    nodes,
    vms: guests.filter((guest) => guest.type === 'qemu'),
    containers: guests.filter((guest) => guest.type === 'lxc'),
    storage: nodes.map(makeStorage),
    pbs: [makePbs(iso)],
    pbsBackups: backups.map((guest) => makePbsBackup(guest, at)),
    metrics: [],
    pveBackups: {
      backupTasks: [],
      storageBackups: backups.map((guest) => makeStorageBackup(guest, at)),
      guestSnapshots: [],
    },
    performance: {
      apiCallDuration: null,
      lastPollDuration: 0.4,
      pollingStartTime: iso,
      totalApiCalls: 10,
      failedApiCalls: 0,
      apiCallsPerCycle: { pve1: 10 },
    },
    connectionHealth: { pve1: true, 'pbs-backup': true },
    stats: { startTime: iso, uptime: 0, pollingCycles: 1, webSocketClients: 0, version: '0.1.0' },
    activeAlerts: [],
    recentlyResolved: [],
    lastUpdate: iso,
    connections: [],
    clusters: [],
    replicationJobs: [],
    failedTasks: [],
  };
}

function moveGuest(guest: Guest, at: string, random: () => number): Guest {
  if (guest.status !== 'running') return guest;
  return {
    ...guest,
    cpu: random(),
    memory: usage(guest.memory.total, Math.floor(random() * guest.memory.total)),
    networkIn: Math.floor(random() * 1e6),
    networkOut: Math.floor(random() * 1e6),
    diskRead: Math.floor(random() * 1e7),
    diskWrite: Math.floor(random() * 1e7),
    uptime: guest.uptime + 10,
    lastSeen: at,
  };
}

export interface CycleChanges {
  /** Share of running guests whose metrics move. @default 1 */
  moving?: number;
  /** Guests added and removed this cycle. @default 0 */
  churn?: number;
}

/** The state one poll cycle (10 s) later. Never modifies `state`. */
export function nextCycle(
  state: PulseState,
  random: () => number,
  changes: CycleChanges = {},
): PulseState {
  const at = new Date(Date.parse(state.lastUpdate) + 10_000);
  const iso = at.toISOString();
  const moving = changes.moving ?? 1;
  const move = (guest: Guest) => (random() < moving ? moveGuest(guest, iso, random) : guest);
  let vms = state.vms.map(move);
  const containers = state.containers.map(move);

  for (let i = 0; i < (changes.churn ?? 0); i++) {
    const victim = Math.floor(random() * vms.length);
    vms = vms.filter((_, index) => index !== victim);
    const node = state.nodes[i % state.nodes.length]!;
    const vmid = 100_000 + Math.floor(random() * 900_000);
    vms.push(makeGuest(node, vmid, iso, random));
  }
  vms.sort((a, b) => a.vmid - b.vmid);

  const newBackups = vms.slice(0, 1).map((guest) => makePbsBackup(guest, at));
  return {
    ...state,
    vms,
    containers,
    nodes: state.nodes.map((node) => ({ ...node, cpu: random(), lastSeen: iso })),
    pbsBackups: [...newBackups, ...state.pbsBackups],
    stats: {
      ...state.stats,
      uptime: state.stats.uptime + 10,
      pollingCycles: state.stats.pollingCycles + 1,
    },
    lastUpdate: iso,
  };
}
