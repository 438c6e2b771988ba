import type { ClusterInfo, Node, PbsInstance, Storage } from '@pulse/contract';
import { describe, expect, it } from 'vitest';
import { filterRows, groupRows, storageRows } from './storage-rows.ts';

const GIB = 1024 ** 3;

function storage(instance: string, node: string, name: string, fields: Partial<Storage> = {}) {
  const shared = node === 'shared';
  return {
    id: `${instance}-${node}-${name}`,
    name,
    node,
    instance,
    type: 'dir',
    status: 'available',
    total: 100 * GIB,
    used: 40 * GIB,
    free: 60 * GIB,
    usage: 40,
    content: 'backup,iso',
    shared,
    enabled: true,
    active: true,
    nodes: shared ? ['pve1', 'pve2'] : [node],
    ...fields,
  } satisfies Storage;
}

const pbs = [
  {
    name: 'pbs-main',
    status: 'online',
    version: '4.0.11',
    datastores: [
      {
        name: 'main',
        total: 1000 * GIB,
        used: 500 * GIB,
        free: 500 * GIB,
        usage: 50,
        status: 'available',
        comment: 'Nightly',
      },
    ],
  },
] as unknown as PbsInstance[];

const context = {
  nodes: [
    { instance: 'homelab', name: 'pve1', status: 'online' },
    { instance: 'homelab', name: 'pve2', status: 'offline' },
  ] as Node[],
  pbs,
  clusters: [{ instance: 'homelab', name: 'homelab' }] as ClusterInfo[],
};

const lab = [
  storage('homelab', 'pve2', 'local'),
  storage('homelab', 'pve1', 'local-zfs', { type: 'zfspool' }),
  storage('homelab', 'pve1', 'local'),
  storage('homelab', 'shared', 'nas', { type: 'nfs' }),
  storage('solo', 'minipc', 'local', { status: 'inactive', used: 0, total: 0 }),
];

describe('storageRows', () => {
  it('lists PVE storages and PBS datastores with their history IDs', () => {
    const rows = storageRows(lab, pbs);
    expect(rows.map((row) => row.id)).toEqual([
      'homelab-pve2-local',
      'homelab-pve1-local-zfs',
      'homelab-pve1-local',
      'homelab-shared-nas',
      'solo-minipc-local',
      'pbs-pbs-main-main',
    ]);
    expect(rows[5]).toMatchObject({ source: 'pbs', type: 'datastore', note: 'Nightly' });
    expect(rows[4]?.isAvailable).toBe(false);
  });
});

describe('grouping by node', () => {
  it('puts each node, then its cluster shared storage once, then Backup Servers', () => {
    const groups = groupRows(storageRows(lab, pbs), 'node', context);

    expect(groups.map((g) => [g.kind, g.title])).toEqual([
      ['node', 'pve1'],
      ['node', 'pve2'],
      ['shared', 'Shared · cluster homelab'],
      ['node', 'minipc'],
      ['pbs', 'pbs-main'],
    ]);
    expect(groups[0]?.rows.map((row) => row.name)).toEqual(['local', 'local-zfs']);
    expect(groups[1]?.status).toBe('offline');
    expect(groups[2]?.rows).toHaveLength(1);
    expect(groups[2]?.subtitle).toBe('pve1, pve2');
    expect(groups[3]?.subtitle).toBe('Standalone node');
    expect(groups[4]?.subtitle).toBe('Backup Server 4.0.11');
  });

  it('sums used and total of available storage only', () => {
    const groups = groupRows(storageRows(lab, pbs), 'node', context);
    expect(groups[0]).toMatchObject({ used: 80 * GIB, total: 200 * GIB });
    expect(groups[3]).toMatchObject({ used: 0, total: 0 });
  });
});

describe('grouping by storage', () => {
  it('gathers a storage name across nodes and keeps shared storage as one row', () => {
    const groups = groupRows(storageRows(lab, pbs), 'storage', context);

    expect(groups.map((g) => [g.title, g.rows.length, g.subtitle])).toEqual([
      ['local', 3, 'dir · on 3 nodes'],
      ['local-zfs', 1, 'zfspool · on pve1'],
      ['main', 1, 'PBS datastore · on pbs-main'],
      ['nas', 1, 'nfs · shared by pve1, pve2'],
    ]);
    expect(groups[0]?.rows.map((row) => row.node)).toEqual(['minipc', 'pve1', 'pve2']);
  });
});

describe('filterRows', () => {
  it('finds rows by name, node, type, content or instance', () => {
    const rows = storageRows(lab, pbs);
    expect(filterRows(rows, 'NFS').map((row) => row.name)).toEqual(['nas']);
    expect(filterRows(rows, 'minipc').map((row) => row.id)).toEqual(['solo-minipc-local']);
    expect(filterRows(rows, 'images')).toEqual([]);
    expect(filterRows(rows, '  ')).toHaveLength(6);
  });
});
