import type { Database, Statement } from 'better-sqlite3';
import { METRIC_SLOTS } from './metrics.ts';
import { keepSecondsOf, TIERS, type Tier, type TierName } from './tiers.ts';

/** A bucket is rolled up only once this long has passed since it ended: late cycle writes. */
export const ROLLUP_GRACE_SECONDS = 30;

/** Each step handles at most this many of the target tier's buckets, to stay short. */
const BUCKETS_PER_STEP = 60;

const SLOTS = Array.from({ length: METRIC_SLOTS }, (_, slot) => `v${slot}`);

function rollupColumns(fromRaw: boolean): string {
  return SLOTS.map((v) =>
    fromRaw
      ? `min(${v}), CAST(round(avg(${v})) AS INTEGER), max(${v})`
      : `min(${v}_min), CAST(round(total(${v}_avg * n) / ` +
        `nullif(total(n * (${v}_avg IS NOT NULL)), 0)) AS INTEGER), max(${v}_max)`,
  ).join(', ');
}

function rollupSql(target: Tier, source: Tier): string {
  const fromRaw = source.name === 'raw';
  const step = target.stepSeconds;
  const columns = SLOTS.flatMap((v) => [`${v}_min`, `${v}_avg`, `${v}_max`]).join(', ');
  return `INSERT OR REPLACE INTO ${target.table} (resource, ts, n, ${columns})
    SELECT resource, ts - ts % ${step}, ${fromRaw ? 'count(*)' : 'sum(n)'},
      ${rollupColumns(fromRaw)}
    FROM ${source.table} WHERE ts >= ? AND ts < ?
    GROUP BY resource, ts - ts % ${step}`;
}

interface TierStatements {
  tier: Tier;
  source?: Tier;
  rollup?: Statement<[number, number]>;
  firstFrom: Statement<[number], number | null>;
  prune: Statement<[number]>;
}

export interface MaintenanceReport {
  rolledUp: number;
  pruned: number;
}

/**
 * Rolls finer tiers up into coarser ones and prunes rows past their horizon, a bounded
 * slice per tier per call, so it can run often on a live database and catch up over calls.
 */
export class HistoryMaintenance {
  private readonly tiers: TierStatements[];
  private readonly readProgress: Statement<[string], number>;
  private readonly writeProgress: Statement<[string, number]>;

  constructor(private readonly db: Database) {
    this.tiers = TIERS.map((tier) => this.prepareTier(tier));
    this.readProgress = db
      .prepare('SELECT rolled_until FROM history_progress WHERE tier = ?')
      .pluck() as Statement<[string], number>;
    this.writeProgress = db.prepare(
      `INSERT INTO history_progress (tier, rolled_until) VALUES (?, ?)
       ON CONFLICT (tier) DO UPDATE SET rolled_until = excluded.rolled_until`,
    );
  }

  /** One pass over every tier: roll up, then prune. */
  run(nowTs: number, retentionSeconds: number): MaintenanceReport {
    let rolledUp = 0;
    for (const entry of this.tiers) rolledUp += this.rollUp(entry, nowTs);

    let pruned = 0;
    for (const entry of this.tiers) pruned += this.prune(entry, nowTs, retentionSeconds);
    return { rolledUp, pruned };
  }

  /** Up to when (Unix s, exclusive) a tier has been filled from its source. */
  progressOf(tier: TierName): number | undefined {
    return this.readProgress.get(tier);
  }

  private prepareTier(tier: Tier): TierStatements {
    const source = TIERS.find((candidate) => candidate.name === tier.source);
    const firstFrom = this.db
      .prepare(`SELECT min(ts) FROM ${tier.table} WHERE ts >= ?`)
      .pluck() as Statement<[number], number | null>;
    return {
      tier,
      source,
      rollup: source ? this.db.prepare(rollupSql(tier, source)) : undefined,
      firstFrom,
      prune: this.db.prepare(`DELETE FROM ${tier.table} WHERE ts < ?`),
    };
  }

  private sourceEntry(entry: TierStatements): TierStatements | undefined {
    return this.tiers.find((candidate) => candidate.tier === entry.source);
  }

  private rollUp(entry: TierStatements, nowTs: number): number {
    const source = this.sourceEntry(entry);
    if (!source || !entry.rollup) return 0;
    const step = entry.tier.stepSeconds;

    const sourceReady =
      source.tier.name === 'raw'
        ? nowTs - ROLLUP_GRACE_SECONDS
        : (this.progressOf(source.tier.name) ?? 0);
    const target = Math.floor(sourceReady / step) * step;
    const done = this.progressOf(entry.tier.name) ?? 0;

    // Skip empty stretches (a stopped service) straight to the next data.
    const first = source.firstFrom.get(done);
    if (first === null || first === undefined) return 0;
    const start = Math.max(done, Math.floor(first / step) * step);
    if (start >= target) return 0;

    const until = Math.min(target, start + step * BUCKETS_PER_STEP);
    const rollup = entry.rollup;
    return this.db.transaction(() => {
      const changes = rollup.run(start, until).changes;
      this.writeProgress.run(entry.tier.name, until);
      return changes;
    })();
  }

  private prune(entry: TierStatements, nowTs: number, retentionSeconds: number): number {
    let cutoff = nowTs - keepSecondsOf(entry.tier, retentionSeconds);
    // Never drop rows the next tier has not absorbed yet.
    const consumer = this.tiers.find((candidate) => candidate.tier.source === entry.tier.name);
    if (consumer) cutoff = Math.min(cutoff, this.progressOf(consumer.tier.name) ?? 0);

    const oldest = entry.firstFrom.get(Number.MIN_SAFE_INTEGER);
    if (oldest === null || oldest === undefined || oldest >= cutoff) return 0;

    const until = Math.min(cutoff, oldest + entry.tier.stepSeconds * BUCKETS_PER_STEP);
    return entry.prune.run(until).changes;
  }
}
