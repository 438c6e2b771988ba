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

export interface Fault {
  id: string;
  /** An endpoint name, a node name, or (for agent-gone) a vmid. */
  target: string;
  kind: FaultKind;
  /** Milliseconds (latency, hang), an HTTP status (error). */
  value?: number;
  /** Share of requests affected (error, malformed); all when absent. */
  rate?: number;
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

  /** The first fault of `kind` aimed at any of `targets`. */
  find(kind: FaultKind, targets: string[]): Fault | undefined {
    return this.list().find((f) => f.kind === kind && targets.includes(f.target));
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
