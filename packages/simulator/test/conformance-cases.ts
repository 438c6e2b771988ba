import type { SchemaVersion, Tolerance } from './support/schema.ts';

/** The endpoints issue 3 lists; every one must be checked for every modelled version. */
export const ISSUE_ENDPOINTS = {
  pve: [
    'GET /version',
    'GET /cluster/status',
    'GET /cluster/resources',
    'GET /nodes',
    'GET /nodes/{node}/status',
    'GET /nodes/{node}/qemu',
    'GET /nodes/{node}/lxc',
    'GET /nodes/{node}/qemu/{vmid}/status/current',
    'GET /nodes/{node}/lxc/{vmid}/status/current',
    'GET /nodes/{node}/qemu/{vmid}/agent/get-fsinfo',
    'GET /nodes/{node}/qemu/{vmid}/agent/network-get-interfaces',
    'GET /nodes/{node}/qemu/{vmid}/agent/get-osinfo',
    'GET /nodes/{node}/storage',
    'GET /nodes/{node}/storage/{storage}/status',
    'GET /nodes/{node}/storage/{storage}/content',
    'GET /nodes/{node}/tasks',
    'GET /nodes/{node}/qemu/{vmid}/snapshot',
    'GET /nodes/{node}/lxc/{vmid}/snapshot',
    'GET /nodes/{node}/rrddata',
    'GET /cluster/ha/status/current',
    'GET /cluster/replication',
    'GET /nodes/{node}/replication',
    'GET /nodes/{node}/replication/{id}/status',
    'GET /nodes/{node}/disks/zfs',
    'POST /access/ticket',
    'GET /access/permissions',
  ],
  pbs: [
    'GET /version',
    'GET /nodes/{node}/status',
    'GET /admin/datastore',
    'GET /status/datastore-usage',
    'GET /admin/datastore/{store}/status',
    'GET /admin/datastore/{store}/namespace',
    'GET /admin/datastore/{store}/groups',
    'GET /admin/datastore/{store}/snapshots',
    'GET /nodes/{node}/tasks',
    'POST /access/ticket',
  ],
} as const;

export interface Case {
  /** `METHOD /schema/path` as the schema files key it. */
  endpoint: string;
  /** Concrete request path with query. */
  url: string;
  /** Login instead of a token call (POST /access/ticket). */
  login?: boolean;
  /** Real captured response to compare with, relative to `pve-responses/`. */
  capture?: string;
  /** Capture keys not compared, with the reason in `tolerate` or the test. */
  ignore?: string[];
  tolerate?: Tolerance[];
}

export interface VersionTarget {
  endpoint: string;
  schema: SchemaVersion;
  cases: Case[];
}

const LXC_VMID_STRING: Tolerance = {
  at: 'data[].vmid',
  accept: (v) => typeof v === 'string' && /^\d+$/.test(v),
  why:
    'PVE 7 sent container vmids as strings (pve7/node-lxc--ansible-2023-07.json); ' +
    'the schema says integer',
};

function pveCases(major: 7 | 8 | 9, node: string, other: string): Case[] {
  const v = major * 100;
  const cap = (file: string, versions: number[]) => (versions.includes(major) ? file : undefined);
  return [
    { endpoint: 'GET /version', url: '/version', capture: cap('pve8/version.json', [8, 9]) },
    {
      endpoint: 'GET /cluster/status',
      url: '/cluster/status',
      capture: cap('pve7/cluster-status.json', [7, 9]),
    },
    {
      endpoint: 'GET /cluster/resources',
      url: '/cluster/resources',
      capture: major === 7 ? 'pve7/cluster-resources.json' : 'pve8/cluster-resources.json',
      ignore: ['pool'],
    },
    {
      endpoint: 'GET /cluster/resources',
      url: '/cluster/resources?type=vm',
      capture: cap('pve7/cluster-resources--type-vm--ansible-2023-07.json', [7, 8]),
      ignore: ['pool'],
    },
    { endpoint: 'GET /cluster/resources', url: '/cluster/resources?type=storage' },
    { endpoint: 'GET /cluster/resources', url: '/cluster/resources?type=node' },
    { endpoint: 'GET /nodes', url: '/nodes', capture: 'pve7/nodes.json' },
    {
      endpoint: 'GET /nodes/{node}/status',
      url: `/nodes/${node}/status`,
      capture: 'pve7/node-status.json',
    },
    {
      endpoint: 'GET /nodes/{node}/qemu',
      url: `/nodes/${node}/qemu`,
      capture: 'pve7/node-qemu--ansible-2023-07.json',
    },
    {
      endpoint: 'GET /nodes/{node}/lxc',
      url: `/nodes/${node}/lxc`,
      capture:
        major === 7
          ? 'pve7/node-lxc--ansible-2023-07.json'
          : 'pve8/node-lxc--go-proxmox-2024-03.json',
      ignore: major === 7 ? [] : ['vmid'],
      tolerate: major === 7 ? [LXC_VMID_STRING] : [],
    },
    {
      endpoint: 'GET /nodes/{node}/qemu/{vmid}/status/current',
      url: `/nodes/${node}/qemu/${v}/status/current`,
      capture: 'pve7/qemu-status-current--running.json',
      ignore: ['shares', 'spice', 'balloon_min', 'ide2', 'nics'],
    },
    {
      endpoint: 'GET /nodes/{node}/qemu/{vmid}/status/current',
      url: `/nodes/${node}/qemu/${v + 2}/status/current`,
    },
    {
      endpoint: 'GET /nodes/{node}/lxc/{vmid}/status/current',
      url: `/nodes/${node}/lxc/${v + 1}/status/current`,
    },
    {
      endpoint: 'GET /nodes/{node}/lxc/{vmid}/status/current',
      url: `/nodes/${other}/lxc/${v + 3}/status/current`,
      capture: 'pve8/lxc-status-current--stopped-template--go-proxmox-2024-03.json',
    },
    {
      endpoint: 'GET /nodes/{node}/qemu/{vmid}/agent/get-fsinfo',
      url: `/nodes/${node}/qemu/${v}/agent/get-fsinfo`,
    },
    {
      endpoint: 'GET /nodes/{node}/qemu/{vmid}/agent/get-fsinfo',
      url: `/nodes/${node}/qemu/${v + 4}/agent/get-fsinfo`,
    },
    {
      endpoint: 'GET /nodes/{node}/qemu/{vmid}/agent/network-get-interfaces',
      url: `/nodes/${node}/qemu/${v}/agent/network-get-interfaces`,
      capture: 'pve6/qemu-agent-network-get-interfaces--linux.json',
    },
    {
      endpoint: 'GET /nodes/{node}/qemu/{vmid}/agent/get-osinfo',
      url: `/nodes/${node}/qemu/${v}/agent/get-osinfo`,
    },
    { endpoint: 'GET /storage', url: '/storage' },
    { endpoint: 'GET /nodes/{node}/storage', url: `/nodes/${node}/storage` },
    {
      endpoint: 'GET /nodes/{node}/storage/{storage}/status',
      url: `/nodes/${node}/storage/local/status`,
    },
    {
      endpoint: 'GET /nodes/{node}/storage/{storage}/content',
      url: `/nodes/${node}/storage/local/content`,
    },
    {
      endpoint: 'GET /nodes/{node}/storage/{storage}/content',
      url: `/nodes/${node}/storage/pbs${major === 7 ? 3 : 4}/content?content=backup`,
      capture: 'pve8/storage-content--pbs-storage--ansible-2023-12.json',
    },
    {
      endpoint: 'GET /nodes/{node}/tasks',
      url: `/nodes/${node}/tasks?limit=100`,
      capture: 'pve8/node-tasks--since.json',
      ignore: ['saved'],
    },
    {
      endpoint: 'GET /nodes/{node}/qemu/{vmid}/snapshot',
      url: `/nodes/${node}/qemu/${v}/snapshot`,
    },
    {
      endpoint: 'GET /nodes/{node}/lxc/{vmid}/snapshot',
      url: `/nodes/${node}/lxc/${v + 1}/snapshot`,
    },
    {
      endpoint: 'GET /nodes/{node}/rrddata',
      url: `/nodes/${node}/rrddata?timeframe=hour&cf=AVERAGE`,
      capture:
        major === 9 ? 'pve9/node-rrddata--hour.json' : 'pve8/node-rrddata--reconstructed.json',
    },
    { endpoint: 'GET /nodes/{node}/rrddata', url: `/nodes/${node}/rrddata?timeframe=year` },
    {
      endpoint: 'GET /nodes/{node}/qemu/{vmid}/rrddata',
      url: `/nodes/${node}/qemu/${v + 2}/rrddata?timeframe=hour`,
      capture: 'pve7/qemu-rrddata--hour--stopped-vm.json',
    },
    {
      endpoint: 'GET /nodes/{node}/lxc/{vmid}/rrddata',
      url: `/nodes/${node}/lxc/${v + 1}/rrddata?timeframe=hour`,
      capture:
        major === 9 ? 'pve9/lxc-rrddata--hour.json' : 'pve8/guest-rrddata--reconstructed.json',
    },
    {
      endpoint: 'GET /cluster/ha/status/current',
      url: '/cluster/ha/status/current',
      capture: 'pve8/cluster-ha-status-current.json',
    },
    { endpoint: 'GET /cluster/replication', url: '/cluster/replication' },
    { endpoint: 'GET /nodes/{node}/replication', url: `/nodes/${node}/replication` },
    { endpoint: 'GET /nodes/{node}/replication', url: `/nodes/${node}/replication?guest=${v}` },
    ...(major === 8
      ? []
      : [
          {
            endpoint: 'GET /nodes/{node}/replication/{id}/status',
            url: `/nodes/${node}/replication/${v}-0/status`,
          },
        ]),
    { endpoint: 'GET /nodes/{node}/disks/zfs', url: `/nodes/${node}/disks/zfs` },
    {
      endpoint: 'POST /access/ticket',
      url: '/access/ticket',
      login: true,
      capture: major === 7 ? 'pve7/access-ticket--post.json' : undefined,
    },
    { endpoint: 'GET /access/permissions', url: '/access/permissions' },
  ];
}

function pbsCases(store: string, ns: string): Case[] {
  return [
    { endpoint: 'GET /version', url: '/version' },
    { endpoint: 'GET /nodes/{node}/status', url: '/nodes/localhost/status' },
    { endpoint: 'GET /admin/datastore', url: '/admin/datastore' },
    { endpoint: 'GET /status/datastore-usage', url: '/status/datastore-usage' },
    {
      endpoint: 'GET /admin/datastore/{store}/status',
      url: `/admin/datastore/${store}/status?verbose=1`,
    },
    {
      endpoint: 'GET /admin/datastore/{store}/namespace',
      url: `/admin/datastore/${store}/namespace`,
    },
    {
      endpoint: 'GET /admin/datastore/{store}/groups',
      url: `/admin/datastore/${store}/groups?ns=${ns}`,
    },
    {
      endpoint: 'GET /admin/datastore/{store}/snapshots',
      url: `/admin/datastore/${store}/snapshots?ns=${ns}`,
      tolerate: [PBS_FILES],
    },
    {
      endpoint: 'GET /admin/datastore/{store}/snapshots',
      url: `/admin/datastore/${store}/snapshots`,
      tolerate: [PBS_FILES],
    },
    { endpoint: 'GET /nodes/{node}/tasks', url: '/nodes/localhost/tasks?limit=0' },
    { endpoint: 'POST /access/ticket', url: '/access/ticket', login: true },
  ];
}

const PBS_FILES: Tolerance = {
  at: 'data[].files[]',
  accept: (f) =>
    typeof f === 'object' &&
    f !== null &&
    typeof (f as { filename?: unknown }).filename === 'string',
  why:
    'PBS sends snapshot files as {filename, crypt-mode, size}; ' +
    'its schema says strings (README: schema gap)',
};

/** Endpoints a target cannot show, with the reason; the coverage test accepts only these. */
export const NOT_APPLICABLE: Record<string, Record<string, string>> = {
  pve8: {
    'GET /nodes/{node}/replication/{id}/status':
      'a standalone node has no replication jobs (its /nodes/{node}/replication list is checked)',
  },
};

export const TARGETS: VersionTarget[] = [
  { endpoint: 'pve7', schema: 'pve7.4', cases: pveCases(7, 'n7a', 'n7b') },
  { endpoint: 'pve8', schema: 'pve8.4', cases: pveCases(8, 'n8', 'n8') },
  { endpoint: 'pve9', schema: 'pve9.1', cases: pveCases(9, 'n9a', 'n9b') },
  { endpoint: 'pbs3', schema: 'pbs3.4', cases: pbsCases('store3', 'seven') },
  { endpoint: 'pbs4', schema: 'pbs4.x', cases: pbsCases('store4', 'nine') },
];
