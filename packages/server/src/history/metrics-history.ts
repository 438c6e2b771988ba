import type { Database, Statement } from 'better-sqlite3';
import type { Logger } from '../logger.ts';
import { HistoryMaintenance, type MaintenanceReport } from './maintenance.ts';
import {
  type HistoryStateView,
  METRIC_SLOTS,
  METRICS,
  type MetricValue,
  type ResourceKind,
  samplesOf,
} from './metrics.ts';
import { LAST_SEEN_REFRESH_SECONDS, ResourceRegistry } from './resource-registry.ts';
import { RAW_MIN_SPACING_SECONDS, type Tier } from './tiers.ts';

export interface MetricsHistoryOptions {
  log: Logger;
  /** Read on every maintenance pass, so a changed setting applies without a restart. */
  retentionDays(): number;
  /** @default 60000 */
  maintenanceIntervalMs?: number;
  /** Cap of the resource id cache. @default 50000 */
  maxCachedResources?: number;
}

export interface RecordOptions {
  /** Time of the cycle. @default now */
  atMs?: number;
  /** Record only resources of this endpoint key (PVE instance name or `pbs-<name>`). */
  endpoint?: string;
}

const ALL_ENDPOINTS = '*';

/** One stored point of one resource, values in display units (percent, bytes). */
export interface HistoryPoint {
  kind: ResourceKind;
  key: string;
  /** Unix seconds: the sample time (raw) or the bucket start (tiers). */
  ts: number;
  avg: MetricValue[];
  /** Present for rolled-up tiers only. */
  min?: MetricValue[];
  max?: MetricValue[];
}

type Row = (string | number | null)[];

const SLOT_NUMBERS = Array.from({ length: METRIC_SLOTS }, (_, slot) => slot);
const RAW_COLUMNS = SLOT_NUMBERS.map((slot) => `t.v${slot}`).join(', ');
const TIER_COLUMNS = SLOT_NUMBERS.map((slot) => `t.v${slot}_min, t.v${slot}_avg, t.v${slot}_max`);

/**
 * Metrics history on SQLite: one raw row per resource per cycle, rolled up into coarser
 * min/avg/max tiers and pruned by a periodic, incremental maintenance pass. Memory use does
 * not grow with history or fleet size: rows go straight to the database.
 */
export class MetricsHistory {
  private readonly registry: ResourceRegistry;
  private readonly maintenance: HistoryMaintenance;
  private readonly insertRaw: Statement<unknown[]>;
  private readonly log: Logger;
  /** Newest raw row at start-up, so a restart does not write a point too close to it. */
  private readonly newestRawTs: number;
  /** Last recorded time per endpoint; as many entries as configured endpoints. */
  private readonly lastRecorded = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  /** Prepared scan statements: one per tier, with and without a resource filter. */
  private readonly scans = new Map<string, Statement<unknown[]>>();

  constructor(
    private readonly db: Database,
    private readonly options: MetricsHistoryOptions,
  ) {
    this.log = options.log;
    this.registry = new ResourceRegistry(db, options.maxCachedResources);
    this.maintenance = new HistoryMaintenance(db);
    const slots = SLOT_NUMBERS.map((slot) => `v${slot}`).join(', ');
    this.insertRaw = db.prepare(
      `INSERT OR REPLACE INTO history_raw (resource, ts, ${slots})
       VALUES (?, ?, ${SLOT_NUMBERS.map(() => '?').join(', ')})`,
    );
    const newest = db.prepare('SELECT max(ts) FROM history_raw').pluck().get() as number | null;
    this.newestRawTs = newest ?? Number.MIN_SAFE_INTEGER;
  }

  get retentionSeconds(): number {
    return this.options.retentionDays() * 86_400;
  }

  /** Resource ids held in memory; capped whatever the fleet size. */
  get cachedResources(): number {
    return this.registry.cachedCount;
  }

  /**
   * Writes one cycle's values in one transaction: every resource, or with `endpoint` only
   * those read through that endpoint (the Monitor reports each endpoint's cycle on its own).
   * Returns the rows written; 0 when that endpoint was recorded too recently.
   */
  record(state: HistoryStateView, options: RecordOptions = {}): number {
    const ts = Math.floor((options.atMs ?? Date.now()) / 1000);
    const scope = options.endpoint ?? ALL_ENDPOINTS;
    if (ts - (this.lastRecorded.get(scope) ?? this.newestRawTs) < RAW_MIN_SPACING_SECONDS) {
      return 0;
    }
    this.lastRecorded.set(scope, ts);

    let rows = 0;
    this.db.transaction(() => {
      for (const sample of samplesOf(state)) {
        if (options.endpoint !== undefined && sample.endpoint !== options.endpoint) continue;
        const id = this.registry.idOf(sample.kind, sample.id, ts);
        this.insertRaw.run(id, ts, ...storedValues(sample.kind, sample.values));
        rows++;
      }
    })();
    return rows;
  }

  /** One incremental roll-up and prune pass; safe to call at any time. */
  maintain(nowMs = Date.now()): MaintenanceReport {
    const nowTs = Math.floor(nowMs / 1000);
    const report = this.maintenance.run(nowTs, this.retentionSeconds);
    const forgotten = this.registry.forgetUnseenSince(
      nowTs - this.retentionSeconds - LAST_SEEN_REFRESH_SECONDS,
    );
    if (report.rolledUp + report.pruned + forgotten > 0) {
      this.log.debug({ ...report, forgotten }, 'history maintenance');
    }
    return report;
  }

  /**
   * Visits every point of `tier` from `fromTs` on, grouped by resource and in time order;
   * only the resource whose state id is `key` when given.
   */
  scan(
    tier: Tier,
    fromTs: number,
    key: string | undefined,
    visit: (point: HistoryPoint) => void,
  ): void {
    const isRaw = tier.name === 'raw';
    const columns = isRaw ? RAW_COLUMNS : TIER_COLUMNS.join(', ');
    // CROSS JOIN keeps resources as the outer loop, so each one is a primary-key range read.
    const sql = `SELECT r.kind, r.key, t.ts, ${columns}
      FROM history_resources r CROSS JOIN ${tier.table} t ON t.resource = r.id
      WHERE r.last_seen >= ? AND t.ts >= ? ${key === undefined ? '' : 'AND r.key = ?'}
      ORDER BY r.id, t.ts`;
    const params: (number | string)[] = [fromTs - LAST_SEEN_REFRESH_SECONDS, fromTs];
    if (key !== undefined) params.push(key);

    const statement = this.scans.get(sql) ?? this.db.prepare(sql).raw(true);
    this.scans.set(sql, statement);
    for (const row of statement.iterate(...params) as Iterable<Row>) {
      visit(isRaw ? rawPoint(row) : tierPoint(row));
    }
  }

  /**
   * Bucketed averages of the first two metrics (CPU and memory) of every guest and node,
   * computed by SQLite: a whole fleet's sparklines without a JavaScript object per row.
   */
  bucketAverages(
    tier: Tier,
    fromTs: number,
    stepSeconds: number,
    visit: (key: string, bucket: number, cpu: number | null, memory: number | null) => void,
  ): void {
    const isRaw = tier.name === 'raw';
    // Tier rows are averages of `n` samples each: weight them so buckets stay exact.
    const average = (slot: number) =>
      isRaw ? `AVG(t.v${slot})` : `SUM(t.v${slot}_avg * t.n) / SUM(t.n)`;
    // Bound numbers arrive as REAL: the cast keeps the bucket a whole number.
    const sql = `SELECT r.key, CAST((t.ts - ?) / ? AS INTEGER) AS bucket,
        ${average(0)}, ${average(1)}
      FROM history_resources r CROSS JOIN ${tier.table} t ON t.resource = r.id
      WHERE r.kind IN ('guest', 'node') AND r.last_seen >= ? AND t.ts >= ?
      GROUP BY r.id, bucket`;
    const statement = this.scans.get(sql) ?? this.db.prepare(sql).raw(true);
    this.scans.set(sql, statement);
    const step = Math.max(1, Math.floor(stepSeconds));
    const params = [fromTs, step, fromTs - LAST_SEEN_REFRESH_SECONDS, fromTs];
    for (const row of statement.iterate(...params) as Iterable<Row>) {
      visit(String(row[0]), Number(row[1]), percent(row[2]), percent(row[3]));
    }
  }

  /** Runs maintenance every interval until `stop`; never keeps the process alive. */
  start(): void {
    const interval = this.options.maintenanceIntervalMs ?? 60_000;
    this.timer = setInterval(() => this.maintainSafely(), interval);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private maintainSafely(): void {
    try {
      this.maintain();
    } catch (err) {
      this.log.warn({ err }, 'history maintenance failed');
    }
  }
}

function storedValues(kind: ResourceKind, values: MetricValue[]): (number | null)[] {
  const metrics = METRICS[kind];
  return SLOT_NUMBERS.map((slot) => {
    const value = values[slot];
    const metric = metrics[slot];
    return metric && value !== null && value !== undefined
      ? Math.round(value * metric.scale)
      : null;
  });
}

function shown(kind: ResourceKind, slot: number, stored: unknown): MetricValue {
  const metric = METRICS[kind][slot];
  return metric && typeof stored === 'number' ? stored / metric.scale : null;
}

/** Guest and node CPU and memory are stored as percent x100. */
function percent(stored: unknown): number | null {
  return typeof stored === 'number' ? Math.round(stored) / 100 : null;
}

function rawPoint(row: Row): HistoryPoint {
  const kind = row[0] as ResourceKind;
  const avg = METRICS[kind].map((_, slot) => shown(kind, slot, row[3 + slot]));
  return { kind, key: String(row[1]), ts: Number(row[2]), avg };
}

function tierPoint(row: Row): HistoryPoint {
  const kind = row[0] as ResourceKind;
  const column = (slot: number, offset: number) => shown(kind, slot, row[3 + slot * 3 + offset]);
  const metrics = METRICS[kind];
  return {
    kind,
    key: String(row[1]),
    ts: Number(row[2]),
    min: metrics.map((_, slot) => column(slot, 0)),
    avg: metrics.map((_, slot) => column(slot, 1)),
    max: metrics.map((_, slot) => column(slot, 2)),
  };
}
