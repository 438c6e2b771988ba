import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildCharts } from '../../../packages/server/src/history/chart-query.ts';
import { MetricsHistory } from '../../../packages/server/src/history/metrics-history.ts';
import { buildSparklines } from '../../../packages/server/src/history/sparklines.ts';
import { diffObject } from '../../../packages/server/src/live/state-diff.ts';
import { createLogger } from '../../../packages/server/src/logger.ts';
import { type Database, openDatabase } from '../../../packages/server/src/store/database.ts';
import {
  buildState,
  nextCycle,
  seededRandom,
} from '../../../packages/server/test/live/state-factory.ts';
import type { BenchResult, BenchSuite, Progress } from '../types.ts';

const SUITE = 'live';
const CYCLES = 5;
const T0 = Date.parse('2025-06-01T00:00:00Z');
const STATE_NOTE = 'states built from the contract types (state-factory), not polled';

type Json = Record<string, unknown>;

function wire(state: object): Json {
  return JSON.parse(JSON.stringify(state)) as Json;
}

function envelope(type: string, data: unknown): number {
  return Buffer.byteLength(JSON.stringify({ type, data, timestamp: new Date().toISOString() }));
}

/** Bytes a client receives per cycle: full state vs delta, every running guest moving. */
function wsBytes(guests: number): BenchResult[] {
  const random = seededRandom(guests);
  let state = buildState({ guests, instances: 2, seed: guests });
  let full = 0;
  let delta = 0;
  let diffMs = 0;

  for (let cycle = 0; cycle < CYCLES; cycle++) {
    const next = nextCycle(state, random, { churn: 1 });
    const started = performance.now();
    const changes = diffObject(wire(state), wire(next)) ?? {};
    diffMs += performance.now() - started;
    full += envelope('rawData', next);
    delta += envelope('stateDelta', { seq: cycle + 2, baseSeq: cycle + 1, changes });
    state = next;
  }
  const note = `scale-${guests}, mean of ${CYCLES} cycles; ${STATE_NOTE}`;
  return [
    {
      suite: SUITE,
      name: `scale-${guests} ws bytes/update full`,
      value: full / CYCLES,
      unit: 'bytes',
      note,
    },
    {
      suite: SUITE,
      name: `scale-${guests} ws bytes/update delta`,
      value: delta / CYCLES,
      unit: 'bytes',
      note,
    },
    {
      suite: SUITE,
      name: `scale-${guests} delta compute`,
      value: diffMs / CYCLES,
      unit: 'ms',
      note,
    },
  ];
}

interface HistoryBench {
  db: Database;
  dir: string;
  history: MetricsHistory;
}

function openHistory(): HistoryBench {
  const dir = mkdtempSync(join(tmpdir(), 'pulse-bench-history-'));
  const db = openDatabase(dir);
  const history = new MetricsHistory(db, {
    log: createLogger({ level: 'silent' }),
    retentionDays: () => 30,
  });
  return { db, dir, history };
}

/** Fills the hourly tier with 30 days for every registered resource, straight in SQL. */
function fillHourlyTier(db: Database, endTs: number): void {
  const values = Array.from({ length: 7 }, () => '1000, 2000, 3000').join(', ');
  const columns = Array.from({ length: 7 }, (_, v) => `v${v}_min, v${v}_avg, v${v}_max`);
  db.prepare(
    `WITH RECURSIVE hours(ts) AS (
       SELECT ? UNION ALL SELECT ts + 3600 FROM hours WHERE ts + 3600 < ?
     )
     INSERT OR REPLACE INTO history_1h (resource, ts, n, ${columns.join(', ')})
     SELECT r.id, h.ts, 360, ${values} FROM history_resources r CROSS JOIN hours h`,
  ).run(endTs - 30 * 86_400, endTs);
}

function timeIt(run: () => void, repeat = 5): number {
  const started = performance.now();
  for (let i = 0; i < repeat; i++) run();
  return (performance.now() - started) / repeat;
}

function historyAtScale(guests: number, cycles: number, progress: Progress): BenchResult[] {
  const bench = openHistory();
  try {
    const random = seededRandom(3);
    let state = buildState({ guests, instances: 2 });
    let writeMs = 0;
    for (let cycle = 0; cycle < cycles; cycle++) {
      const started = performance.now();
      bench.history.record(state, { atMs: T0 + cycle * 10_000 });
      writeMs += performance.now() - started;
      state = nextCycle(state, random);
    }
    progress(`recorded ${cycles} cycles of ${guests} guests`);
    const nowMs = T0 + cycles * 10_000;
    fillHourlyTier(bench.db, Math.floor(nowMs / 1000));
    progress('filled 30 days of hourly points');

    const one = state.vms[0]!.id;
    const results: BenchResult[] = [
      result(`${guests} guests history write/cycle`, writeMs / cycles, 'ms', `${cycles} cycles`),
      result(
        `${guests} guests charts 30d one guest`,
        timeIt(() => {
          buildCharts(bench.history, state, { range: '30d', id: one, nowMs });
        }),
        'ms',
        '720 hourly points per series',
      ),
      result(
        `${guests} guests charts 1h one guest`,
        timeIt(() => {
          buildCharts(bench.history, state, { range: '1h', id: one, nowMs });
        }),
        'ms',
        `${cycles} raw points per series`,
      ),
    ];
    results.push(sparklinesFigure(bench.history, guests, nowMs));
    if (guests <= 1000) {
      let bytes = 0;
      const ms = timeIt(() => {
        bytes = JSON.stringify(buildCharts(bench.history, state, { range: '1h', nowMs })).length;
      }, 2);
      results.push(result(`${guests} guests charts 1h all`, ms, 'ms', `${bytes} bytes of JSON`));
    }
    return results;
  } finally {
    bench.history.stop();
    bench.db.close();
    rmSync(bench.dir, { recursive: true, force: true });
  }
}

/** What the Main page asks for: one compact answer with every row's sparkline. */
function sparklinesFigure(history: MetricsHistory, guests: number, nowMs: number): BenchResult {
  let bytes = 0;
  const ms = timeIt(() => {
    const answer = buildSparklines(history, { range: '1h', points: 28 }, nowMs);
    bytes = JSON.stringify(answer).length;
  }, 3);
  return result(`${guests} guests sparklines 1h all`, ms, 'ms', `${bytes} bytes of JSON`);
}

function result(name: string, value: number, unit: string, note: string): BenchResult {
  return { suite: SUITE, name, value, unit, note };
}

export const suite: BenchSuite = {
  name: SUITE,
  async run(progress) {
    const results: BenchResult[] = [];
    for (const guests of [1000, 10_000]) {
      progress(`websocket bytes at scale-${guests}`);
      results.push(...wsBytes(guests));
    }
    progress('history at 1000 guests');
    results.push(...historyAtScale(1000, 360, progress));
    progress('history at 10000 guests');
    results.push(...historyAtScale(10_000, 60, progress));
    return results;
  },
};
