import type {
  AlertSummary,
  ClusterInfo,
  ConnectionHealth,
  Guest,
  Node,
  PbsBackup,
  PbsInstance,
  PulseState,
  PveBackups,
  Storage,
} from '@pulse/contract';
import { type Accessor, createMemo, createRoot, createSignal } from 'solid-js';
import { type Connection, connection } from './connection.ts';
import { INITIAL_SYNC, type LiveMessage, reduceLiveMessage } from './live-sync.ts';

const NO_BACKUPS: PveBackups = { backupTasks: [], storageBackups: [], guestSnapshots: [] };

/**
 * The server's live state as Solid accessors. Every accessor keeps its identity while its
 * part of the state is unchanged (deltas share untouched branches), so a page that reads
 * `storage()` does not re-render when only a guest's CPU moved.
 */
export interface LiveState {
  /** The whole state; undefined until the first full state arrives. */
  state: Accessor<PulseState | undefined>;
  /** True until the first state arrives: pages show skeletons, never an empty page. */
  isLoading: Accessor<boolean>;
  /**
   * True while endpoints are configured but none has finished its first poll, so an empty
   * list means "not yet" rather than "nothing there".
   */
  isAwaitingFirstPoll: Accessor<boolean>;
  /** True when no PVE or PBS endpoint is configured at all. */
  hasNoEndpoints: Accessor<boolean>;
  /** True while the socket is down and the state shown is the last one received. */
  isStale: Accessor<boolean>;
  /** Sequence number of the state held (grows by one per poll cycle). */
  seq: Accessor<number | undefined>;
  nodes: Accessor<Node[]>;
  vms: Accessor<Guest[]>;
  containers: Accessor<Guest[]>;
  /** VMs then containers, in the server's order. */
  guests: Accessor<Guest[]>;
  storage: Accessor<Storage[]>;
  pbs: Accessor<PbsInstance[]>;
  pbsBackups: Accessor<PbsBackup[]>;
  pveBackups: Accessor<PveBackups>;
  activeAlerts: Accessor<AlertSummary[]>;
  /** Active alerts keyed by `resourceId` (a guest, node, storage or PBS id). */
  alertsByResource: Accessor<ReadonlyMap<string, AlertSummary[]>>;
  connections: Accessor<ConnectionHealth[]>;
  clusters: Accessor<ClusterInfo[]>;
  /** When the server last changed the state (ISO time). */
  lastUpdate: Accessor<string | undefined>;
}

/** The connection features the store needs; the app passes its one `connection`. */
export type LiveSource = Pick<Connection, 'onMessage' | 'send' | 'status'>;

/**
 * Subscribes to the socket and keeps the state up to date with the delta protocol. Call
 * inside a reactive root; the subscription lasts as long as the source.
 */
export function createLiveState(source: LiveSource): LiveState {
  const [sync, setSync] = createSignal(INITIAL_SYNC);

  source.onMessage((message) => {
    const step = reduceLiveMessage(sync(), message as LiveMessage);
    if (step.requestData) source.send({ type: 'requestData' });
    if (step.sync !== sync()) setSync(step.sync);
  });

  const state = createMemo(() => sync().state);
  const part = <T>(pick: (s: PulseState) => T | undefined, empty: T): Accessor<T> =>
    createMemo(() => {
      const current = state();
      return (current && pick(current)) ?? empty;
    });

  const vms = part((s) => s.vms, []);
  const containers = part((s) => s.containers, []);
  const activeAlerts = part((s) => s.activeAlerts, []);
  const connections = part((s) => s.connections, []);

  return {
    state,
    isLoading: () => state() === undefined,
    isAwaitingFirstPoll: createMemo(() => {
      const list = connections();
      return list.length > 0 && list.every((entry) => entry.status === 'pending');
    }),
    hasNoEndpoints: () => state() !== undefined && connections().length === 0,
    isStale: () => state() !== undefined && source.status() !== 'connected',
    seq: createMemo(() => sync().seq),
    nodes: part((s) => s.nodes, []),
    vms,
    containers,
    guests: createMemo(() => [...vms(), ...containers()]),
    storage: part((s) => s.storage, []),
    pbs: part((s) => s.pbs, []),
    pbsBackups: part((s) => s.pbsBackups, []),
    pveBackups: part((s) => s.pveBackups, NO_BACKUPS),
    activeAlerts,
    alertsByResource: createMemo(() => groupByResource(activeAlerts())),
    connections,
    clusters: part((s) => s.clusters, []),
    lastUpdate: part((s) => s.lastUpdate, undefined),
  };
}

function groupByResource(alerts: readonly AlertSummary[]): ReadonlyMap<string, AlertSummary[]> {
  const byResource = new Map<string, AlertSummary[]>();
  for (const alert of alerts) {
    const list = byResource.get(alert.resourceId);
    if (list) list.push(alert);
    else byResource.set(alert.resourceId, [alert]);
  }
  return byResource;
}

/** The app's live state, fed by the app's one connection; lives as long as the page. */
export const liveState: LiveState = createRoot(() => createLiveState(connection));
