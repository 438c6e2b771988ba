import type { BackupEntry, BackupKind } from './backups-entries.ts';
import { dayOf, startOfDay } from './backups-filters.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

export interface BackupDay {
  /** Local `YYYY-MM-DD`. */
  day: string;
  /** `Today`, `Yesterday`, `Mon 2 Jun`, or `Mon 2 Jun 2024` in another year. */
  label: string;
  entries: BackupEntry[];
  counts: Record<BackupKind, number>;
  /** Bytes of the entries that have a size. */
  totalSize: number;
}

/** Splits entries (newest first) into local calendar days, keeping their order. */
export function groupByDay(entries: readonly BackupEntry[], now: number): BackupDay[] {
  const days: BackupDay[] = [];
  let current: BackupDay | undefined;
  for (const entry of entries) {
    const day = dayOf(entry.time);
    if (current?.day !== day) {
      current = {
        day,
        label: dayLabel(day, now),
        entries: [],
        counts: { pbs: 0, pve: 0, snapshot: 0 },
        totalSize: 0,
      };
      days.push(current);
    }
    current.entries.push(entry);
    current.counts[entry.kind] += 1;
    current.totalSize += entry.size ?? 0;
  }
  return days;
}

/** `Today`, `Yesterday`, else weekday, date and month (and the year when not this year). */
export function dayLabel(day: string, now: number): string {
  const today = dayOf(now);
  if (day === today) return 'Today';
  const todayStart = startOfDay(today);
  const yesterday = dayOf(new Date(todayStart).setDate(new Date(todayStart).getDate() - 1));
  if (day === yesterday) return 'Yesterday';
  return shortDate(startOfDay(day), now);
}

/** `Mon 2 Jun`, with the year when it differs from `now`'s. */
export function shortDate(time: number, now: number): string {
  const at = new Date(time);
  const base = `${WEEKDAYS[at.getDay()]} ${at.getDate()} ${MONTHS[at.getMonth()]}`;
  return at.getFullYear() === new Date(now).getFullYear() ? base : `${base} ${at.getFullYear()}`;
}

/** `2 Jun`: a compact axis label. */
export function dayMonth(time: number): string {
  const at = new Date(time);
  return `${at.getDate()} ${MONTHS[at.getMonth()]}`;
}

/** Local `HH:MM`. */
export function timeOfDay(time: number): string {
  const at = new Date(time);
  return `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
}
