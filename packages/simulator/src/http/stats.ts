interface Tally {
  requests: number;
  bytes: number;
  totalMs: number;
  maxMs: number;
}

function empty(): Tally {
  return { requests: 0, bytes: 0, totalMs: 0, maxMs: 0 };
}

function add(tally: Tally, bytes: number, ms: number): void {
  tally.requests += 1;
  tally.bytes += bytes;
  tally.totalMs += ms;
  tally.maxMs = Math.max(tally.maxMs, ms);
}

/**
 * Requests served, per endpoint, per route and per identity: the load a monitor puts on
 * Proxmox.
 */
export class Stats {
  private total = empty();
  private byPath = new Map<string, Tally>();
  private byIdentity = new Map<string, Tally>();
  private since = Date.now();

  record(endpoint: string, path: string, identity: string, bytes: number, ms: number): void {
    add(this.total, bytes, ms);
    for (const [map, key] of [
      [this.byPath, `${endpoint} ${path}`],
      [this.byIdentity, `${endpoint} ${identity}`],
    ] as const) {
      const tally = map.get(key) ?? empty();
      map.set(key, tally);
      add(tally, bytes, ms);
    }
  }

  reset(): void {
    this.total = empty();
    this.byPath = new Map();
    this.byIdentity = new Map();
    this.since = Date.now();
  }

  snapshot() {
    const render = (map: Map<string, Tally>) =>
      Object.fromEntries(
        [...map].map(([key, t]) => [key, { ...t, avgMs: t.requests ? t.totalMs / t.requests : 0 }]),
      );
    return {
      since: this.since,
      total: this.total,
      paths: render(this.byPath),
      identities: render(this.byIdentity),
    };
  }
}
