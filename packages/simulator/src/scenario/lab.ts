import type { PbsEndpointSpec, PveEndpointSpec, ScenarioSpec } from '../model/types.ts';
import { baseStorages, buildGuest, buildNode, GIB, type GuestInput } from './build.ts';
import { pbsIdentities, pveIdentities } from './identities.ts';

const DEFAULT_SEED = 20_240_601;

/** Guests of the 3-node cluster: a homelab's usual suspects, a few oddities on purpose. */
const CLUSTER_GUESTS: GuestInput[] = [
  {
    vmid: 100,
    node: 'pve1',
    name: 'opnsense',
    cores: 2,
    memoryMiB: 4096,
    tags: ['network', 'critical'],
    ha: true,
    agent: 'unsupported',
    cpu: 0.08,
  },
  {
    vmid: 101,
    node: 'pve1',
    name: 'truenas',
    cores: 4,
    memoryMiB: 16384,
    tags: ['storage'],
    diskGiB: 32,
    cpu: 0.06,
  },
  {
    vmid: 102,
    node: 'pve1',
    name: 'home-assistant',
    cores: 2,
    memoryMiB: 4096,
    tags: ['iot', 'critical'],
    ha: true,
    snapshots: ['before-2024-6'],
  },
  {
    vmid: 103,
    node: 'pve1',
    name: 'docker-host',
    cores: 4,
    memoryMiB: 8192,
    balloonMiB: 4096,
    tags: ['docker'],
    diskGiB: 120,
    snapshots: ['docker-24', 'before-upgrade'],
    cpu: 0.35,
  },
  {
    vmid: 104,
    node: 'pve1',
    name: 'win11-desktop',
    status: 'stopped',
    cores: 4,
    memoryMiB: 8192,
    os: 'windows',
    diskGiB: 128,
    tags: ['windows'],
  },
  {
    vmid: 105,
    node: 'pve1',
    type: 'lxc',
    name: 'pihole',
    memoryMiB: 512,
    tags: ['network', 'dns'],
    ha: true,
  },
  { vmid: 106, node: 'pve1', type: 'lxc', name: 'unifi', cores: 2, memoryMiB: 2048, diskGiB: 16 },
  { vmid: 107, node: 'pve1', type: 'lxc', name: 'nginx-proxy', memoryMiB: 512, tags: ['web'] },
  {
    vmid: 108,
    node: 'pve1',
    type: 'lxc',
    name: 'vaultwarden',
    memoryMiB: 512,
    tags: ['web', 'critical'],
    snapshots: ['initial'],
  },
  {
    vmid: 109,
    node: 'pve1',
    type: 'lxc',
    name: 'wireguard',
    memoryMiB: 256,
    tags: ['network'],
    ha: true,
  },
  {
    vmid: 110,
    node: 'pve2',
    name: 'k3s-master',
    cores: 2,
    memoryMiB: 4096,
    tags: ['k8s'],
    pool: 'kubernetes',
  },
  {
    vmid: 111,
    node: 'pve2',
    name: 'k3s-worker-1',
    cores: 4,
    memoryMiB: 8192,
    tags: ['k8s'],
    pool: 'kubernetes',
    cpu: 0.4,
  },
  {
    vmid: 112,
    node: 'pve2',
    name: 'k3s-worker-2',
    cores: 4,
    memoryMiB: 8192,
    tags: ['k8s'],
    pool: 'kubernetes',
    cpu: 0.45,
  },
  {
    vmid: 113,
    node: 'pve2',
    name: 'gitlab',
    cores: 4,
    memoryMiB: 8192,
    balloonMiB: 6144,
    diskGiB: 100,
    tags: ['dev'],
    snapshots: ['pre-gitlab-17'],
    backupFailEvery: 3,
    mem: 0.85,
  },
  {
    vmid: 114,
    node: 'pve2',
    name: 'minecraft',
    status: 'stopped',
    cores: 4,
    memoryMiB: 8192,
    tags: ['games'],
  },
  { vmid: 115, node: 'pve2', type: 'lxc', name: 'grafana', memoryMiB: 1024, tags: ['monitoring'] },
  {
    vmid: 116,
    node: 'pve2',
    type: 'lxc',
    name: 'prometheus',
    cores: 2,
    memoryMiB: 2048,
    diskGiB: 32,
    tags: ['monitoring'],
  },
  {
    vmid: 117,
    node: 'pve2',
    type: 'lxc',
    name: 'postgres',
    cores: 2,
    memoryMiB: 4096,
    diskGiB: 24,
    tags: ['db'],
  },
  { vmid: 118, node: 'pve2', type: 'lxc', name: 'redis', memoryMiB: 512, tags: ['db'] },
  {
    vmid: 119,
    node: 'pve2',
    type: 'lxc',
    name: 'jellyfin-old',
    status: 'stopped',
    memoryMiB: 2048,
  },
  {
    vmid: 120,
    node: 'pve3',
    name: 'jellyfin',
    cores: 4,
    memoryMiB: 8192,
    tags: ['media'],
    cpu: 0.3,
  },
  {
    vmid: 121,
    node: 'pve3',
    name: 'nextcloud',
    cores: 2,
    memoryMiB: 4096,
    diskGiB: 64,
    tags: ['web'],
    ha: true,
  },
  {
    vmid: 122,
    node: 'pve3',
    name: 'windows-server',
    cores: 4,
    memoryMiB: 8192,
    balloonMiB: 4096,
    os: 'windows',
    diskGiB: 80,
    tags: ['windows'],
  },
  {
    vmid: 123,
    node: 'pve3',
    name: 'kali-lab',
    status: 'stopped',
    lock: 'suspended',
    memoryMiB: 4096,
    agent: 'none',
  },
  {
    vmid: 124,
    node: 'pve3',
    name: 'dev-sandbox',
    cores: 2,
    memoryMiB: 2048,
    agent: 'not-running',
    tags: ['dev'],
  },
  { vmid: 125, node: 'pve3', type: 'lxc', name: 'mqtt', memoryMiB: 256, tags: ['iot'] },
  { vmid: 126, node: 'pve3', type: 'lxc', name: 'zigbee2mqtt', memoryMiB: 512, tags: ['iot'] },
  {
    vmid: 127,
    node: 'pve3',
    type: 'lxc',
    name: 'paperless',
    cores: 2,
    memoryMiB: 2048,
    diskGiB: 16,
  },
  {
    vmid: 128,
    node: 'pve3',
    type: 'lxc',
    name: 'syncthing',
    memoryMiB: 512,
    diskGiB: 200,
    mem: 0.9,
  },
  { vmid: 129, node: 'pve3', type: 'lxc', name: 'backup-test', status: 'stopped', memoryMiB: 512 },
  {
    vmid: 9000,
    node: 'pve1',
    name: 'debian-12-cloudinit',
    template: true,
    memoryMiB: 2048,
    diskGiB: 8,
  },
  { vmid: 9001, node: 'pve2', type: 'lxc', name: 'ubuntu-2404-template', template: true },
];

const SOLO_GUESTS: GuestInput[] = [
  {
    vmid: 200,
    node: 'minipc',
    name: 'immich',
    cores: 4,
    memoryMiB: 6144,
    diskGiB: 64,
    tags: ['media'],
  },
  { vmid: 201, node: 'minipc', type: 'lxc', name: 'adguard', memoryMiB: 512, tags: ['dns'] },
  {
    vmid: 202,
    node: 'minipc',
    name: 'win10-legacy',
    status: 'stopped',
    os: 'windows',
    memoryMiB: 4096,
  },
  {
    vmid: 203,
    node: 'minipc',
    type: 'lxc',
    name: 'frigate',
    cores: 2,
    memoryMiB: 2048,
    tags: ['cctv'],
    cpu: 0.5,
  },
];

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
      { guest: 117, jobnum: 0, target: 'pve3', schedule: '*/30' },
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
