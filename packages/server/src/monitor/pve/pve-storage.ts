import type { Storage } from '@pulse/contract';
import { bool, list, num, optStr, str } from '../../proxmox/parse.ts';
import { normalizeFingerprint } from '../../proxmox/tls.ts';
import type { PbsTarget } from '../slices.ts';

/** The cluster's storage configuration (`/storage`), by storage name. */
export type StorageConfig = Map<string, Record<string, unknown>>;

export function parseStorageConfig(data: unknown): StorageConfig {
  return new Map(list(data).map((entry) => [str(entry.storage), entry]));
}

/** PVE storages of type `pbs`: where on which PBS this endpoint's backups land. */
export function pbsTargets(config: StorageConfig): PbsTarget[] {
  const targets: PbsTarget[] = [];
  for (const entry of config.values()) {
    if (str(entry.type) !== 'pbs' || !optStr(entry.server) || !optStr(entry.datastore)) continue;
    const fingerprint = optStr(entry.fingerprint);
    targets.push({
      storage: str(entry.storage),
      server: str(entry.server),
      port: num(entry.port, 8007),
      datastore: str(entry.datastore),
      namespace: str(entry.namespace),
      ...(fingerprint ? { fingerprint: normalizeFingerprint(fingerprint) } : {}),
    });
  }
  return targets;
}

function sortedContent(value: unknown): string {
  return str(value)
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
    .sort()
    .join(',');
}

function storageStatus(entry: Record<string, unknown>, enabled: boolean): Storage['status'] {
  const status = str(entry.status);
  if (status === 'available') return 'available';
  if (!enabled) return 'disabled';
  return status === 'unknown' || status === '' ? 'unknown' : 'inactive';
}

function buildOne(
  instance: string,
  entry: Record<string, unknown>,
  config: Record<string, unknown> | undefined,
): Storage {
  const name = str(entry.storage);
  const node = str(entry.node);
  const shared = bool(entry.shared) || bool(config?.shared);
  const enabled = !bool(config?.disable);
  const total = num(entry.maxdisk);
  const used = num(entry.disk);
  return {
    id: shared ? `${instance}-shared-${name}` : `${instance}-${node}-${name}`,
    name,
    node: shared ? 'shared' : node,
    instance,
    type: str(entry.plugintype) || str(config?.type),
    status: storageStatus(entry, enabled),
    total,
    used,
    free: Math.max(0, total - used),
    usage: total > 0 ? (used / total) * 100 : 0,
    content: sortedContent(entry.content ?? config?.content),
    shared,
    enabled,
    active: str(entry.status) === 'available',
    nodes: [node],
  };
}

/**
 * Storages from the `/cluster/resources` entries of type `storage`. A shared storage is
 * listed by every node that has it; it becomes one entry with the list of those nodes,
 * figures taken from a node where it is available.
 */
export function buildStorage(
  instance: string,
  entries: Record<string, unknown>[],
  config: StorageConfig,
): Storage[] {
  const byId = new Map<string, Storage>();
  for (const entry of entries) {
    const storage = buildOne(instance, entry, config.get(str(entry.storage)));
    const existing = byId.get(storage.id);
    if (!existing) {
      byId.set(storage.id, storage);
      continue;
    }
    const nodes = [...existing.nodes, ...storage.nodes].sort();
    const better = !existing.active && storage.active ? storage : existing;
    byId.set(storage.id, { ...better, nodes });
  }
  return [...byId.values()];
}
