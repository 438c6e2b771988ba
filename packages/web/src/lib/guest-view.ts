import type { Guest } from '@pulse/contract';

/*
 * What the Main page shows of the guest list: the filters and sort order a user picked, kept
 * in the URL query so a view can be bookmarked and shared, and the pure steps that turn the
 * live guest list into the rows of the table.
 */

export type GuestTypeFilter = 'all' | 'vm' | 'ct';
export type GuestStatusFilter = 'all' | 'running' | 'stopped';
export type SortDirection = 'asc' | 'desc';
export type SortKey =
  | 'name'
  | 'type'
  | 'vmid'
  | 'uptime'
  | 'cpu'
  | 'memory'
  | 'disk'
  | 'diskread'
  | 'diskwrite'
  | 'netin'
  | 'netout'
  | 'backup';

export interface GuestView {
  /** The search box, in the language of search-query.ts. */
  q: string;
  type: GuestTypeFilter;
  status: GuestStatusFilter;
  /** Only guests of this node (its name); empty for every node. */
  node: string;
  sort: SortKey;
  dir: SortDirection;
  /** Threshold sliders: only guests at or above these usage percentages; 0 is off. */
  minCpu: number;
  minMemory: number;
  minDisk: number;
}

export const DEFAULT_VIEW: GuestView = {
  q: '',
  type: 'all',
  status: 'all',
  node: '',
  sort: 'vmid',
  dir: 'asc',
  minCpu: 0,
  minMemory: 0,
  minDisk: 0,
};

export const SORT_KEYS: readonly SortKey[] = [
  'name',
  'type',
  'vmid',
  'uptime',
  'cpu',
  'memory',
  'disk',
  'diskread',
  'diskwrite',
  'netin',
  'netout',
  'backup',
];

/** URL query parameter of each view field; short, since people paste these links. */
const PARAMS: Record<keyof GuestView, string> = {
  q: 'q',
  type: 'type',
  status: 'status',
  node: 'node',
  sort: 'sort',
  dir: 'dir',
  minCpu: 'cpu',
  minMemory: 'mem',
  minDisk: 'disk',
};

type Params = Partial<Record<string, string | string[] | undefined>>;

function one(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function pick<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

function percent(value: string | undefined): number {
  const number = Number(value);
  return Number.isFinite(number) ? Math.min(100, Math.max(0, Math.round(number))) : 0;
}

/** Reads a view from URL query parameters; anything missing or invalid takes its default. */
export function viewFromParams(params: Params): GuestView {
  const get = (field: keyof GuestView) => one(params[PARAMS[field]]);
  const sort = pick(get('sort'), SORT_KEYS, DEFAULT_VIEW.sort);
  return {
    q: get('q') ?? '',
    type: pick(get('type'), ['all', 'vm', 'ct'], 'all'),
    status: pick(get('status'), ['all', 'running', 'stopped'], 'all'),
    node: get('node') ?? '',
    sort,
    dir: pick(get('dir'), ['asc', 'desc'], defaultDirection(sort)),
    minCpu: percent(get('minCpu')),
    minMemory: percent(get('minMemory')),
    minDisk: percent(get('minDisk')),
  };
}

/**
 * The query parameters of a view. Defaults become `undefined`, which removes them from the
 * URL, so an untouched view has a clean address and a shared link says only what differs.
 */
export function viewToParams(view: GuestView): Record<string, string | undefined> {
  const params: Record<string, string | undefined> = {};
  for (const field of Object.keys(PARAMS) as (keyof GuestView)[]) {
    const fallback = field === 'dir' ? defaultDirection(view.sort) : DEFAULT_VIEW[field];
    const value = view[field];
    params[PARAMS[field]] = value === fallback || value === '' ? undefined : String(value);
  }
  return params;
}

/** True when any filter narrows the list (sorting does not count). */
export function isFiltered(view: GuestView): boolean {
  return (
    view.q.trim() !== '' ||
    view.type !== 'all' ||
    view.status !== 'all' ||
    view.node !== '' ||
    view.minCpu > 0 ||
    view.minMemory > 0 ||
    view.minDisk > 0
  );
}

/** Numbers read biggest-first on a first click; names and VMIDs alphabetically. */
export function defaultDirection(key: SortKey): SortDirection {
  return key === 'name' || key === 'type' || key === 'vmid' ? 'asc' : 'desc';
}

export function isRunning(guest: Guest): boolean {
  return guest.status === 'running';
}

/**
 * Disk usage when it is known. Without its guest agent a VM's usage reads 0 from Proxmox
 * (only the size is known), which must not pass for an empty disk in colours, sorts or
 * searches such as `disk<10`.
 */
export function knownDiskUsage(guest: Guest): number | undefined {
  if (guest.disk.total <= 0) return undefined;
  if (guest.type === 'qemu' && guest.diskStatus.source !== 'agent') return undefined;
  return guest.disk.usage;
}

/** The quick filters and sliders; the search query is applied separately by the caller. */
export function matchesQuickFilters(guest: Guest, view: GuestView): boolean {
  if (view.type === 'vm' && guest.type !== 'qemu') return false;
  if (view.type === 'ct' && guest.type !== 'lxc') return false;
  if (view.status === 'running' && !isRunning(guest)) return false;
  if (view.status === 'stopped' && isRunning(guest)) return false;
  if (view.node !== '' && guest.node !== view.node) return false;
  if (view.minCpu > 0 && guest.cpu * 100 < view.minCpu) return false;
  if (view.minMemory > 0 && guest.memory.usage < view.minMemory) return false;
  return !(view.minDisk > 0 && (knownDiskUsage(guest) ?? -1) < view.minDisk);
}

/**
 * The value a column sorts by; undefined sorts last in either direction. Live figures of a
 * guest that is not running are unknown, not zero.
 */
export function sortValue(guest: Guest, key: SortKey, now: number): number | string | undefined {
  const live = isRunning(guest);
  switch (key) {
    case 'name':
      return guest.name.toLowerCase();
    case 'type':
      return guest.type;
    case 'vmid':
      return guest.vmid;
    case 'uptime':
      return live ? guest.uptime : undefined;
    case 'cpu':
      return live ? guest.cpu : undefined;
    case 'memory':
      return live && guest.memory.total > 0 ? guest.memory.usage : undefined;
    case 'disk':
      return knownDiskUsage(guest);
    case 'diskread':
      return live ? guest.diskRead : undefined;
    case 'diskwrite':
      return live ? guest.diskWrite : undefined;
    case 'netin':
      return live ? guest.networkIn : undefined;
    case 'netout':
      return live ? guest.networkOut : undefined;
    case 'backup':
      return guest.lastBackup ? now - Date.parse(guest.lastBackup) : undefined;
  }
}

/** A sorted copy; ties keep VMID order so rows never swap places between updates. */
export function sortGuests(guests: readonly Guest[], key: SortKey, dir: SortDirection, now = 0) {
  const sign = dir === 'asc' ? 1 : -1;
  const keyed = guests.map((guest) => ({ guest, value: sortValue(guest, key, now) }));
  keyed.sort((a, b) => {
    if (a.value === undefined || b.value === undefined) {
      if (a.value !== b.value) return a.value === undefined ? 1 : -1;
    } else if (a.value !== b.value) {
      return a.value < b.value ? -sign : sign;
    }
    return a.guest.vmid - b.guest.vmid || a.guest.id.localeCompare(b.guest.id);
  });
  return keyed.map((entry) => entry.guest);
}

/** A node header or a guest: the rows of the grouped table, in display order. */
export type GuestTableItem =
  | { kind: 'node'; key: string; node: string; instance: string; total: number; running: number }
  | { kind: 'guest'; key: string; guest: Guest };

/**
 * Groups sorted guests under their node, nodes in name order; the order inside each group is
 * the sort order. A node name shared by two endpoints stays two groups.
 */
export function groupByNode(sorted: readonly Guest[]): GuestTableItem[] {
  const groups = new Map<string, Guest[]>();
  for (const guest of sorted) {
    const key = `${guest.instance}/${guest.node}`;
    const list = groups.get(key);
    if (list) list.push(guest);
    else groups.set(key, [guest]);
  }

  const keys = [...groups.keys()].sort(
    (a, b) => nodeOf(a).localeCompare(nodeOf(b)) || a.localeCompare(b),
  );
  return keys.flatMap((key) => {
    const guests = groups.get(key) ?? [];
    const first = guests[0];
    const header: GuestTableItem = {
      kind: 'node',
      key: `node:${key}`,
      node: first?.node ?? '',
      instance: first?.instance ?? '',
      total: guests.length,
      running: guests.filter(isRunning).length,
    };
    return [
      header,
      ...guests.map((guest): GuestTableItem => ({ kind: 'guest', key: guest.id, guest })),
    ];
  });
}

function nodeOf(groupKey: string): string {
  return groupKey.slice(groupKey.indexOf('/') + 1);
}
