import { unit } from '../model/random.ts';
import type { GuestSpec, ScenarioSpec, StorageSpec } from '../model/types.ts';
import { baseStorages, buildGuest, buildNode, GIB } from './build.ts';
import { pveIdentities } from './identities.ts';

const GUESTS_PER_NODE = 100;
const DEFAULT_SEED = 1_000;

/** Parses `scale-N`; undefined for any other name. */
export function parseScaleName(name: string): number | undefined {
  const match = /^scale-(\d{1,6})$/.exec(name);
  if (!match) return undefined;
  const count = Number(match[1]);
  return count >= 1 && count <= 100_000 ? count : undefined;
}

function scaleGuest(seed: number, index: number, node: string): GuestSpec {
  const vmid = 100 + index;
  const roll = unit(seed, 'kind', vmid);
  return buildGuest(seed, {
    vmid,
    node,
    type: roll < 0.7 ? 'qemu' : 'lxc',
    name: `guest-${String(vmid).padStart(5, '0')}`,
    status: roll > 0.85 ? 'stopped' : 'running',
    template: roll > 0.985,
    memoryMiB: 1024 * (1 + Math.floor(unit(seed, 'size', vmid) * 8)),
    tags: index % 7 === 0 ? ['prod'] : [],
  });
}

/** `scale-N`: one PVE 8 cluster with N guests spread over ceil(N/100) nodes, no backups. */
export function scaleScenario(count: number, seed = DEFAULT_SEED): ScenarioSpec {
  const nodeCount = Math.max(1, Math.ceil(count / GUESTS_PER_NODE));
  const nodes = Array.from({ length: nodeCount }, (_, i) =>
    buildNode(seed, `node${String(i + 1).padStart(3, '0')}`, { cpus: 64, memTotal: 512 * GIB }),
  );
  const guests = Array.from({ length: count }, (_, i) =>
    scaleGuest(seed, i, nodes[Math.floor(i / GUESTS_PER_NODE)]!.node),
  );
  const shared: StorageSpec = {
    storage: 'ceph-pool',
    type: 'nfs',
    content: ['images', 'rootdir'],
    shared: true,
    total: 500 * 1024 * GIB,
    usedFraction: 0.5,
    growthPerDay: 50 * GIB,
    enabled: true,
  };
  return {
    name: `scale-${count}`,
    seed,
    endpoints: [
      {
        type: 'pve',
        name: 'scale',
        major: 8,
        cluster: 'scale',
        nodes,
        storages: [...baseStorages(false, seed), shared],
        guests,
        pools: [],
        replication: [],
        identities: pveIdentities(8),
      },
    ],
  };
}
