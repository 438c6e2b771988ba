import type { NodeConfig } from '../config/nodes-model.ts';
import type { ProxmoxError } from '../proxmox/errors.ts';
import type { CallCounter } from '../proxmox/transport.ts';
import type { EndpointSlice } from './slices.ts';

/** What one poll of one endpoint may use. */
export interface CycleContext {
  /** Counts from 0; cycle 0 collects everything, later ones the slow parts now and then. */
  cycle: number;
  /** Also collect what changes slowly: backups, snapshots, tasks, storage config, ZFS. */
  slow: boolean;
  /** Aborted when the cycle's deadline passes. */
  signal: AbortSignal;
  now: Date;
}

/** The outcome of one poll: the endpoint's new slice and what went partly wrong. */
export interface CollectResult {
  slice: EndpointSlice;
  /** Parts that failed while the endpoint itself answered (e.g. one datastore). */
  partialErrors: ProxmoxError[];
}

/**
 * Reads one configured endpoint into its slice of the state. A collector lives as long as
 * its poller and keeps what must survive between cycles (counters for rates, backups
 * already listed); the Proxmox client inside it can be swapped when the config changes.
 */
export interface Collector {
  readonly counter: CallCounter;
  collect(context: CycleContext): Promise<CollectResult>;
  /** The slice to show when the whole endpoint could not be read. */
  failed(error: ProxmoxError, now: Date): EndpointSlice;
  /**
   * Swaps in a client built from the changed config; the old one is closed once the
   * cycle in progress, if any, has finished with it.
   */
  reconfigure(config: NodeConfig, inProgress: Promise<unknown> | undefined): void;
  close(): Promise<void>;
}
