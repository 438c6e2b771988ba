/**
 * What history records, per kind of resource, and how each value is read from the live
 * state. The state types here are structural views: any state with these fields (the
 * Monitor's) can be recorded, and history depends on nothing else of it.
 */

export interface UsageView {
  total?: number;
  used?: number;
  free?: number;
  /** Percent, 0-100. */
  usage?: number;
}

export interface GuestView {
  id: string;
  /** The configured endpoint it was read through. */
  instance?: string;
  /** Fraction of allotted CPUs, 0-1. */
  cpu?: number;
  memory?: UsageView;
  disk?: UsageView;
  diskRead?: number;
  diskWrite?: number;
  networkIn?: number;
  networkOut?: number;
}

export interface NodeView {
  id: string;
  instance?: string;
  /** Fraction, 0-1. */
  cpu?: number;
  memory?: UsageView;
  disk?: UsageView;
}

export interface StorageView extends UsageView {
  id: string;
  instance?: string;
}

export interface DatastoreView extends UsageView {
  /** Filled by newer states; otherwise the id is `<pbs instance id>-<datastore name>`. */
  id?: string;
  name: string;
}

export interface PbsView {
  id: string;
  datastores?: DatastoreView[] | null;
}

/** The part of the live state that history reads. */
export interface HistoryStateView {
  nodes?: NodeView[] | null;
  vms?: GuestView[] | null;
  containers?: GuestView[] | null;
  storage?: StorageView[] | null;
  pbs?: PbsView[] | null;
}

export type ResourceKind = 'guest' | 'node' | 'storage' | 'datastore';

export interface MetricDefinition {
  name: string;
  /** Stored integer units per displayed unit: percentages keep two decimals. */
  scale: number;
}

const PERCENT = 100;
const BYTES = 1;

/** Metric names are those of the chart API; their position is their storage column. */
export const METRICS: Record<ResourceKind, MetricDefinition[]> = {
  guest: [
    { name: 'cpu', scale: PERCENT },
    { name: 'memory', scale: PERCENT },
    { name: 'disk', scale: PERCENT },
    { name: 'diskread', scale: BYTES },
    { name: 'diskwrite', scale: BYTES },
    { name: 'netin', scale: BYTES },
    { name: 'netout', scale: BYTES },
  ],
  node: [
    { name: 'cpu', scale: PERCENT },
    { name: 'memory', scale: PERCENT },
    { name: 'disk', scale: PERCENT },
  ],
  storage: [
    { name: 'usage', scale: PERCENT },
    { name: 'used', scale: BYTES },
    { name: 'total', scale: BYTES },
    { name: 'avail', scale: BYTES },
  ],
  datastore: [
    { name: 'usage', scale: PERCENT },
    { name: 'used', scale: BYTES },
    { name: 'total', scale: BYTES },
    { name: 'avail', scale: BYTES },
  ],
};

/** Storage columns per row: the most metrics any kind has. */
export const METRIC_SLOTS = 7;

/** A value as displayed: percent for cpu/memory/disk/usage, bytes or bytes per second else. */
export type MetricValue = number | null;

export interface ResourceSample {
  kind: ResourceKind;
  id: string;
  /** Endpoint key it came from: the PVE instance name, or the PBS id `pbs-<name>`. */
  endpoint: string | undefined;
  values: MetricValue[];
}

function finite(value: number | undefined): MetricValue {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function percentOfFraction(value: number | undefined): MetricValue {
  const fraction = finite(value);
  return fraction === null ? null : fraction * 100;
}

export function guestValues(guest: GuestView): MetricValue[] {
  return [
    percentOfFraction(guest.cpu),
    finite(guest.memory?.usage),
    finite(guest.disk?.usage),
    finite(guest.diskRead),
    finite(guest.diskWrite),
    finite(guest.networkIn),
    finite(guest.networkOut),
  ];
}

export function nodeValues(node: NodeView): MetricValue[] {
  return [percentOfFraction(node.cpu), finite(node.memory?.usage), finite(node.disk?.usage)];
}

export function capacityValues(item: UsageView): MetricValue[] {
  return [finite(item.usage), finite(item.used), finite(item.total), finite(item.free)];
}

export function datastoreId(pbs: PbsView, datastore: DatastoreView): string {
  return datastore.id ?? `${pbs.id}-${datastore.name}`;
}

/** Every resource of the state with its current values, in display units. */
export function* samplesOf(state: HistoryStateView): Generator<ResourceSample> {
  for (const guests of [state.vms, state.containers]) {
    for (const guest of guests ?? []) {
      yield { kind: 'guest', id: guest.id, endpoint: guest.instance, values: guestValues(guest) };
    }
  }
  for (const node of state.nodes ?? []) {
    yield { kind: 'node', id: node.id, endpoint: node.instance, values: nodeValues(node) };
  }
  for (const storage of state.storage ?? []) {
    const values = capacityValues(storage);
    yield { kind: 'storage', id: storage.id, endpoint: storage.instance, values };
  }
  for (const pbs of state.pbs ?? []) {
    for (const datastore of pbs.datastores ?? []) {
      const id = datastoreId(pbs, datastore);
      yield { kind: 'datastore', id, endpoint: pbs.id, values: capacityValues(datastore) };
    }
  }
}
