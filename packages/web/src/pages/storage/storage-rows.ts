import type { ClusterInfo, Node, PbsInstance, Storage } from '@pulse/contract';

/*
 * The Storage page's model: every PVE storage and PBS datastore as one kind of row, grouped
 * either by where it lives (a node, a cluster's shared storage, a Backup Server) or by
 * storage name across nodes. The server already lists a shared storage once per cluster.
 */

export interface StorageRow {
  /** The history ID: the storage's ID, or `pbs-<instance>-<datastore>`. */
  id: string;
  source: 'pve' | 'pbs';
  name: string;
  /** PVE storage type (`dir`, `zfspool`, `nfs`, `pbs`, ...) or `datastore`. */
  type: string;
  instance: string;
  /** The node, `shared`, or the PBS instance. */
  node: string;
  /** Nodes that see it; for a datastore, its Backup Server. */
  nodes: string[];
  shared: boolean;
  /** Content types, comma-separated; empty for datastores. */
  content: string;
  status: string;
  isAvailable: boolean;
  total: number;
  used: number;
  free: number;
  /** Percent 0–100. */
  usage: number;
  /** Why a datastore could not be read, or its comment. */
  note?: string;
  /** When PBS itself expects the datastore to be full. */
  pbsFullDate?: string;
}

export type GroupMode = 'node' | 'storage';

export interface StorageGroup {
  key: string;
  kind: 'node' | 'shared' | 'pbs' | 'storage';
  title: string;
  /** A second line: the cluster, the nodes of shared storage, the storage type. */
  subtitle: string;
  /** Up, down or unknown for node and Backup Server groups. */
  status?: 'online' | 'offline' | 'unknown';
  rows: StorageRow[];
  used: number;
  total: number;
}

export function storageRows(storage: readonly Storage[], pbs: readonly PbsInstance[]) {
  const rows: StorageRow[] = storage.map((entry) => ({
    id: entry.id,
    source: 'pve',
    name: entry.name,
    type: entry.type,
    instance: entry.instance,
    node: entry.node,
    nodes: entry.nodes,
    shared: entry.shared,
    content: entry.content,
    status: entry.status,
    isAvailable: entry.status === 'available',
    total: entry.total,
    used: entry.used,
    free: entry.free,
    usage: entry.usage,
  }));
  for (const instance of pbs) {
    for (const datastore of instance.datastores) {
      const note = datastore.error ?? datastore.comment;
      rows.push({
        id: `pbs-${instance.name}-${datastore.name}`,
        source: 'pbs',
        name: datastore.name,
        type: 'datastore',
        instance: instance.name,
        node: instance.name,
        nodes: [instance.name],
        shared: false,
        content: '',
        status: datastore.status,
        isAvailable: datastore.status === 'available',
        total: datastore.total,
        used: datastore.used,
        free: datastore.free,
        usage: datastore.usage,
        ...(note ? { note } : {}),
        ...(datastore.estimatedFullDate ? { pbsFullDate: datastore.estimatedFullDate } : {}),
      });
    }
  }
  return rows;
}

/** Rows whose name, node, type, content or instance contain the text (any case). */
export function filterRows(rows: readonly StorageRow[], text: string): StorageRow[] {
  const needle = text.trim().toLowerCase();
  if (!needle) return [...rows];
  return rows.filter((row) =>
    [row.name, row.node, row.type, row.content, row.instance, ...row.nodes].some((field) =>
      field.toLowerCase().includes(needle),
    ),
  );
}

export interface GroupContext {
  nodes: readonly Node[];
  pbs: readonly PbsInstance[];
  clusters: readonly ClusterInfo[];
}

export function groupRows(
  rows: readonly StorageRow[],
  mode: GroupMode,
  context: GroupContext,
): StorageGroup[] {
  return mode === 'node' ? groupByPlace(rows, context) : groupByName(rows);
}

function groupByPlace(rows: readonly StorageRow[], context: GroupContext): StorageGroup[] {
  const groups = new Map<string, StorageGroup>();
  for (const row of rows) {
    const key = `${row.source}:${row.instance}:${row.node}`;
    let group = groups.get(key);
    if (!group) {
      group = placeGroup(key, row, context);
      groups.set(key, group);
    }
    addRow(group, row);
  }
  return [...groups.values()].sort(comparePlaces).map(sortRows);
}

function placeGroup(key: string, row: StorageRow, context: GroupContext): StorageGroup {
  const empty = { key, rows: [], used: 0, total: 0 };
  if (row.source === 'pbs') {
    const instance = context.pbs.find((entry) => entry.name === row.instance);
    return {
      ...empty,
      kind: 'pbs',
      title: row.instance,
      subtitle: `Backup Server${instance ? ` ${instance.version}` : ''}`,
      status: instance?.status ?? 'unknown',
    };
  }
  const cluster = context.clusters.find((entry) => entry.instance === row.instance);
  const place = cluster ? `cluster ${cluster.name}` : row.instance;
  if (row.node === 'shared') {
    const subtitle = row.nodes.join(', ');
    return { ...empty, kind: 'shared', title: `Shared · ${place}`, subtitle };
  }
  const node = context.nodes.find((n) => n.instance === row.instance && n.name === row.node);
  return {
    ...empty,
    kind: 'node',
    title: row.node,
    subtitle: cluster ? `Cluster ${cluster.name}` : 'Standalone node',
    status: node?.status ?? 'unknown',
  };
}

const KIND_ORDER: Record<StorageGroup['kind'], number> = { node: 0, shared: 1, storage: 0, pbs: 2 };

/** PVE instances in name order, each's nodes then its shared storage; Backup Servers last. */
function comparePlaces(a: StorageGroup, b: StorageGroup): number {
  const [aSource, aInstance = ''] = a.key.split(':');
  const [bSource, bInstance = ''] = b.key.split(':');
  if (aSource !== bSource) return aSource === 'pbs' ? 1 : -1;
  return (
    aInstance.localeCompare(bInstance) ||
    KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
    a.title.localeCompare(b.title)
  );
}

function groupByName(rows: readonly StorageRow[]): StorageGroup[] {
  const groups = new Map<string, StorageGroup>();
  for (const row of rows) {
    const key = `${row.source}:${row.name}`;
    let group = groups.get(key);
    if (!group) {
      group = { key, kind: 'storage', title: row.name, subtitle: '', rows: [], used: 0, total: 0 };
      groups.set(key, group);
    }
    addRow(group, row);
  }
  for (const group of groups.values()) group.subtitle = describeStorage(group.rows);
  return [...groups.values()]
    .sort((a, b) => a.title.localeCompare(b.title) || a.key.localeCompare(b.key))
    .map(sortRows);
}

function describeStorage(rows: readonly StorageRow[]): string {
  const types = [
    ...new Set(rows.map((row) => (row.source === 'pbs' ? 'PBS datastore' : row.type))),
  ];
  const first = rows[0];
  let where = `on ${rows.length} nodes`;
  if (rows.length === 1 && first?.shared) where = `shared by ${first.nodes.join(', ')}`;
  else if (rows.length === 1 && first) where = `on ${first.node}`;
  return `${types.join(', ')} · ${where}`;
}

function addRow(group: StorageGroup, row: StorageRow): void {
  group.rows.push(row);
  // Unavailable storage reports nothing meaningful; it must not dilute the totals.
  if (row.isAvailable) {
    group.used += row.used;
    group.total += row.total;
  }
}

function sortRows(group: StorageGroup): StorageGroup {
  group.rows.sort(
    (a, b) =>
      a.name.localeCompare(b.name) || a.node.localeCompare(b.node) || a.id.localeCompare(b.id),
  );
  return group;
}
