import type { Database, Statement } from 'better-sqlite3';
import type { ResourceKind } from './metrics.ts';

/** `last_seen` is refreshed at most this often per resource, not on every cycle. */
export const LAST_SEEN_REFRESH_SECONDS = 3600;

const DEFAULT_MAX_CACHED = 50_000;

interface CachedResource {
  id: number;
  seenAt: number;
}

/**
 * Maps resource ids of the state (`pve1-node1-100`) to the small integers history rows use.
 * The cache has a hard cap: past it, it starts over rather than grow with churn.
 */
export class ResourceRegistry {
  private readonly cache = new Map<string, CachedResource>();
  private readonly upsert: Statement<[string, string, number], { id: number }>;
  private readonly forget: Statement<[number]>;

  constructor(
    db: Database,
    private readonly maxCached = DEFAULT_MAX_CACHED,
  ) {
    this.upsert = db.prepare(
      `INSERT INTO history_resources (kind, key, last_seen) VALUES (?, ?, ?)
       ON CONFLICT (key, kind) DO UPDATE SET last_seen = excluded.last_seen
       RETURNING id`,
    );
    this.forget = db.prepare('DELETE FROM history_resources WHERE last_seen < ?');
  }

  get cachedCount(): number {
    return this.cache.size;
  }

  /** The row id of a resource, registering it or refreshing its `last_seen` when due. */
  idOf(kind: ResourceKind, key: string, ts: number): number {
    const cacheKey = `${kind}\u0000${key}`;
    const hit = this.cache.get(cacheKey);
    if (hit && ts - hit.seenAt < LAST_SEEN_REFRESH_SECONDS) return hit.id;

    const row = this.upsert.get(kind, key, ts);
    if (!row) throw new Error('history resource upsert returned no row');
    if (!hit && this.cache.size >= this.maxCached) this.cache.clear();
    this.cache.set(cacheKey, { id: row.id, seenAt: ts });
    return row.id;
  }

  /** Drops resources not seen since `ts`; their rows are older and already pruned. */
  forgetUnseenSince(ts: number): number {
    const removed = this.forget.run(ts).changes;
    if (removed > 0) this.cache.clear();
    return removed;
  }
}
