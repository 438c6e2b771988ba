import type { ClusterEndpoint, Guest } from '@pulse/contract';
import type { ClusterMembership, NodeConfig } from '../../config/nodes-model.ts';
import type { Logger } from '../../logger.ts';
import type { ProxmoxClient } from '../../proxmox/client.ts';
import { isProxmoxError, type ProxmoxError } from '../../proxmox/errors.ts';
import { list, num, record, str } from '../../proxmox/parse.ts';
import { normalizeFingerprint } from '../../proxmox/tls.ts';
import { closeWhenSettled, clusterMembers, createClient, tlsPolicy } from '../client-factory.ts';
import type { Collector, CollectResult, CycleContext } from '../collector.ts';
import { RateTracker } from '../rate-tracker.ts';
import { emptyPveSlice, type PveSlice } from '../slices.ts';
import { fetchVmDetail, type VmDetail } from './guest-detail.ts';
import {
  type ClusterStatus,
  clusterEndpoints,
  clusterInfo,
  membershipChanged,
  parseClusterStatus,
} from './pve-cluster.ts';
import { buildGuest } from './pve-guests.ts';
import { buildNode, pveMajor } from './pve-nodes.ts';
import { PveSlowData } from './pve-slow.ts';
import { buildStorage, parseStorageConfig, pbsTargets, type StorageConfig } from './pve-storage.ts';

export interface PveCollectorDeps {
  timeoutMs(): number;
  log: Logger;
  onClusterMembership?(membership: ClusterMembership): void;
}

/** Balloon size, QEMU status and agent disk usage change slowly; read them once a minute. */
const DETAIL_MAX_AGE_MS = 60_000;
const DETAIL_CALLS_PER_CYCLE = 250;

type Resource = Record<string, unknown>;

/**
 * Polls one PVE endpoint (a whole cluster through one member, or a standalone node).
 * Per cycle: `/cluster/status`, one `/cluster/resources` for every node, guest and
 * storage figure, then `/nodes/{node}/status` per online node, and per-VM detail only
 * when it is due. Slow data is refreshed on slow cycles.
 */
export class PveCollector implements Collector {
  private client: ProxmoxClient;
  private readonly rates = new RateTracker();
  private readonly details = new Map<string, VmDetail>();
  private readonly slowData: PveSlowData;
  private readonly lastSeen = new Map<string, string>();
  private readonly fingerprints = new Map<string, string>();
  private storageConfig: StorageConfig = new Map();
  private members: ClusterEndpoint[];
  private last: PveSlice | undefined;

  constructor(
    private config: NodeConfig,
    private readonly deps: PveCollectorDeps,
  ) {
    this.client = createClient(config, { timeoutMs: deps.timeoutMs() });
    this.slowData = new PveSlowData(this.client);
    this.members = config.cluster?.endpoints ?? [];
  }

  get counter() {
    return this.client.counter;
  }

  reconfigure(config: NodeConfig, inProgress: Promise<unknown> | undefined): void {
    const old = this.client;
    this.config = { ...config, cluster: config.cluster ?? this.config.cluster };
    this.client = createClient(this.config, { timeoutMs: this.deps.timeoutMs() });
    this.slowData.setClient(this.client);
    closeWhenSettled(old, inProgress);
  }

  async close(): Promise<void> {
    await this.client.close();
  }

  async collect(context: CycleContext): Promise<CollectResult> {
    const { signal } = context;
    const partialErrors: ProxmoxError[] = [];
    const note = (err: unknown) => this.noteFailure(err, partialErrors);

    const [statusData, resourceData] = await Promise.all([
      this.client.get('/cluster/status', { signal }).catch((err) => note(err)),
      this.client.get('/cluster/resources', { signal }),
    ]);
    const cluster = parseClusterStatus(statusData);
    const resources = list(resourceData);
    const nodes = resources.filter((r) => str(r.type) === 'node');
    const online = nodes.filter((n) => str(n.status) === 'online').map((n) => str(n.node));

    if (context.slow) await this.refreshConfig(cluster, online.length > 0, context, note);
    const statuses = await this.nodeStatuses(online, signal, note);
    const guests = this.guestResources(resources);
    await this.refreshDetails(guests, statuses, context, note);
    if (context.slow) {
      partialErrors.push(...(await this.refreshSlow(resources, guests, online, context)));
    }

    const slice = this.buildSlice(context.now, cluster, nodes, statuses, guests, resources);
    this.last = slice;
    return { slice, partialErrors };
  }

  failed(error: ProxmoxError): PveSlice {
    const reason = error.kind === 'auth' ? 'authentication failed' : `endpoint ${error.kind}`;
    const last = this.last ?? emptyPveSlice(this.config.name);
    const unknown = (guest: Guest): Guest => ({
      ...guest,
      status: 'unknown',
      cpu: 0,
      networkIn: 0,
      networkOut: 0,
      diskRead: 0,
      diskWrite: 0,
    });
    return {
      ...last,
      nodes: last.nodes.map((node) => ({
        ...node,
        status: 'offline' as const,
        connectionHealth: 'error' as const,
        cpu: 0,
        statusReason: reason,
      })),
      vms: last.vms.map(unknown),
      containers: last.containers.map(unknown),
      storage: last.storage.map((storage) => ({
        ...storage,
        status: 'unknown' as const,
        active: false,
      })),
      cluster: last.cluster ? { ...last.cluster, onlineNodes: 0, status: 'degraded' } : null,
    };
  }

  private noteFailure(err: unknown, errors: ProxmoxError[]): undefined {
    if (!isProxmoxError(err) || err.isConnectionFailure) throw err;
    errors.push(err);
    return undefined;
  }

  private guestResources(resources: Resource[]): Resource[] {
    const { vms, containers } = this.config.monitor;
    return resources.filter((r) => {
      const type = str(r.type);
      if (num(r.template)) return false;
      return (type === 'qemu' && vms) || (type === 'lxc' && containers);
    });
  }

  private async nodeStatuses(
    online: string[],
    signal: AbortSignal,
    note: (err: unknown) => undefined,
  ): Promise<Map<string, Resource>> {
    const entries = await Promise.all(
      online.map(async (node) => {
        const data = await this.client
          .get(`/nodes/${encodeURIComponent(node)}/status`, { signal })
          .catch((err) => note(err));
        return [node, record(data)] as const;
      }),
    );
    return new Map(entries.filter(([, data]) => Object.keys(data).length > 0));
  }

  /**
   * Per-VM calls for running VMs whose detail is missing or older than a minute, never
   * more than a budget per cycle (VMs never read first, then the stalest), so a large
   * cluster is swept over a few cycles instead of being hit with thousands of calls.
   */
  private async refreshDetails(
    guests: Resource[],
    statuses: Map<string, Resource>,
    context: CycleContext,
    note: (err: unknown) => undefined,
  ): Promise<void> {
    const age = (r: Resource) => this.details.get(this.guestId(r))?.fetchedAt ?? -1;
    const due = guests
      .filter((r) => {
        if (str(r.type) !== 'qemu' || str(r.status) !== 'running') return false;
        const fetchedAt = age(r);
        return fetchedAt < 0 || context.now.getTime() - fetchedAt >= DETAIL_MAX_AGE_MS;
      })
      .sort((a, b) => age(a) - age(b))
      .slice(0, DETAIL_CALLS_PER_CYCLE);
    await Promise.all(
      due.map(async (r) => {
        const node = str(r.node);
        const major = pveMajor(str(statuses.get(node)?.pveversion));
        const detail = await fetchVmDetail(
          this.client,
          node,
          num(r.vmid),
          major,
          context.signal,
        ).catch((err) => note(err));
        if (detail)
          this.details.set(this.guestId(r), { ...detail, fetchedAt: context.now.getTime() });
      }),
    );
  }

  private async refreshConfig(
    status: ClusterStatus,
    reachable: boolean,
    context: CycleContext,
    note: (err: unknown) => undefined,
  ): Promise<void> {
    const { signal } = context;
    if (this.config.monitor.storage || this.config.monitor.backups) {
      const data = await this.client.get('/storage', { signal }).catch((err) => note(err));
      if (data !== undefined) this.storageConfig = parseStorageConfig(data);
    }
    if (!status.name || !reachable) return;
    if (this.config.fingerprint) {
      const nodes = await this.client.get('/nodes', { signal }).catch((err) => note(err));
      for (const node of list(nodes)) {
        const fingerprint = str(node.ssl_fingerprint);
        if (fingerprint) this.fingerprints.set(str(node.node), normalizeFingerprint(fingerprint));
      }
    }
    this.updateMembership(status, context.now);
  }

  private updateMembership(status: ClusterStatus, now: Date): void {
    const members = clusterEndpoints(
      status,
      this.config.host,
      this.members,
      this.fingerprints,
      now.toISOString(),
    );
    const changed = membershipChanged(this.members, members);
    this.members = members;
    if (!changed || !status.name) return;
    const membership = { name: status.name, endpoints: members };
    this.config = { ...this.config, cluster: membership };
    this.client.setMembers([
      { baseUrl: this.config.host, tls: tlsPolicy(this.config) },
      ...clusterMembers(this.config),
    ]);
    this.deps.log.info(
      { endpoint: this.config.name, members: members.length },
      'cluster members updated',
    );
    this.deps.onClusterMembership?.(membership);
  }

  private async refreshSlow(
    resources: Resource[],
    guests: Resource[],
    online: string[],
    context: CycleContext,
  ): Promise<ProxmoxError[]> {
    const onlineSet = new Set(online);
    return this.slowData.refresh({
      instance: this.config.name,
      flags: this.config.monitor,
      onlineNodes: online,
      guests: guests.map((r) => ({
        id: this.guestId(r),
        node: str(r.node),
        vmid: num(r.vmid),
        type: str(r.type) === 'lxc' ? ('lxc' as const) : ('qemu' as const),
        nodeOnline: onlineSet.has(str(r.node)),
      })),
      storages: resources.filter((r) => str(r.type) === 'storage'),
      storageConfig: this.storageConfig,
      signal: context.signal,
      now: context.now,
    });
  }

  private guestId(resource: Resource): string {
    return `${this.config.name}-${str(resource.node)}-${num(resource.vmid)}`;
  }

  private buildSlice(
    now: Date,
    status: ClusterStatus,
    nodeResources: Resource[],
    statuses: Map<string, Resource>,
    guestResources: Resource[],
    resources: Resource[],
  ): PveSlice {
    const instance = this.config.name;
    const nowIso = now.toISOString();
    const nodes = nodeResources.map((resource) => {
      const name = str(resource.node);
      if (str(resource.status) === 'online') this.lastSeen.set(name, nowIso);
      return buildNode({
        instance,
        host: this.config.host,
        clusterName: status.name,
        resource,
        status: statuses.get(name),
        zfsPools: this.slowData.zfsPools.get(name) ?? [],
        lastSeen: this.lastSeen.get(name) ?? nowIso,
        now: nowIso,
      });
    });

    const guests = guestResources.map((resource) => {
      const id = this.guestId(resource);
      const rates = this.rates.update(
        id,
        {
          netin: num(resource.netin),
          netout: num(resource.netout),
          diskread: num(resource.diskread),
          diskwrite: num(resource.diskwrite),
        },
        num(resource.uptime),
        now.getTime(),
      );
      return buildGuest({ instance, resource, rates, detail: this.details.get(id), now: nowIso });
    });
    const ids = new Set(guests.map((guest) => guest.id));
    this.rates.retain(ids);
    for (const id of this.details.keys()) if (!ids.has(id)) this.details.delete(id);

    const storageEntries = this.config.monitor.storage
      ? resources.filter((r) => str(r.type) === 'storage')
      : [];
    return {
      kind: 'pve',
      instance,
      nodes,
      vms: guests.filter((guest) => guest.type === 'qemu'),
      containers: guests.filter((guest) => guest.type === 'lxc'),
      storage: buildStorage(instance, storageEntries, this.storageConfig),
      backupTasks: this.slowData.backupTasks,
      storageBackups: this.slowData.storageBackups,
      guestSnapshots: this.slowData.guestSnapshots,
      replicationJobs: this.slowData.replicationJobs,
      failedTasks: this.slowData.failedTasks,
      cluster: clusterInfo(instance, status, this.client.activeUrl),
      pbsTargets: pbsTargets(this.storageConfig),
    };
  }
}
