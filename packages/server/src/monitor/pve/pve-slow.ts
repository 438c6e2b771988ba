import type {
  BackupTask,
  GuestSnapshot,
  ReplicationJob,
  StorageBackup,
  TaskSummary,
  ZfsPool,
} from '@pulse/contract';
import type { MonitorFlags } from '../../config/nodes-model.ts';
import type { ProxmoxClient } from '../../proxmox/client.ts';
import { isProxmoxError, type ProxmoxError } from '../../proxmox/errors.ts';
import { list, num, str } from '../../proxmox/parse.ts';
import {
  backupTasks,
  failedTasks,
  guestSnapshots,
  replicationJobs,
  storageBackups,
} from './pve-backups.ts';
import { parseZfsPools } from './pve-nodes.ts';
import type { StorageConfig } from './pve-storage.ts';

const DAY_SECONDS = 24 * 60 * 60;

/** Snapshot lists are one call per guest; a large fleet is swept over several slow cycles. */
const SNAPSHOT_CALLS_PER_CYCLE = 400;

export interface SlowInput {
  instance: string;
  flags: MonitorFlags;
  onlineNodes: string[];
  guests: { id: string; node: string; vmid: number; type: 'qemu' | 'lxc'; nodeOnline: boolean }[];
  storages: Record<string, unknown>[];
  storageConfig: StorageConfig;
  signal: AbortSignal;
  now: Date;
}

/**
 * What a PVE endpoint reports slowly and Pulse reads about once a minute: backup tasks
 * and failed tasks of the last day, backup files, snapshots, replication and ZFS health.
 * Results stay between refreshes; a part that fails keeps its previous value.
 */
export class PveSlowData {
  backupTasks: BackupTask[] = [];
  failedTasks: TaskSummary[] = [];
  storageBackups: StorageBackup[] = [];
  replicationJobs: ReplicationJob[] = [];
  readonly zfsPools = new Map<string, ZfsPool[]>();
  private readonly snapshots = new Map<string, GuestSnapshot[]>();
  private snapshotCursor = 0;
  private errors: ProxmoxError[] = [];

  constructor(private client: ProxmoxClient) {}

  setClient(client: ProxmoxClient): void {
    this.client = client;
  }

  get guestSnapshots(): GuestSnapshot[] {
    return [...this.snapshots.values()].flat();
  }

  async refresh(input: SlowInput): Promise<ProxmoxError[]> {
    this.errors = [];
    const work: Promise<void>[] = [this.readZfs(input), this.readTasks(input)];
    if (input.flags.backups) {
      work.push(this.readBackups(input), this.readSnapshots(input), this.readReplication(input));
    }
    await Promise.all(work);
    return this.errors;
  }

  /** Runs one read; a failure of the endpoint itself aborts the cycle, others are noted. */
  private async tolerate<T>(read: () => Promise<T>): Promise<T | undefined> {
    try {
      return await read();
    } catch (err) {
      if (!isProxmoxError(err) || err.isConnectionFailure) throw err;
      this.errors.push(err);
      return undefined;
    }
  }

  private get(path: string, input: SlowInput, query?: Record<string, string | number>) {
    return this.client.get(path, { query, signal: input.signal });
  }

  private async readZfs(input: SlowInput): Promise<void> {
    await Promise.all(
      input.onlineNodes.map(async (node) => {
        const data = await this.tolerate(() =>
          this.get(`/nodes/${encodeURIComponent(node)}/disks/zfs`, input),
        );
        if (data !== undefined) this.zfsPools.set(node, parseZfsPools(data));
      }),
    );
  }

  private async readTasks(input: SlowInput): Promise<void> {
    const since = Math.floor(input.now.getTime() / 1000) - DAY_SECONDS;
    const perNode = await Promise.all(
      input.onlineNodes.map((node) =>
        this.tolerate(async () =>
          list(
            await this.get(`/nodes/${encodeURIComponent(node)}/tasks`, input, {
              since,
              limit: 1000,
              source: 'all',
            }),
          ),
        ),
      ),
    );
    if (perNode.some((tasks) => tasks === undefined)) return;
    const tasks = perNode.flatMap((entries) => entries ?? []);
    this.backupTasks = backupTasks(input.instance, tasks);
    this.failedTasks = failedTasks(input.instance, tasks);
  }

  /** Each shared storage is listed once, through any online node that has it. */
  private contentSources(input: SlowInput) {
    const sources = new Map<
      string,
      { node: string; storage: string; shared: boolean; isPBS: boolean }
    >();
    const online = new Set(input.onlineNodes);
    for (const entry of input.storages) {
      const storage = str(entry.storage);
      const node = str(entry.node);
      const content = str(entry.content ?? input.storageConfig.get(storage)?.content);
      if (!content.split(',').includes('backup') || !online.has(node)) continue;
      if (str(entry.status) !== 'available') continue;
      const shared = num(entry.shared) === 1 || entry.shared === true;
      const isPBS = str(entry.plugintype) === 'pbs';
      const key = shared || isPBS ? storage : `${node}/${storage}`;
      if (!sources.has(key)) sources.set(key, { node, storage, shared, isPBS });
    }
    return [...sources.values()];
  }

  private async readBackups(input: SlowInput): Promise<void> {
    const results = await Promise.all(
      this.contentSources(input).map((source) =>
        this.tolerate(async () => {
          const node = encodeURIComponent(source.node);
          const path = `/nodes/${node}/storage/${encodeURIComponent(source.storage)}/content`;
          const entries = list(await this.get(path, input, { content: 'backup' }));
          return storageBackups({ instance: input.instance, ...source }, entries);
        }),
      ),
    );
    if (results.some((result) => result === undefined)) return;
    const byVolid = new Map<string, StorageBackup>();
    for (const backup of results.flatMap((result) => result ?? []))
      byVolid.set(backup.volid, backup);
    this.storageBackups = [...byVolid.values()];
  }

  private async readSnapshots(input: SlowInput): Promise<void> {
    const present = new Set(input.guests.map((guest) => guest.id));
    for (const id of this.snapshots.keys()) if (!present.has(id)) this.snapshots.delete(id);

    const candidates = input.guests.filter((guest) => guest.nodeOnline);
    const count = Math.min(SNAPSHOT_CALLS_PER_CYCLE, candidates.length);
    const batch = Array.from({ length: count }, (_, i) => {
      return candidates[(this.snapshotCursor + i) % candidates.length];
    });
    this.snapshotCursor = candidates.length ? (this.snapshotCursor + count) % candidates.length : 0;

    await Promise.all(
      batch.map(async (guest) => {
        if (!guest) return;
        const node = encodeURIComponent(guest.node);
        const path = `/nodes/${node}/${guest.type}/${guest.vmid}/snapshot`;
        const data = await this.tolerate(() => this.get(path, input));
        if (data !== undefined)
          this.snapshots.set(guest.id, guestSnapshots(input.instance, guest, data));
      }),
    );
  }

  private async readReplication(input: SlowInput): Promise<void> {
    const config = await this.tolerate(async () =>
      list(await this.get('/cluster/replication', input)),
    );
    if (!config) return;
    const status = new Map<string, Record<string, unknown>>();
    const sourceNodes = new Set(config.map((job) => str(job.source)).filter(Boolean));
    const nodes =
      sourceNodes.size > 0 ? [...sourceNodes] : config.length > 0 ? input.onlineNodes : [];
    await Promise.all(
      nodes
        .filter((node) => input.onlineNodes.includes(node))
        .map(async (node) => {
          // Job status is optional: without it the jobs are still listed.
          const data = await this.get(
            `/nodes/${encodeURIComponent(node)}/replication`,
            input,
          ).catch((err: unknown) => {
            if (isProxmoxError(err) && !err.isConnectionFailure) return undefined;
            throw err;
          });
          for (const entry of list(data)) status.set(str(entry.id), entry);
        }),
    );
    const guestIds = new Map(input.guests.map((guest) => [guest.vmid, guest.id]));
    this.replicationJobs = replicationJobs(input.instance, config, status, guestIds);
  }
}
