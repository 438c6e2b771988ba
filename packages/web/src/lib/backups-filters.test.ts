import { describe, expect, it } from 'vitest';
import type { BackupEntry } from './backups-entries.ts';
import {
  backupMatcher,
  dayOf,
  filtersFromParams,
  hasFilters,
  NO_FILTERS,
  paramsFromFilters,
} from './backups-filters.ts';

const at = (date: number, hour = 12) => new Date(2025, 5, date, hour).getTime();

function entry(fields: Partial<BackupEntry>): BackupEntry {
  return {
    id: 'x',
    kind: 'pbs',
    time: at(1),
    vmid: '100',
    guestType: 'vm',
    guestName: 'web',
    guestNode: 'pve1',
    source: 'pbs-main',
    location: 'main',
    protected: false,
    ...fields,
  };
}

describe('filters in the URL', () => {
  it('reads every filter from its parameter', () => {
    const filters = filtersFromParams({
      type: 'pbs',
      node: 'pve2',
      guest: ' gitlab ',
      from: '2025-06-01',
      to: '2025-06-07',
      verified: 'failed',
    });

    expect(filters).toEqual({
      kind: 'pbs',
      node: 'pve2',
      guest: 'gitlab',
      from: '2025-06-01',
      to: '2025-06-07',
      verified: 'failed',
    });
  });

  it('ignores values it does not know instead of hiding everything', () => {
    const filters = filtersFromParams({ type: 'tape', from: 'yesterday', verified: ['x'] });
    expect(filters).toEqual(NO_FILTERS);
    expect(hasFilters(filters)).toBe(false);
  });

  it('drops filters back at their default from the URL', () => {
    expect(paramsFromFilters({ kind: 'all', node: 'pve1', guest: '' })).toEqual({
      type: undefined,
      node: 'pve1',
      guest: undefined,
    });
  });

  it('round-trips a view', () => {
    const view = { ...NO_FILTERS, kind: 'snapshot' as const, to: '2025-06-03' };
    expect(filtersFromParams(paramsFromFilters(view))).toEqual(view);
    expect(hasFilters(view)).toBe(true);
  });
});

describe('backupMatcher', () => {
  it('filters by kind', () => {
    const matches = backupMatcher({ ...NO_FILTERS, kind: 'pve' });
    expect(matches(entry({ kind: 'pve' }))).toBe(true);
    expect(matches(entry({ kind: 'pbs' }))).toBe(false);
  });

  it('matches a node as the guest node or where the backup is kept', () => {
    const matches = backupMatcher({ ...NO_FILTERS, node: 'pbs-main' });
    expect(matches(entry({ source: 'pbs-main', guestNode: 'pve1' }))).toBe(true);
    expect(backupMatcher({ ...NO_FILTERS, node: 'pve1' })(entry({}))).toBe(true);
    expect(backupMatcher({ ...NO_FILTERS, node: 'pve3' })(entry({}))).toBe(false);
  });

  it('matches a VMID exactly and names or notes as text', () => {
    const byVmid = backupMatcher({ ...NO_FILTERS, guest: '10' });
    expect(byVmid(entry({ vmid: '100' }))).toBe(false);
    expect(byVmid(entry({ vmid: '10' }))).toBe(true);

    const byName = backupMatcher({ ...NO_FILTERS, guest: 'WE' });
    expect(byName(entry({ guestName: 'web' }))).toBe(true);
    expect(byName(entry({ guestName: 'db', notes: 'weekly' }))).toBe(true);
    expect(byName(entry({ guestName: 'db' }))).toBe(false);
  });

  it('includes both ends of a date range, in local days', () => {
    const matches = backupMatcher({ ...NO_FILTERS, from: '2025-06-02', to: '2025-06-03' });
    expect(matches(entry({ time: at(1, 23) }))).toBe(false);
    expect(matches(entry({ time: at(2, 0) }))).toBe(true);
    expect(matches(entry({ time: at(3, 23) }))).toBe(true);
    expect(matches(entry({ time: at(4, 0) }))).toBe(false);
    expect(dayOf(at(3, 23))).toBe('2025-06-03');
  });

  it('can ignore the dates, for the chart that picks them', () => {
    const filters = { ...NO_FILTERS, kind: 'pbs' as const, from: '2025-06-05' };
    const matches = backupMatcher(filters, { ignoreDates: true });
    expect(matches(entry({ time: at(1) }))).toBe(true);
    expect(matches(entry({ time: at(1), kind: 'pve' }))).toBe(false);
  });

  it('filters PBS verification, leaving out what is never verified', () => {
    const ok = entry({ verification: 'ok' });
    const failed = entry({ verification: 'failed' });
    const pending = entry({ verification: 'none' });
    const archive = entry({ kind: 'pve' });
    const pick = (verified: 'verified' | 'unverified' | 'failed') =>
      [ok, failed, pending, archive].filter(backupMatcher({ ...NO_FILTERS, verified }));

    expect(pick('verified')).toEqual([ok]);
    expect(pick('failed')).toEqual([failed]);
    expect(pick('unverified')).toEqual([failed, pending]);
  });
});
