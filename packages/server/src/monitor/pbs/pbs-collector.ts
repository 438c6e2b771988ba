import type { PbsBackup, PbsDatastore, PbsInstance, TaskSummary } from '@pulse/contract';
import type { NodeConfig } from '../../config/nodes-model.ts';
import type { Logger } from '../../logger.ts';
import type { ProxmoxClient } from '../../proxmox/client.ts';
import { isProxmoxError, type ProxmoxError } from '../../proxmox/errors.ts';
import { list, num, optNum, optStr, record, str } from '../../proxmox/parse.ts';
import { closeWhenSettled, createClient } from '../client-factory.ts';
import type { Collector, CollectResult, CycleContext } from '../collector.ts';
import { isFailedStatus } from '../pve/pve-backups.ts';
import type { PbsSlice } from '../slices.ts';
import { groupsFingerprint, parseNamespaces, parseSnapshots } from './pbs-backups.ts';

export interface PbsCollectorDeps {
  timeoutMs(): number;
  log: Logger;
}

/** Even with unchanged groups, snapshots are re-read now and then for verify results. */
const SNAPSHOT_REFRESH_MS = 10 * 60_000;
const DAY_SECONDS = 24 * 60 * 60;

interface NamespaceCache {
  groups: string;
  fetchedAt: number;
  backups: PbsBackup[];
}

function percent(used: number, total: number): number {
  return total > 0 ? (used / total) * 100 : 0;
}

/**
 * Polls one Proxmox Backup Server: version, node status and datastore usage every
 * cycle; namespaces, backups and failed tasks on slow cycles. Backups are read per
 * namespace and only when its groups changed (or a while has passed), and a namespace
 * that fails keeps its previous backups while the others update.
 */
export class PbsCollector implements Collector {
  private client: ProxmoxClient;
  private readonly namespaces = new Map<string, NamespaceCache>();
  /** Why a datastore's namespaces or backups could not be read on the last slow cycle. */
  private readonly readErrors = new Map<string, string>();
  /** Figures of each datastore when it was last readable, shown while it is not. */
  private readonly lastUsage = new Map<string, Record<string, unknown>>();
  private namespaceLists = new Map<string, PbsDatastore['namespaces']>();
  private failedTasks: TaskSummary[] = [];
  private last: PbsSlice | undefined;
  private lastSeen: string | undefined;

  constructor(
    private config: NodeConfig,
    private readonly deps: PbsCollectorDeps,
  ) {
    this.client = createClient(config, { timeoutMs: deps.timeoutMs() });
  }

  get counter() {
    return this.client.counter;
  }

  reconfigure(config: NodeConfig, inProgress: Promise<unknown> | undefined): void {
    const old = this.client;
    this.config = config;
    this.client = createClient(config, { timeoutMs: this.deps.timeoutMs() });
    closeWhenSettled(old, inProgress);
  }

  async close(): Promise<void> {
    await this.client.close();
  }

  async collect(context: CycleContext): Promise<CollectResult> {
    const errors: ProxmoxError[] = [];
    const note = (err: unknown): undefined => {
      if (!isProxmoxError(err) || err.isConnectionFailure) throw err;
      errors.push(err);
      return undefined;
    };
    const { signal } = context;

    const version = record(await this.client.get('/version', { signal }));
    const status = record(await this.client.get('/nodes/localhost/status', { signal }).catch(note));
    const wantStores = this.config.monitor.datastores || this.config.monitor.backups;
    const stores = wantStores
      ? list(await this.client.get('/admin/datastore', { signal }).catch(note))
      : [];
    const usage = stores.length > 0 ? await this.usage(stores, signal, note) : new Map();

    if (context.slow) {
      await Promise.all(
        stores.map((store) => this.refreshStore(str(store.store), context, errors)),
      );
      await this.refreshTasks(context, note);
    }

    this.lastSeen = context.now.toISOString();
    const slice = this.buildSlice(version, status, stores, usage);
    this.last = slice;
    return { slice, partialErrors: errors };
  }

  /** Keeps the last datastores and backups, marked offline; `lastSeen` stays as it was. */
  failed(): PbsSlice {
    const slice = this.last ?? this.buildSlice({}, {}, [], new Map());
    return {
      ...slice,
      instance: { ...slice.instance, status: 'offline', connectionHealth: 'error', cpu: 0 },
    };
  }

  /**
   * One call for every datastore's usage; per-store status where that call is refused. A
   * datastore PBS cannot open comes back as its last known figures plus the `error`.
   */
  private async usage(
    stores: Record<string, unknown>[],
    signal: AbortSignal,
    note: (err: unknown) => undefined,
  ): Promise<Map<string, Record<string, unknown>>> {
    const all = await this.client.get('/status/datastore-usage', { signal }).catch(note);
    const usage = new Map(list(all).map((entry) => [str(entry.store), entry]));
    await Promise.all(
      stores
        .map((store) => str(store.store))
        .filter((name) => !usage.has(name))
        .map(async (name) => {
          const path = `/admin/datastore/${encodeURIComponent(name)}/status`;
          const data = await this.client.get(path, { signal }).catch((err) => {
            usage.set(name, { error: (err as Error).message });
            return note(err);
          });
          if (data !== undefined) usage.set(name, record(data));
        }),
    );
    return this.withLastKnown(usage);
  }

  private withLastKnown(usage: Map<string, Record<string, unknown>>) {
    for (const [name, entry] of usage) {
      const error = optStr(entry.error);
      if (!error) this.lastUsage.set(name, entry);
      else usage.set(name, { ...this.lastUsage.get(name), store: name, error });
    }
    return usage;
  }

  private async refreshStore(store: string, context: CycleContext, errors: ProxmoxError[]) {
    const path = `/admin/datastore/${encodeURIComponent(store)}`;
    const failures: string[] = [];
    // The API path of an error does not show the namespace (a query parameter): say it.
    const fail = (err: unknown, ns?: string): undefined => {
      if (!isProxmoxError(err) || err.isConnectionFailure) throw err;
      errors.push(err);
      failures.push(ns === undefined ? err.message : `namespace ${ns || '(root)'}: ${err.message}`);
      return undefined;
    };

    const nsData = await this.client
      .get(`${path}/namespace`, { signal: context.signal })
      .catch((err) => {
        // PBS before 2.2 has no namespaces: only the root exists.
        if (isProxmoxError(err) && err.status === 404) return [];
        return fail(err);
      });
    const namespaces =
      nsData === undefined ? this.namespaceLists.get(store) : parseNamespaces(nsData);
    if (namespaces) this.namespaceLists.set(store, namespaces);

    if (this.config.monitor.backups) {
      for (const key of this.namespaces.keys()) {
        if (
          key.startsWith(`${store}|`) &&
          !namespaces?.some((ns) => key === `${store}|${ns.path}`)
        ) {
          this.namespaces.delete(key);
        }
      }
      await Promise.all(
        (namespaces ?? []).map((ns) =>
          this.refreshNamespace(store, ns.path, context).catch((err) => fail(err, ns.path)),
        ),
      );
    }
    if (failures.length > 0) this.readErrors.set(store, failures.join('; '));
    else this.readErrors.delete(store);
  }

  private async refreshNamespace(store: string, ns: string, context: CycleContext): Promise<void> {
    const path = `/admin/datastore/${encodeURIComponent(store)}`;
    const query = ns ? { ns } : undefined;
    const key = `${store}|${ns}`;
    const groups = groupsFingerprint(
      await this.client.get(`${path}/groups`, { query, signal: context.signal }),
    );
    const cached = this.namespaces.get(key);
    const fresh = cached && context.now.getTime() - cached.fetchedAt < SNAPSHOT_REFRESH_MS;
    if (cached && cached.groups === groups && fresh) return;

    const snapshots = await this.client.get(`${path}/snapshots`, { query, signal: context.signal });
    const source = { instance: this.config.name, datastore: store, namespace: ns };
    this.namespaces.set(key, {
      groups,
      fetchedAt: context.now.getTime(),
      backups: parseSnapshots(source, snapshots),
    });
  }

  private async refreshTasks(context: CycleContext, note: (err: unknown) => undefined) {
    const since = Math.floor(context.now.getTime() / 1000) - DAY_SECONDS;
    const data = await this.client
      .get('/nodes/localhost/tasks', {
        query: { since, errors: 1, limit: 500 },
        signal: context.signal,
      })
      .catch(note);
    if (data === undefined) return;
    const instance = this.config.name;
    this.failedTasks = list(data)
      .filter((task) => isFailedStatus(str(task.status)))
      .map((task) => {
        const endtime = optNum(task.endtime);
        const target = optStr(task.worker_id);
        return {
          id: `pbs-${instance}-${str(task.upid)}`,
          instance,
          node: str(task.node, 'localhost'),
          upid: str(task.upid),
          type: str(task.worker_type),
          ...(target ? { target } : {}),
          user: str(task.user),
          status: str(task.status),
          startTime: new Date(num(task.starttime) * 1000).toISOString(),
          ...(endtime ? { endTime: new Date(endtime * 1000).toISOString() } : {}),
        };
      });
  }

  private datastore(store: Record<string, unknown>, usage?: Record<string, unknown>): PbsDatastore {
    const name = str(store.store);
    const total = num(usage?.total, num(usage?.['total-space']));
    const avail = num(usage?.avail, num(usage?.['avail-space']));
    const used = num(usage?.used, num(usage?.['used-space']));
    const unreadable = optStr(usage?.error);
    const error = unreadable ?? this.readErrors.get(name);
    const full = optNum(usage?.['estimated-full-date']);
    const comment = optStr(store.comment);
    const maintenance = optStr(store.maintenance);
    return {
      name,
      total: total || used + avail,
      used,
      free: avail,
      usage: percent(used, total || used + avail),
      status: maintenance ? 'maintenance' : usage && !unreadable ? 'available' : 'unavailable',
      ...(error ? { error } : {}),
      namespaces: this.namespaceLists.get(name) ?? [{ path: '', depth: 0 }],
      ...(comment ? { comment } : {}),
      ...(full && full > 0 ? { estimatedFullDate: new Date(full * 1000).toISOString() } : {}),
    };
  }

  private buildSlice(
    version: Record<string, unknown>,
    status: Record<string, unknown>,
    stores: Record<string, unknown>[],
    usage: Map<string, Record<string, unknown>>,
  ): PbsSlice {
    const memory = record(status.memory);
    const url = new URL(this.config.host);
    const release = optStr(version.release);
    const instance: PbsInstance = {
      id: `pbs-${this.config.name}`,
      name: this.config.name,
      host: this.config.host,
      status: optStr(version.version) ? 'online' : 'offline',
      version: optStr(version.version)
        ? `${str(version.version)}${release ? `.${release}` : ''}`
        : 'unknown',
      cpu: num(status.cpu) * 100,
      memory: percent(num(memory.used), num(memory.total)),
      memoryUsed: num(memory.used),
      memoryTotal: num(memory.total),
      uptime: num(status.uptime),
      datastores: this.config.monitor.datastores
        ? stores.map((s) => this.datastore(s, usage.get(str(s.store))))
        : [],
      backupJobs: [],
      syncJobs: [],
      verifyJobs: [],
      pruneJobs: [],
      garbageJobs: [],
      connectionHealth: optStr(version.version) ? 'healthy' : 'error',
      lastSeen: this.lastSeen ?? new Date(0).toISOString(),
      failedTasks: this.failedTasks,
    };
    const current = new Set(stores.map((s) => str(s.store)));
    const backups = [...this.namespaces.entries()]
      .filter(([key]) => current.has(key.split('|')[0] ?? ''))
      .flatMap(([, cache]) => cache.backups);
    return {
      kind: 'pbs',
      instance,
      backups,
      hostname: url.hostname,
      port: Number(url.port || 8007),
      ...(this.config.fingerprint ? { fingerprint: this.config.fingerprint } : {}),
    };
  }
}
