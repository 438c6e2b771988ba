import { guestFigures } from '../model/figures.ts';
import { replicationJobId, replicationRun } from '../model/replication.ts';
import type { PbsState, PveState } from '../model/world.ts';
import { allSnapshots } from '../pbs/snapshots.ts';
import type { Simulator } from './simulator.ts';

type Entry = Record<string, unknown>;

function replicationView(sim: Simulator, pve: PveState): Entry[] {
  const { world } = sim;
  return pve.spec.replication.map((job) => {
    const run = replicationRun(world.seed, job, world.anchor, world.now());
    return {
      id: replicationJobId(job),
      guest: job.guest,
      source: pve.guests.get(job.guest)?.node ?? null,
      target: job.target,
      lastSync: run.lastSync,
      lastTry: run.lastTry,
      nextSync: run.nextSync,
      failCount: run.failCount,
      failing: run.failing,
    };
  });
}

function pveView(sim: Simulator, pve: PveState): Entry {
  const name = pve.spec.name;
  const listeners = sim.listenersOf(name);
  const nodes = [...pve.nodes.keys()].map((node) => {
    const listener = listeners.find((l) => l.node === node);
    const down = sim.faults.find('down', [name, node, `${name}/${node}`]) !== undefined;
    const guests = sim.world.guestsOn(pve, node).map((g) => {
      const f = guestFigures(sim.world, g, sim.world.now());
      return {
        vmid: g.spec.vmid,
        name: g.spec.name,
        type: g.spec.type,
        status: g.status,
        template: g.spec.template,
        tags: g.spec.tags,
        lock: g.spec.lock ?? null,
        ha: g.spec.ha ?? null,
        cpu: f.cpu,
        mem: f.mem,
        maxmem: f.maxmem,
        backupStorage: g.spec.backupStorage ?? null,
      };
    });
    const storage = pve.spec.storages
      .filter((s) => !s.nodes || s.nodes.includes(node))
      .map((s) => ({ storage: s.storage, type: s.type, shared: s.shared }));
    return {
      node,
      status: down ? 'offline' : 'online',
      url: listener ? sim.url(listener) : null,
      guests,
      storage,
    };
  });
  return {
    name,
    type: 'pve',
    version: pve.spec.major,
    url: listeners[0] ? sim.url(listeners[0]) : null,
    cluster: pve.spec.cluster ?? null,
    nodes,
    replication: replicationView(sim, pve),
    datastores: [],
  };
}

function pbsView(sim: Simulator, pbs: PbsState): Entry {
  const listener = sim.listenersOf(pbs.spec.name)[0];
  const datastores = pbs.spec.datastores.map((d) => {
    const snapshots = allSnapshots(sim.world, pbs, d);
    return {
      name: d.name,
      namespaces: ['', ...d.namespaces],
      snapshots: snapshots.length,
      groups: new Set(snapshots.map((s) => `${s.type}/${s.id}`)).size,
    };
  });
  return {
    name: pbs.spec.name,
    type: 'pbs',
    version: pbs.spec.major,
    url: listener ? sim.url(listener) : null,
    cluster: null,
    nodes: [],
    replication: [],
    datastores,
  };
}

/** The ground truth served at `/_sim/state`. */
export function stateView(sim: Simulator): Entry {
  return {
    scenario: sim.spec.name,
    time: sim.world.now(),
    endpoints: [
      ...sim.world.pve.map((p) => pveView(sim, p)),
      ...sim.world.pbs.map((p) => pbsView(sim, p)),
    ],
    faults: sim.faults.list(),
  };
}
