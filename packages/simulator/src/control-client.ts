import { Agent, fetch } from 'undici';
import type { Fault } from './http/faults.ts';

/** A typed client of the `/_sim/` control API of one simulated endpoint. */
export interface ControlClient {
  state(): Promise<SimState>;
  addFault(fault: Omit<Fault, 'id'>): Promise<{ id: string }>;
  removeFault(id: string): Promise<void>;
  clearFaults(): Promise<void>;
  setGuest(
    vmid: number,
    change: { status?: 'running' | 'stopped'; cpu?: number; mem?: number; node?: string },
  ): Promise<void>;
  advanceClock(seconds: number): Promise<{ time: number }>;
  stats(): Promise<SimStats>;
  resetStats(): Promise<void>;
}

export interface SimState {
  scenario: string;
  time: number;
  endpoints: {
    name: string;
    type: 'pve' | 'pbs';
    version: number;
    url: string;
    cluster: string | null;
    nodes: {
      node: string;
      status: 'online' | 'offline';
      url: string | null;
      guests: {
        vmid: number;
        name: string;
        type: 'qemu' | 'lxc';
        status: string;
        template: boolean;
        cpu: number;
        mem: number;
        maxmem: number;
      }[];
      storage: { storage: string; type: string; shared: boolean }[];
    }[];
    /** Replication jobs of a PVE endpoint with their last result (Unix seconds). */
    replication: {
      id: string;
      guest: number;
      source: string | null;
      target: string;
      lastSync: number;
      lastTry: number;
      nextSync: number;
      failCount: number;
      failing: boolean;
    }[];
    datastores: { name: string; namespaces: string[]; snapshots: number; groups: number }[];
  }[];
  faults: Fault[];
}

export interface SimTally {
  requests: number;
  bytes: number;
  totalMs: number;
  maxMs: number;
  avgMs: number;
}

export interface SimStats {
  since: number;
  total: Omit<SimTally, 'avgMs'>;
  /** Keyed by `<endpoint> <METHOD> <path template>`. */
  paths: Record<string, SimTally>;
  /** Keyed by `<endpoint> <user or token id>`. */
  identities: Record<string, SimTally>;
}

// The simulator's certificates are self-signed; only control calls skip verification.
const INSECURE = new Agent({ connect: { rejectUnauthorized: false } });

/** A control client for an endpoint as listed by `startSimulator` or the CLI. */
export function simControl(endpoint: { url: string; controlToken: string }): ControlClient {
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${endpoint.url}/_sim/${path}`, {
      method,
      dispatcher: INSECURE,
      headers: {
        authorization: `Bearer ${endpoint.controlToken}`,
        'content-type': 'application/json',
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await res.json()) as T & { error?: string };
    if (!res.ok)
      throw new Error(
        `simulator control ${method} /_sim/${path}: ${res.status} ${json.error ?? ''}`,
      );
    return json;
  };
  return {
    state: () => call('GET', 'state'),
    addFault: (fault) => call('POST', 'faults', fault),
    removeFault: async (id) => void (await call('DELETE', `faults/${id}`)),
    clearFaults: async () => void (await call('DELETE', 'faults')),
    setGuest: async (vmid, change) => void (await call('POST', `guests/${vmid}`, change)),
    advanceClock: (seconds) => call('POST', 'clock', { advance: seconds }),
    stats: () => call('GET', 'stats'),
    resetStats: async () => void (await call('POST', 'stats/reset')),
  };
}
