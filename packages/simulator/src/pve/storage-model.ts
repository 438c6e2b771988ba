import { filling } from '../model/metrics.ts';
import { unit } from '../model/random.ts';
import type { StorageSpec } from '../model/types.ts';
import type { PveState, World } from '../model/world.ts';

/** The storages a node has: every storage not limited to other nodes. */
export function storagesOf(pve: PveState, node: string): StorageSpec[] {
  return pve.spec.storages.filter((s) => !s.nodes || s.nodes.includes(node));
}

export function findStorage(pve: PveState, node: string, name: string): StorageSpec | undefined {
  return storagesOf(pve, node).find((s) => s.storage === name);
}

/** Used bytes of a storage now; it fills slowly from its scenario level. */
export function storageUsage(world: World, storage: StorageSpec, node: string): number {
  // Local storages of different nodes hold different things; shared ones are the same everywhere.
  const spread = storage.shared ? 1 : 0.7 + 0.6 * unit(world.seed, 'usage', storage.storage, node);
  const fraction = Math.min(0.95, storage.usedFraction * spread);
  return filling(storage.total, fraction, storage.growthPerDay, world.anchor, world.now());
}
