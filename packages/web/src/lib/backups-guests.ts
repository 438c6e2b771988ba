import type { Guest } from '@pulse/contract';
import type { BackupEntry, BackupKind } from './backups-entries.ts';

/*
 * Is every guest backed up on its schedule? Pulse does not read backup job schedules, so a
 * guest's schedule is inferred from its own history: the usual gap between its backups.
 * A guest is overdue when its last backup is older than one and a half of those gaps (at
 * least a day): a nightly backup that failed once shows up the next afternoon, a weekly one
 * after ten and a half days. Snapshots are not backups and do not count.
 */

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export type GuestBackupState = 'ok' | 'overdue' | 'never';

export interface GuestBackupStatus {
  guest: Guest;
  state: GuestBackupState;
  /** Unix milliseconds of the newest backup, if any. */
  lastTime?: number;
  lastKind?: Exclude<BackupKind, 'snapshot'>;
  lastLocation?: string;
  /** The usual gap between this guest's backups, when it has two or more. */
  intervalMs?: number;
  /** How old the last backup may be before the guest counts as overdue. */
  dueAfterMs: number;
  backupCount: number;
}

export interface GuestBackupOptions {
  /**
   * Allowed age when the history has fewer than two backups to infer a schedule from.
   * @default 7 days
   */
  fallbackDueAfterMs?: number;
}

/** Each guest's backup status; overdue and never-backed-up guests first, oldest first. */
export function guestBackupStatuses(
  guests: readonly Guest[],
  entries: readonly BackupEntry[],
  now: number,
  options: GuestBackupOptions = {},
): GuestBackupStatus[] {
  const fallback = options.fallbackDueAfterMs ?? 7 * DAY_MS;
  const byGuest = new Map<string, BackupEntry[]>();
  for (const entry of entries) {
    if (entry.kind === 'snapshot' || !entry.guestId) continue;
    const list = byGuest.get(entry.guestId);
    if (list) list.push(entry);
    else byGuest.set(entry.guestId, [entry]);
  }

  return guests
    .filter((guest) => !guest.template)
    .map((guest) => statusOf(guest, byGuest.get(guest.id) ?? [], now, fallback))
    .sort(compareStatuses);
}

function statusOf(
  guest: Guest,
  backups: BackupEntry[],
  now: number,
  fallbackDueAfterMs: number,
): GuestBackupStatus {
  const newest = backups.reduce<BackupEntry | undefined>(
    (best, entry) => (!best || entry.time > best.time ? entry : best),
    undefined,
  );
  // The server also knows backups the lists may not carry (another storage's, say).
  const serverLast = guest.lastBackup ? Date.parse(guest.lastBackup) : undefined;
  const lastTime = Math.max(newest?.time ?? -Infinity, serverLast ?? -Infinity);
  const intervalMs = usualInterval(backups.map((entry) => entry.time));
  const dueAfterMs =
    intervalMs === undefined ? fallbackDueAfterMs : Math.max(DAY_MS, intervalMs) * 1.5;

  const status: GuestBackupStatus = {
    guest,
    state: 'never',
    dueAfterMs,
    backupCount: backups.length,
    ...(intervalMs === undefined ? {} : { intervalMs }),
  };
  if (!Number.isFinite(lastTime)) return status;

  status.lastTime = lastTime;
  if (newest && newest.time === lastTime && newest.kind !== 'snapshot') {
    status.lastKind = newest.kind;
    status.lastLocation = newest.location;
  }
  status.state = now - lastTime > dueAfterMs ? 'overdue' : 'ok';
  return status;
}

/**
 * The most common gap between backup runs, in whole days (whole hours below a day). Failed
 * runs only lengthen some gaps and a manual backup shortens one; the schedule's own gap
 * still comes up most. Ties go to the shorter gap. Copies of one run on several targets
 * (a PBS and its offsite sync) land within minutes of each other and count as one run.
 */
export function usualInterval(times: readonly number[]): number | undefined {
  const sorted = [...times].sort((a, b) => a - b);
  const counts = new Map<number, number>();
  for (let i = 1; i < sorted.length; i++) {
    const gap = (sorted[i] ?? 0) - (sorted[i - 1] ?? 0);
    if (gap < HOUR_MS) continue;
    const unit = gap >= DAY_MS - 2 * HOUR_MS ? DAY_MS : HOUR_MS;
    const rounded = Math.max(unit, Math.round(gap / unit) * unit);
    counts.set(rounded, (counts.get(rounded) ?? 0) + 1);
  }

  let best: [gap: number, count: number] | undefined;
  for (const [gap, count] of counts) {
    if (!best || count > best[1] || (count === best[1] && gap < best[0])) best = [gap, count];
  }
  return best?.[0];
}

const STATE_ORDER: Record<GuestBackupState, number> = { never: 0, overdue: 1, ok: 2 };

function compareStatuses(a: GuestBackupStatus, b: GuestBackupStatus): number {
  return (
    STATE_ORDER[a.state] - STATE_ORDER[b.state] ||
    (a.lastTime ?? 0) - (b.lastTime ?? 0) ||
    a.guest.vmid - b.guest.vmid
  );
}
