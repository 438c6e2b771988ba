import { clamp, counter, cpuShare, filling, memShare, sampleTime } from './metrics.ts';
import { between, wave } from './random.ts';
import type { GuestState, NodeState, World } from './world.ts';

/** What PVE reports about a guest at one instant. Counters are bytes since the guest started. */
export interface GuestFigures {
  running: boolean;
  cpu: number;
  mem: number;
  maxmem: number;
  disk: number;
  maxdisk: number;
  netin: number;
  netout: number;
  diskread: number;
  diskwrite: number;
  uptime: number;
  pid: number;
  /** qemu: current balloon target (bytes); equals maxmem when ballooning is off. */
  balloon: number;
  swap: number;
}

function guestMem(world: World, guest: GuestState, t: number): number {
  const { spec } = guest;
  if (guest.memOverride !== undefined) return Math.min(guest.memOverride, spec.maxmem);
  return Math.floor(spec.maxmem * memShare(spec.memBase, world.seed, `g${spec.vmid}`, t));
}

/** Guest figures at simulated time `t` (rounded down to pvestatd's 10-second refresh). */
export function guestFigures(world: World, guest: GuestState, at: number): GuestFigures {
  const t = sampleTime(at);
  const { spec } = guest;
  const running = guest.status === 'running' && guest.startedAt <= t;
  const disk =
    spec.type === 'lxc'
      ? filling(spec.maxdisk, spec.diskBase, spec.maxdisk * 0.002, world.anchor, t)
      : 0;
  const idle = {
    cpu: 0,
    mem: 0,
    netin: 0,
    netout: 0,
    diskread: 0,
    diskwrite: 0,
    uptime: 0,
    pid: 0,
    swap: 0,
  };
  // A configured balloon device gives memory back to the host; its target then sits below maxmem.
  const balloon =
    spec.balloonMin > 0 ? Math.max(spec.balloonMin, Math.floor(spec.maxmem * 0.85)) : spec.maxmem;
  if (!running)
    return { ...idle, running, maxmem: spec.maxmem, disk, maxdisk: spec.maxdisk, balloon };
  const since = guest.startedAt;
  const cpu = guest.cpuOverride ?? cpuShare(spec.cpuBase, world.seed, `g${spec.vmid}`, t);
  return {
    running,
    cpu,
    mem: Math.min(guestMem(world, guest, t), balloon),
    maxmem: spec.maxmem,
    disk,
    maxdisk: spec.maxdisk,
    netin: counter(spec.netRate, since, t),
    netout: counter(spec.netRate * 0.35, since, t),
    diskread: counter(spec.ioRate * 0.6, since, t),
    diskwrite: counter(spec.ioRate * 0.4, since, t),
    uptime: t - since,
    pid: between(world.seed, 1_000, 4_000_000, 'pid', spec.vmid, since),
    balloon,
    swap: spec.type === 'lxc' ? Math.floor(spec.maxswap * 0.02) : 0,
  };
}

export interface NodeFigures {
  cpu: number;
  iowait: number;
  mem: number;
  maxmem: number;
  rootUsed: number;
  rootTotal: number;
  swapUsed: number;
  uptime: number;
  loadavg: [number, number, number];
  netin: number;
  netout: number;
}

const HOST_BASE_MEM = 2.6 * 1024 ** 3;

/** Node figures at time `t`: the sum of its running guests on top of the host's own load. */
export function nodeFigures(world: World, guests: GuestState[], node: NodeState, at: number) {
  const t = sampleTime(at);
  const { spec } = node;
  let cores = 0;
  let mem = HOST_BASE_MEM;
  let net = 0;
  for (const guest of guests) {
    const f = guestFigures(world, guest, t);
    cores += f.cpu * guest.spec.cores;
    mem += f.mem;
    net += f.running ? guest.spec.netRate : 0;
  }
  const cpu = clamp(
    cores / spec.cpus + 0.01 + 0.005 * wave(t, 120, world.seed, spec.node),
    0.001,
    1,
  );
  const load = cpu * spec.cpus;
  return {
    cpu,
    iowait: clamp(0.002 + 0.002 * wave(t, 600, world.seed, spec.node, 'io'), 0, 1),
    mem: Math.floor(Math.min(mem, spec.memTotal * 0.97)),
    maxmem: spec.memTotal,
    rootUsed: filling(spec.rootTotal, spec.rootUsedFraction, 30 * 1024 ** 2, world.anchor, t),
    rootTotal: spec.rootTotal,
    swapUsed: Math.floor(spec.swapTotal * 0.03),
    uptime: Math.max(0, t - node.bootAt),
    loadavg: [load, load * 0.95, load * 0.9],
    netin: net,
    netout: net * 0.4,
  } satisfies NodeFigures;
}
