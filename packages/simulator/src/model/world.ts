import { SimClock } from './clock.ts';
import { between } from './random.ts';
import type {
  GuestSpec,
  GuestStatus,
  NodeSpec,
  PbsEndpointSpec,
  PveEndpointSpec,
  ScenarioSpec,
} from './types.ts';

/** A task started through the control API (start, stop, migrate), kept in its node's log. */
export interface TaskRecord {
  node: string;
  type: string;
  id: string;
  user: string;
  start: number;
  end: number;
  status: string;
}

export interface GuestState {
  spec: GuestSpec;
  node: string;
  status: GuestStatus;
  /** Simulated time the guest last started (counters and uptime count from it). */
  startedAt: number;
  /** Figures pinned through the control API; they hold until changed again. */
  cpuOverride?: number;
  memOverride?: number;
}

export interface NodeState {
  spec: NodeSpec;
  bootAt: number;
}

export interface PveState {
  spec: PveEndpointSpec;
  nodes: Map<string, NodeState>;
  guests: Map<number, GuestState>;
  tasks: TaskRecord[];
}

export interface PbsState {
  spec: PbsEndpointSpec;
  bootAt: number;
}

export type EndpointState = PveState | PbsState;

export function isPve(state: EndpointState): state is PveState {
  return state.spec.type === 'pve';
}

/** The whole simulated estate and its clock. */
export class World {
  readonly seed: number;
  readonly name: string;
  readonly clock: SimClock;
  /** Midnight (UTC) of the day the simulator started: histories are laid out from it. */
  readonly anchor: number;
  readonly pve: PveState[] = [];
  readonly pbs: PbsState[] = [];
  /** Windows of simulated time during which backups fail, per endpoint or node name. */
  readonly backupFailures: { target: string; from: number; to: number }[] = [];

  constructor(spec: ScenarioSpec, now?: () => number) {
    this.seed = spec.seed;
    this.name = spec.name;
    this.clock = new SimClock(now);
    this.anchor = Math.floor(this.clock.now() / 86_400) * 86_400;
    for (const endpoint of spec.endpoints) {
      if (endpoint.type === 'pve') this.pve.push(this.initPve(endpoint));
      else this.pbs.push({ spec: endpoint, bootAt: this.anchor - 23 * 86_400 + 4_321 });
    }
  }

  private initPve(spec: PveEndpointSpec): PveState {
    const nodes = new Map<string, NodeState>();
    for (const node of spec.nodes) {
      const jitter = between(this.seed, 0, 80_000, 'boot', node.node);
      nodes.set(node.node, { spec: node, bootAt: this.anchor - node.uptimeDays * 86_400 + jitter });
    }
    const guests = new Map<number, GuestState>();
    for (const guest of spec.guests) {
      const bootAt = nodes.get(guest.node)?.bootAt ?? this.anchor;
      const startedAt = bootAt + between(this.seed, 60, 86_400 * 3, 'started', guest.vmid);
      guests.set(guest.vmid, { spec: guest, node: guest.node, status: guest.status, startedAt });
    }
    return { spec, nodes, guests, tasks: [] };
  }

  now(): number {
    return this.clock.now();
  }

  findPve(name: string): PveState | undefined {
    return this.pve.find((p) => p.spec.name === name);
  }

  findPbs(name: string): PbsState | undefined {
    return this.pbs.find((p) => p.spec.name === name);
  }

  /** The guests currently on a node, in vmid order. */
  guestsOn(pve: PveState, node: string): GuestState[] {
    return [...pve.guests.values()].filter((g) => g.node === node);
  }

  /** Finds a guest by vmid anywhere in the scenario. */
  findGuest(vmid: number): { pve: PveState; guest: GuestState } | undefined {
    for (const pve of this.pve) {
      const guest = pve.guests.get(vmid);
      if (guest) return { pve, guest };
    }
    return undefined;
  }

  /** Starts or stops a guest as of now, logging the task PVE would run. */
  setStatus(pve: PveState, guest: GuestState, status: GuestStatus): void {
    if (guest.status === status || guest.spec.template) return;
    const now = this.now();
    guest.status = status;
    if (status === 'running') guest.startedAt = now;
    const prefix = guest.spec.type === 'qemu' ? 'qm' : 'vz';
    const type = `${prefix}${status === 'running' ? 'start' : 'stop'}`;
    this.logTask(pve, {
      node: guest.node,
      type,
      id: String(guest.spec.vmid),
      start: now,
      end: now + 2,
    });
  }

  /** Moves a guest to another node of its cluster, as a finished migration task. */
  migrate(pve: PveState, guest: GuestState, target: string): void {
    if (!pve.nodes.has(target) || guest.node === target) return;
    const now = this.now();
    const type = guest.spec.type === 'qemu' ? 'qmigrate' : 'vzmigrate';
    this.logTask(pve, {
      node: guest.node,
      type,
      id: String(guest.spec.vmid),
      start: now,
      end: now + 35,
    });
    guest.node = target;
  }

  private logTask(pve: PveState, task: Omit<TaskRecord, 'user' | 'status'>): void {
    pve.tasks.push({ ...task, user: 'root@pam', status: 'OK' });
  }

  /** Whether backups of a guest on `node` of `endpoint` fail at time `t` by fault. */
  backupFailsByFault(endpoint: string, node: string, t: number): boolean {
    return this.backupFailures.some(
      (w) => (w.target === endpoint || w.target === node) && t >= w.from && t < w.to,
    );
  }
}
