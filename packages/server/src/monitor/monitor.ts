import type { ConnectionHealth, PulseState } from '@pulse/contract';
import type { ClusterMembership, NodeConfig } from '../config/nodes-model.ts';
import type { Logger } from '../logger.ts';
import type { Collector } from './collector.ts';
import { type CycleInfo, EndpointPoller } from './endpoint-poller.ts';
import { LiveState } from './live-state.ts';
import { PbsCollector } from './pbs/pbs-collector.ts';
import { PveCollector } from './pve/pve-collector.ts';

export type { CycleInfo } from './endpoint-poller.ts';

export interface MonitorOptions {
  log: Logger;
  /** The configured endpoints with decrypted credentials; read again by `reloadNodes`. */
  loadNodes(): NodeConfig[];
  /** Seconds between polls of each endpoint. */
  pollingInterval: number;
  /** Seconds before one request to Proxmox is abandoned. */
  connectionTimeout: number;
  version: string;
  webSocketClients?: () => number;
  /** Called when a cluster's members change, so they can be saved for failover. */
  onClusterMembership?(configId: string, membership: ClusterMembership): void;
}

export type CycleListener = (state: PulseState, info: CycleInfo) => void;

/**
 * Watches every configured Proxmox endpoint: one long-lived poller each, started
 * staggered over the polling interval, and one live state they all write into. Created
 * once per process; configuration changes reconfigure it, they never replace it.
 */
export class Monitor {
  private readonly state: LiveState;
  private readonly pollers = new Map<string, EndpointPoller>();
  private readonly listeners = new Set<CycleListener>();
  private readonly log: Logger;
  private intervalMs: number;
  private timeoutMs: number;
  private started = false;

  constructor(private readonly options: MonitorOptions) {
    this.log = options.log.child({ module: 'monitor' });
    this.intervalMs = options.pollingInterval * 1000;
    this.timeoutMs = options.connectionTimeout * 1000;
    this.state = new LiveState({
      version: options.version,
      webSocketClients: options.webSocketClients,
    });
    void this.syncPollers();
  }

  /** Starts polling, spreading the endpoints' first polls over one interval. */
  start(): void {
    if (this.started) return;
    this.started = true;
    const pollers = [...this.pollers.values()];
    pollers.forEach((poller, index) => {
      poller.start((index * this.intervalMs) / Math.max(1, pollers.length));
    });
    this.log.info({ endpoints: pollers.length, intervalMs: this.intervalMs }, 'monitor started');
  }

  async stop(): Promise<void> {
    this.started = false;
    await Promise.all([...this.pollers.values()].map((poller) => poller.stop()));
    this.log.info('monitor stopped');
  }

  getState(): PulseState {
    return this.state.snapshot();
  }

  /** `getState()` as JSON, serialised once per change and shared by every reader. */
  getStateJson(): string {
    return this.state.snapshotJson();
  }

  /** Health of one configured node, by its config ID. */
  getHealth(configId: string): ConnectionHealth | undefined {
    return this.state.snapshot().connections.find((health) => health.configId === configId);
  }

  /** Called after each endpoint's poll has been merged into the state. */
  onCycle(listener: CycleListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Lets the alert engine publish its summaries into the state. */
  setAlerts(...args: Parameters<LiveState['setAlerts']>): void {
    this.state.setAlerts(...args);
  }

  setPollingInterval(seconds: number): void {
    this.intervalMs = seconds * 1000;
    for (const poller of this.pollers.values()) poller.reschedule();
    this.log.info({ intervalMs: this.intervalMs }, 'polling interval changed');
  }

  setConnectionTimeout(seconds: number): void {
    this.timeoutMs = seconds * 1000;
    void this.reloadNodes();
  }

  /** Re-reads the node configuration: adds, updates and removes pollers in place. */
  async reloadNodes(): Promise<void> {
    await this.syncPollers();
  }

  /**
   * Polls every endpoint once now and resolves when all have been merged (tests, CLI);
   * `slow` includes backups, snapshots and tasks however recently they were read.
   */
  async pollOnce(options: { slow?: boolean } = {}): Promise<CycleInfo[]> {
    return Promise.all([...this.pollers.values()].map((poller) => poller.pollNow(options)));
  }

  private async syncPollers(): Promise<void> {
    const configs = this.options.loadNodes();
    const wanted = new Set(configs.map((config) => config.id));
    const work: Promise<void>[] = [];

    for (const [id, poller] of this.pollers) {
      if (wanted.has(id)) continue;
      this.pollers.delete(id);
      work.push(poller.stop().then(() => this.state.remove(id)));
      this.log.info({ endpoint: poller.key }, 'endpoint removed');
    }
    for (const config of configs) {
      const existing = this.pollers.get(config.id);
      if (existing) {
        work.push(existing.update(config));
        continue;
      }
      const poller = new EndpointPoller(config, this.pollerDeps());
      this.pollers.set(config.id, poller);
      if (this.started) poller.start(0);
      this.log.info({ endpoint: poller.key }, 'endpoint added');
    }
    await Promise.all(work);
  }

  private pollerDeps() {
    return {
      state: this.state,
      log: this.log,
      intervalMs: () => this.intervalMs,
      timeoutMs: () => this.timeoutMs,
      createCollector: (config: NodeConfig) => this.createCollector(config),
      emit: (info: CycleInfo) => this.emit(info),
    };
  }

  private createCollector(config: NodeConfig): Collector {
    const shared = {
      timeoutMs: () => this.timeoutMs,
      log: this.log,
    };
    if (config.type === 'pbs') return new PbsCollector(config, shared);
    return new PveCollector(config, {
      ...shared,
      onClusterMembership: (membership) =>
        this.options.onClusterMembership?.(config.id, membership),
    });
  }

  private emit(info: CycleInfo): void {
    if (this.listeners.size === 0) return;
    const state = this.state.snapshot();
    for (const listener of this.listeners) {
      try {
        listener(state, info);
      } catch (err) {
        this.log.error({ err, endpoint: info.endpoint }, 'cycle listener failed');
      }
    }
  }
}
