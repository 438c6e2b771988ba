import type { PbsEndpointSpec, PveEndpointSpec, ScenarioSpec } from '../model/types.ts';
import { baseStorages, buildGuest, buildNode, GIB } from './build.ts';
import { pbsIdentities, pveIdentities } from './identities.ts';
import { CLUSTER_GUESTS, SOLO_GUESTS } from './lab-guests.ts';

const DEFAULT_SEED = 20_240_601;

/** Which storage backs up which guest: most to PBS, a few to the NAS, templates nowhere. */
function clusterBackupTarget(vmid: number): string | undefined {
  if (vmid >= 9000) return undefined;
  if (vmid === 104 || vmid === 114) return 'nas-nfs';
  return 'pbs-main';
}

function clusterEndpoint(seed: number): PveEndpointSpec {
  const nodes = [
    buildNode(seed, 'pve1', { cpus: 16, memTotal: 64 * GIB - 300 * 1024 ** 2, level: 'c' }),
    buildNode(seed, 'pve2', { cpus: 12, memTotal: 32 * GIB - 280 * 1024 ** 2, level: 'c' }),
    buildNode(seed, 'pve3', { cpus: 8, memTotal: 32 * GIB - 280 * 1024 ** 2, level: 'c' }),
  ];
  for (const node of nodes) {
    node.zfsPools = [{ name: 'rpool', size: 960 * GIB, usedFraction: 0.31, health: 'ONLINE' }];
  }
  nodes[2]!.zfsPools.push({
    name: 'tank',
    size: 7 * 1024 * GIB,
    usedFraction: 0.62,
    health: 'DEGRADED',
  });
  return {
    type: 'pve',
    name: 'homelab',
    major: 8,
    cluster: 'homelab',
    nodes,
    storages: [...baseStorages(true, seed), ...sharedStorages()],
    guests: CLUSTER_GUESTS.map((g) =>
      buildGuest(seed, { ...g, backupStorage: clusterBackupTarget(g.vmid) }),
    ),
    pools: ['kubernetes'],
    replication: [
      { guest: 102, jobnum: 0, target: 'pve2', schedule: '*/15' },
      // The link to pve3 broke a few hours before midnight: every run since has failed.
      { guest: 117, jobnum: 0, target: 'pve3', schedule: '*/30', failingHours: 5 },
    ],
    identities: pveIdentities(8),
  };
}

function sharedStorages(): PveEndpointSpec['storages'] {
  return [
    {
      storage: 'nas-nfs',
      type: 'nfs',
      content: ['backup', 'images', 'iso'],
      shared: true,
      total: 3_686 * GIB,
      usedFraction: 0.58,
      growthPerDay: 6 * GIB,
      enabled: true,
    },
    {
      storage: 'pbs-main',
      type: 'pbs',
      content: ['backup'],
      shared: true,
      total: 2 * 1024 * GIB,
      usedFraction: 0.44,
      growthPerDay: 2 * GIB,
      enabled: true,
      pbs: { endpoint: 'pbs-main', datastore: 'main', namespace: 'homelab' },
    },
  ];
}

function soloEndpoint(seed: number): PveEndpointSpec {
  const pbs = {
    storage: 'pbs-solo',
    type: 'pbs' as const,
    content: ['backup'],
    shared: true,
    total: 2 * 1024 * GIB,
    usedFraction: 0.44,
    growthPerDay: 2 * GIB,
    enabled: true,
    pbs: { endpoint: 'pbs-main', datastore: 'main', namespace: 'solo' },
  };
  return {
    type: 'pve',
    name: 'pve-solo',
    major: 9,
    nodes: [buildNode(seed, 'minipc', { cpus: 8, memTotal: 32 * GIB - 250 * 1024 ** 2 })],
    storages: [...baseStorages(false, seed + 1), pbs],
    guests: SOLO_GUESTS.map((g) => buildGuest(seed, { ...g, backupStorage: 'pbs-solo' })),
    pools: [],
    replication: [],
    identities: pveIdentities(9),
  };
}

function pbsEndpoint(): PbsEndpointSpec {
  return {
    type: 'pbs',
    name: 'pbs-main',
    major: 4,
    hostname: 'pbs',
    datastores: [
      {
        name: 'main',
        comment: 'Nightly backups',
        total: 4 * 1024 * GIB,
        usedFraction: 0.41,
        growthPerDay: 9 * GIB,
        namespaces: ['homelab', 'solo'],
        extraGroups: [{ type: 'host', id: 'pbs', namespace: '', count: 5, size: 2 * GIB }],
      },
      {
        name: 'offsite',
        comment: 'Weekly copies',
        total: 8 * 1024 * GIB,
        usedFraction: 0.23,
        growthPerDay: 3 * GIB,
        namespaces: ['sites', 'sites/homelab'],
        extraGroups: [
          { type: 'vm', id: '100', namespace: 'sites/homelab', count: 4, size: 12 * GIB },
          { type: 'ct', id: '105', namespace: 'sites/homelab', count: 4, size: 2 * GIB },
          { type: 'vm', id: '310', namespace: 'sites', count: 2, size: 40 * GIB },
        ],
      },
    ],
    identities: pbsIdentities(4),
  };
}

/** The built-in `lab`: a PVE 8 cluster, a standalone PVE 9 node and a PBS 4. */
export function labScenario(seed = DEFAULT_SEED): ScenarioSpec {
  return {
    name: 'lab',
    seed,
    endpoints: [clusterEndpoint(seed), soloEndpoint(seed), pbsEndpoint()],
  };
}
