import type {
  AlertSummary,
  ConnectionHealth,
  Guest,
  PulseState,
  ResolvedAlertSummary,
} from '@pulse/contract';
import { attributeBackups } from './backup-attribution.ts';
import type { EndpointSlice, PbsSlice, PveSlice } from './slices.ts';

export interface LiveStateOptions {
  version: string;
  /** Connected WebSocket clients, for `stats.webSocketClients`. */
  webSocketClients?: () => number;
}

const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);
const byVmid = (a: Guest, b: Guest) => a.vmid - b.vmid || a.id.localeCompare(b.id);
const newestFirst =
  <T>(time: (item: T) => string) =>
  (a: T, b: T) =>
    time(b).localeCompare(time(a));

/**
 * The live state: one slice per configured endpoint, replaced whole after each of its
 * polls, and the merged `PulseState` built from them. The merge is cached until a slice
 * changes, so `GET /api/state` and the WebSocket never rebuild it more than once per poll.
 */
export class LiveState {
  private readonly slices = new Map<string, EndpointSlice>();
  private readonly health = new Map<string, ConnectionHealth>();
  private activeAlerts: AlertSummary[] = [];
  private recentlyResolved: ResolvedAlertSummary[] = [];
  private readonly startTime = new Date();
  private lastUpdate = new Date();
  private cached: PulseState | undefined;
  private json: { state: PulseState; text: string } | undefined;
  private pollingCycles = 0;
  private totalApiCalls = 0;
  private failedApiCalls = 0;

  constructor(private readonly options: LiveStateOptions) {}

  setSlice(configId: string, slice: EndpointSlice): void {
    this.slices.set(configId, slice);
    this.touch();
  }

  getSlice(configId: string): EndpointSlice | undefined {
    return this.slices.get(configId);
  }

  setHealth(configId: string, health: ConnectionHealth): void {
    this.health.set(configId, health);
    this.touch();
  }

  remove(configId: string): void {
    this.slices.delete(configId);
    this.health.delete(configId);
    this.touch();
  }

  /** Counts one finished endpoint poll and its API calls. */
  recordPoll(apiCalls: number, failedCalls: number): void {
    this.pollingCycles += 1;
    this.totalApiCalls += apiCalls;
    this.failedApiCalls += failedCalls;
    this.touch();
  }

  /** Called by the alert engine after each evaluation. */
  setAlerts(active: AlertSummary[], resolved: ResolvedAlertSummary[]): void {
    this.activeAlerts = active;
    this.recentlyResolved = resolved;
    this.touch();
  }

  snapshot(): PulseState {
    if (!this.cached) this.cached = this.build();
    return this.withLiveStats(this.cached);
  }

  /** The snapshot as JSON, serialised once per change (it runs to megabytes at scale). */
  snapshotJson(): string {
    const state = this.snapshot();
    if (this.json?.state !== state) this.json = { state, text: JSON.stringify(state) };
    return this.json.text;
  }

  private touch(): void {
    this.lastUpdate = new Date();
    this.cached = undefined;
  }

  private withLiveStats(state: PulseState): PulseState {
    const uptime = Math.floor((Date.now() - this.startTime.getTime()) / 1000);
    const clients = this.options.webSocketClients?.() ?? 0;
    if (state.stats.uptime === uptime && state.stats.webSocketClients === clients) return state;
    // Kept as the new cached value, so repeated reads within a second share one object.
    this.cached = { ...state, stats: { ...state.stats, uptime, webSocketClients: clients } };
    return this.cached;
  }

  private build(): PulseState {
    const pve = [...this.slices.values()].filter((s): s is PveSlice => s.kind === 'pve');
    const pbs = [...this.slices.values()].filter((s): s is PbsSlice => s.kind === 'pbs');
    const attribution = attributeBackups(pve, pbs);
    const withBackup = (guest: Guest) => {
      const lastBackup = attribution.lastBackup.get(guest.id) ?? null;
      return lastBackup === guest.lastBackup ? guest : { ...guest, lastBackup };
    };

    return {
      nodes: pve.flatMap((s) => s.nodes).sort(byName),
      vms: pve.flatMap((s) => s.vms.map(withBackup)).sort(byVmid),
      containers: pve.flatMap((s) => s.containers.map(withBackup)).sort(byVmid),
      storage: pve
        .flatMap((s) => s.storage)
        .sort(
          (a, b) =>
            a.instance.localeCompare(b.instance) || byName(a, b) || a.id.localeCompare(b.id),
        ),
      pbs: pbs.map((s) => s.instance),
      pbsBackups: attribution.pbsBackups.sort(newestFirst((b) => b.backupTime)),
      metrics: [],
      pveBackups: {
        backupTasks: pve.flatMap((s) => s.backupTasks).sort(newestFirst((t) => t.startTime)),
        storageBackups: attribution.storageBackups.sort(newestFirst((b) => b.time)),
        guestSnapshots: pve.flatMap((s) => s.guestSnapshots).sort(newestFirst((s) => s.time)),
      },
      performance: this.performance(),
      connectionHealth: this.connectionMap(),
      stats: {
        startTime: this.startTime.toISOString(),
        uptime: 0,
        pollingCycles: this.pollingCycles,
        webSocketClients: 0,
        version: this.options.version,
      },
      activeAlerts: this.activeAlerts,
      recentlyResolved: this.recentlyResolved,
      lastUpdate: this.lastUpdate.toISOString(),
      connections: [...this.health.values()].sort((a, b) => a.id.localeCompare(b.id)),
      clusters: pve.flatMap((s) => (s.cluster ? [s.cluster] : [])),
      replicationJobs: pve.flatMap((s) => s.replicationJobs),
      failedTasks: pve.flatMap((s) => s.failedTasks).sort(newestFirst((t) => t.startTime)),
    };
  }

  private connectionMap(): Record<string, boolean> {
    const map: Record<string, boolean> = {};
    for (const health of this.health.values()) {
      map[health.id] = health.status === 'healthy' || health.status === 'degraded';
    }
    return map;
  }

  private performance(): PulseState['performance'] {
    const apiCallDuration: Record<string, number> = {};
    const apiCallsPerCycle: Record<string, number> = {};
    let slowest = 0;
    for (const health of this.health.values()) {
      apiCallsPerCycle[health.id] = health.apiCalls;
      apiCallDuration[health.id] = health.apiCalls
        ? health.lastPollDurationMs / health.apiCalls
        : 0;
      slowest = Math.max(slowest, health.lastPollDurationMs / 1000);
    }
    return {
      apiCallDuration,
      lastPollDuration: slowest,
      pollingStartTime: this.startTime.toISOString(),
      totalApiCalls: this.totalApiCalls,
      failedApiCalls: this.failedApiCalls,
      apiCallsPerCycle,
    };
  }
}
