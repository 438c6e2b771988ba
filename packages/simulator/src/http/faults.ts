/** Ways the control API can break a simulated endpoint. */
export const FAULT_KINDS = [
  'down',
  'hang',
  'latency',
  'error',
  'malformed',
  'cert-rotated',
  'auth-revoked',
  'agent-gone',
  'backup-failing',
] as const;

export type FaultKind = (typeof FAULT_KINDS)[number];

/** Kinds that can hit a single PBS datastore or namespace: they act on one request at a time. */
export const SCOPED_FAULT_KINDS: readonly FaultKind[] = ['error', 'latency', 'malformed'];

/** What a PBS request touches: a datastore, and the namespace it names (root is `''`). */
export interface FaultScope {
  datastore: string;
  namespace: string;
}

export interface Fault {
  id: string;
  /** An endpoint name, a node name, or (for agent-gone) a vmid. */
  target: string;
  kind: FaultKind;
  /** Milliseconds (latency, hang), an HTTP status (error). */
  value?: number;
  /** Share of requests affected (error, malformed); all when absent. */
  rate?: number;
  /**
   * PBS only: the fault hits requests about this datastore alone. Only `error`, `latency`
   * and `malformed` can be scoped this way.
   */
  datastore?: string;
  /** PBS only, with `datastore`: the fault hits this namespace (`''` is the root) and below. */
  namespace?: string;
}

/** Whether a fault applies to a request with this scope; unscoped faults apply to all. */
function covers(fault: Fault, scope: FaultScope | undefined): boolean {
  if (fault.datastore === undefined) return true;
  if (scope?.datastore !== fault.datastore) return false;
  if (fault.namespace === undefined) return true;
  return scope.namespace === fault.namespace || scope.namespace.startsWith(`${fault.namespace}/`);
}

/** The error text of a fault, naming the datastore or namespace it is aimed at. */
export function faultMessage(fault: Fault): string {
  if (fault.datastore === undefined) return 'simulated failure';
  if (fault.namespace === undefined) return `simulated failure of datastore '${fault.datastore}'`;
  return `simulated failure of namespace '${fault.namespace}' in datastore '${fault.datastore}'`;
}

/** Active faults, looked up by what a request touches: its endpoint and node. */
export class FaultRegistry {
  private readonly faults = new Map<string, Fault>();
  private next = 1;
  private hits = 0;

  add(fault: Omit<Fault, 'id'>): Fault {
    const stored = { ...fault, id: String(this.next++) };
    this.faults.set(stored.id, stored);
    return stored;
  }

  remove(id: string): Fault | undefined {
    const fault = this.faults.get(id);
    this.faults.delete(id);
    return fault;
  }

  clear(): Fault[] {
    const all = this.list();
    this.faults.clear();
    return all;
  }

  list(): Fault[] {
    return [...this.faults.values()];
  }

  /**
   * The first fault of `kind` aimed at any of `targets` that covers `scope`. Without a scope,
   * faults aimed at one datastore or namespace do not count.
   */
  find(kind: FaultKind, targets: string[], scope?: FaultScope): Fault | undefined {
    return this.list().find(
      (f) => f.kind === kind && targets.includes(f.target) && covers(f, scope),
    );
  }

  /** An `error` fault aimed at a whole datastore (not one of its namespaces). */
  datastoreError(targets: string[], datastore: string): Fault | undefined {
    return this.list().find(
      (f) =>
        f.kind === 'error' &&
        targets.includes(f.target) &&
        f.datastore === datastore &&
        f.namespace === undefined,
    );
  }

  /**
   * Whether a rate-limited fault applies to this request. A fixed stride over the request
   * count keeps the outcome reproducible where randomness would make tests flaky.
   */
  strikes(fault: Fault): boolean {
    if (fault.rate === undefined || fault.rate >= 1) return true;
    this.hits += 1;
    return Math.floor(this.hits * fault.rate) !== Math.floor((this.hits - 1) * fault.rate);
  }
}
