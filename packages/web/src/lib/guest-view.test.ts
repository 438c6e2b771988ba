import type { Guest } from '@pulse/contract';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_VIEW,
  groupByNode,
  isFiltered,
  matchesQuickFilters,
  sortGuests,
  viewFromParams,
  viewToParams,
} from './guest-view.ts';

function guest(vmid: number, fields: Partial<Guest> = {}): Guest {
  const memoryUsage = fields.memory?.usage ?? 50;
  return {
    id: `lab-${fields.node ?? 'pve1'}-${vmid}`,
    vmid,
    name: `guest-${vmid}`,
    node: 'pve1',
    instance: 'lab',
    status: 'running',
    type: 'qemu',
    cpu: 0.1,
    cpus: 2,
    memory: { total: 100, used: memoryUsage, free: 100 - memoryUsage, usage: memoryUsage },
    disk: { total: 100, used: 10, free: 90, usage: 10 },
    networkIn: 0,
    networkOut: 0,
    diskRead: 0,
    diskWrite: 0,
    uptime: 60,
    template: false,
    lastBackup: null,
    lastSeen: '2025-06-10T12:00:00Z',
    diskStatus: { source: 'agent' },
    ...fields,
  };
}

const mem = (usage: number) => ({ total: 100, used: usage, free: 100 - usage, usage });

describe('view in the URL', () => {
  it('round-trips a view and leaves defaults out of the address', () => {
    const view = {
      ...DEFAULT_VIEW,
      q: 'cpu>50',
      node: 'pve2',
      sort: 'memory' as const,
      minCpu: 20,
    };
    const params = viewToParams({ ...view, dir: 'desc' });

    expect(params).toMatchObject({ q: 'cpu>50', node: 'pve2', sort: 'memory', cpu: '20' });
    expect(params.dir).toBeUndefined();
    expect(params.type).toBeUndefined();
    expect(viewFromParams(params)).toEqual({ ...view, dir: 'desc' });
  });

  it('keeps a direction that differs from the column’s first-click direction', () => {
    const params = viewToParams({ ...DEFAULT_VIEW, sort: 'memory', dir: 'asc' });

    expect(params.dir).toBe('asc');
    expect(viewFromParams(params).dir).toBe('asc');
  });

  it('falls back to defaults for invalid values', () => {
    const view = viewFromParams({ type: 'vms', sort: 'colour', cpu: '250', mem: 'x' });

    expect(view).toMatchObject({
      type: 'all',
      sort: 'vmid',
      dir: 'asc',
      minCpu: 100,
      minMemory: 0,
    });
    expect(isFiltered(DEFAULT_VIEW)).toBe(false);
    expect(isFiltered(view)).toBe(true);
  });
});

describe('quick filters', () => {
  it('filter by type, status, node and slider thresholds', () => {
    const vm = guest(100, { cpu: 0.9 });
    const ct = guest(200, { type: 'lxc', status: 'stopped', node: 'pve2', cpu: 0 });

    expect(matchesQuickFilters(ct, { ...DEFAULT_VIEW, type: 'ct' })).toBe(true);
    expect(matchesQuickFilters(vm, { ...DEFAULT_VIEW, type: 'ct' })).toBe(false);
    expect(matchesQuickFilters(ct, { ...DEFAULT_VIEW, status: 'stopped' })).toBe(true);
    expect(matchesQuickFilters(vm, { ...DEFAULT_VIEW, node: 'pve2' })).toBe(false);
    expect(matchesQuickFilters(vm, { ...DEFAULT_VIEW, minCpu: 80 })).toBe(true);
    expect(matchesQuickFilters(ct, { ...DEFAULT_VIEW, minCpu: 80 })).toBe(false);
  });
});

describe('sorting', () => {
  it('orders by memory use, stopped guests last in either direction', () => {
    const guests = [
      guest(1, { memory: mem(30) }),
      guest(2, { memory: mem(90) }),
      guest(3, { memory: mem(60), status: 'stopped' }),
      guest(4, { memory: mem(60) }),
    ];

    expect(sortGuests(guests, 'memory', 'desc').map((g) => g.vmid)).toEqual([2, 4, 1, 3]);
    expect(sortGuests(guests, 'memory', 'asc').map((g) => g.vmid)).toEqual([1, 4, 2, 3]);
  });

  it('breaks ties by VMID so rows keep their place', () => {
    const guests = [guest(9), guest(3), guest(5)];

    expect(sortGuests(guests, 'cpu', 'desc').map((g) => g.vmid)).toEqual([3, 5, 9]);
  });

  it('sorts by backup age with guests never backed up last', () => {
    const now = Date.parse('2025-06-10T12:00:00Z');
    const guests = [
      guest(1, { lastBackup: '2025-06-10T01:00:00Z' }),
      guest(2),
      guest(3, { lastBackup: '2025-06-01T01:00:00Z' }),
    ];

    expect(sortGuests(guests, 'backup', 'desc', now).map((g) => g.vmid)).toEqual([3, 1, 2]);
  });
});

describe('grouping', () => {
  it('puts guests under node headers in node name order, keeping the sort inside', () => {
    const sorted = [
      guest(1, { node: 'pve2' }),
      guest(2, { node: 'pve1', status: 'stopped' }),
      guest(3, { node: 'pve2' }),
      guest(4, { node: 'pve1' }),
    ];

    const items = groupByNode(sorted);

    expect(items.map((item) => (item.kind === 'node' ? item.node : item.guest.vmid))).toEqual([
      'pve1',
      2,
      4,
      'pve2',
      1,
      3,
    ]);
    expect(items[0]).toMatchObject({ kind: 'node', total: 2, running: 1 });
  });
});
