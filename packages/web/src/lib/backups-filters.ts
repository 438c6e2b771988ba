import type { BackupEntry, BackupKind } from './backups-entries.ts';

/*
 * The Backups page's filters, kept in the URL so a view can be bookmarked and shared:
 * `?type=pbs&node=pve1&guest=gitlab&from=2025-06-01&to=2025-06-07&verified=failed`.
 * Unknown or malformed values fall back to "any" rather than hiding everything.
 */

export type KindFilter = 'all' | BackupKind;
export type VerifiedFilter = 'any' | 'verified' | 'unverified' | 'failed';

export interface BackupFilters {
  kind: KindFilter;
  /** A PVE node or PBS instance; matches the guest's node or where the backup is. */
  node: string;
  /** A VMID (exact) or text found in the guest's name or the notes. */
  guest: string;
  /** Local calendar days, `YYYY-MM-DD`, inclusive; empty for open ends. */
  from: string;
  to: string;
  /** Applies to PBS backups only: the others are never verified. */
  verified: VerifiedFilter;
}

export const NO_FILTERS: BackupFilters = {
  kind: 'all',
  node: '',
  guest: '',
  from: '',
  to: '',
  verified: 'any',
};

const KINDS: readonly KindFilter[] = ['all', 'pbs', 'pve', 'snapshot'];
const VERIFIED: readonly VerifiedFilter[] = ['any', 'verified', 'unverified', 'failed'];
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** The URL parameter of each filter. */
const PARAMS = {
  kind: 'type',
  node: 'node',
  guest: 'guest',
  from: 'from',
  to: 'to',
  verified: 'verified',
} as const satisfies Record<keyof BackupFilters, string>;

type Params = Partial<Record<string, string | string[] | undefined>>;

function single(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? '';
}

function oneOf<T extends string>(value: string, options: readonly T[], fallback: T): T {
  return (options as readonly string[]).includes(value) ? (value as T) : fallback;
}

function day(value: string): string {
  return DAY_PATTERN.test(value) && !Number.isNaN(Date.parse(value)) ? value : '';
}

/** Reads the filters from URL search parameters. */
export function filtersFromParams(params: Params): BackupFilters {
  return {
    kind: oneOf(single(params[PARAMS.kind]), KINDS, 'all'),
    node: single(params[PARAMS.node]),
    guest: single(params[PARAMS.guest]),
    from: day(single(params[PARAMS.from])),
    to: day(single(params[PARAMS.to])),
    verified: oneOf(single(params[PARAMS.verified]), VERIFIED, 'any'),
  };
}

/**
 * The search parameters for a change of filters: the changed keys, with `undefined` for
 * those back at their default so they leave the URL.
 */
export function paramsFromFilters(
  change: Partial<BackupFilters>,
): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const key of Object.keys(change) as (keyof BackupFilters)[]) {
    const value = change[key];
    out[PARAMS[key]] = value === undefined || value === NO_FILTERS[key] ? undefined : value;
  }
  return out;
}

/** True when any filter narrows the list. */
export function hasFilters(filters: BackupFilters): boolean {
  return (Object.keys(NO_FILTERS) as (keyof BackupFilters)[]).some(
    (key) => filters[key] !== NO_FILTERS[key],
  );
}

/** Local midnight of a `YYYY-MM-DD` day, in Unix milliseconds. */
export function startOfDay(dayText: string): number {
  const [year = 0, month = 1, date = 1] = dayText.split('-').map(Number);
  return new Date(year, month - 1, date).getTime();
}

/** The local `YYYY-MM-DD` of a time. */
export function dayOf(time: number): string {
  const at = new Date(time);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

/** A predicate for the filters; `ignoreDates` serves the frequency chart, which shows all. */
export function backupMatcher(
  filters: BackupFilters,
  options: { ignoreDates?: boolean } = {},
): (entry: BackupEntry) => boolean {
  const guest = filters.guest.toLowerCase();
  const from = filters.from && !options.ignoreDates ? startOfDay(filters.from) : -Infinity;
  const to =
    filters.to && !options.ignoreDates ? nextDay(startOfDay(filters.to)) : Number.POSITIVE_INFINITY;

  return (entry) =>
    (filters.kind === 'all' || entry.kind === filters.kind) &&
    (filters.node === '' || entry.guestNode === filters.node || entry.source === filters.node) &&
    (guest === '' || matchesGuest(entry, guest)) &&
    entry.time >= from &&
    entry.time < to &&
    matchesVerified(entry, filters.verified);
}

function nextDay(midnight: number): number {
  const at = new Date(midnight);
  return new Date(at.getFullYear(), at.getMonth(), at.getDate() + 1).getTime();
}

function matchesGuest(entry: BackupEntry, text: string): boolean {
  if (/^\d+$/.test(text)) return entry.vmid === text;
  return (
    entry.guestName.toLowerCase().includes(text) ||
    (entry.notes?.toLowerCase().includes(text) ?? false)
  );
}

function matchesVerified(entry: BackupEntry, filter: VerifiedFilter): boolean {
  switch (filter) {
    case 'any':
      return true;
    case 'verified':
      return entry.verification === 'ok';
    case 'failed':
      return entry.verification === 'failed';
    case 'unverified':
      return entry.verification === 'none' || entry.verification === 'failed';
  }
}
