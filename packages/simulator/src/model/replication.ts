import { between } from './random.ts';
import type { ReplicationSpec } from './types.ts';

/** What PVE's replication state holds for one job at a given time. */
export interface ReplicationRun {
  /** Start of the last successful run; PVE's snapshot names carry this time. */
  lastSync: number;
  /** Start of the last run, successful or not. */
  lastTry: number;
  nextSync: number;
  /** Seconds the last run took. */
  duration: number;
  /** Runs that failed in a row; 0 after a success. */
  failCount: number;
  failing: boolean;
}

const MINUTE = 60;

export function replicationJobId(job: ReplicationSpec): string {
  return `${job.guest}-${job.jobnum}`;
}

function intervalOf(schedule: string): number {
  const step = /^\*\/(\d+)$/.exec(schedule.trim());
  const minutes = step ? Number(step[1]) : 15;
  return Math.max(1, minutes) * MINUTE;
}

/**
 * After a failure PVE does not wait for the schedule: it retries 5 minutes after the first
 * failure, 10 after the second, then every 30 minutes. Returns the start of the k-th
 * failed try (k from 1) counted from the first one.
 */
function retryOffset(k: number): number {
  if (k === 1) return 0;
  if (k === 2) return 5 * MINUTE;
  return 15 * MINUTE + (k - 3) * 30 * MINUTE;
}

function retryDelay(failCount: number): number {
  return MINUTE * (failCount < 3 ? 5 * failCount : 30);
}

function triesSince(firstFailure: number, now: number): number {
  const elapsed = now - firstFailure;
  if (elapsed < 5 * MINUTE) return 1;
  if (elapsed < 15 * MINUTE) return 2;
  return 3 + Math.floor((elapsed - 15 * MINUTE) / (30 * MINUTE));
}

/**
 * The state of a replication job at `now`. Runs start a few seconds after each scheduled
 * minute (pvescheduler wakes once a minute); a job with `failingHours` has failed every try
 * since then, each retry as PVE spaces them.
 */
export function replicationRun(
  seed: number,
  job: ReplicationSpec,
  anchor: number,
  now: number,
): ReplicationRun {
  const id = replicationJobId(job);
  const interval = intervalOf(job.schedule);
  const delay = between(seed, 2, 40, 'replication-start', id);
  const slot = Math.floor((now - delay) / interval) * interval;
  const ok = {
    lastSync: slot + delay,
    lastTry: slot + delay,
    nextSync: slot + interval,
    duration: between(seed, 1_200, 9_000, 'replication-took', id, slot) / 1_000,
    failCount: 0,
    failing: false,
  };
  if (job.failingHours === undefined) return ok;

  const failingFrom = anchor - job.failingHours * 3_600;
  const firstSlot = Math.ceil(failingFrom / interval) * interval;
  const firstFailure = firstSlot + delay;
  if (now < firstFailure) return ok;
  const failCount = triesSince(firstFailure, now);
  const lastTry = firstFailure + retryOffset(failCount);
  return {
    lastSync: firstSlot - interval + delay,
    lastTry,
    nextSync: lastTry + retryDelay(failCount),
    duration: between(seed, 300, 2_500, 'replication-took', id, lastTry) / 1_000,
    failCount,
    failing: true,
  };
}
