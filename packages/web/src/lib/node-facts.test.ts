import type { Node, PbsInstance } from '@pulse/contract';
import { describe, expect, it } from 'vitest';
import {
  coresInUse,
  datastoreTotals,
  isNodeOnline,
  loadAverages,
  pbsRelease,
  pveRelease,
} from './node-facts.ts';

describe('node facts', () => {
  it('extracts the release from the version strings', () => {
    expect(pveRelease('pve-manager/9.1.2/9e3c1a7d52b04f18')).toBe('PVE 9.1.2');
    expect(pveRelease('')).toBe('');
    expect(pbsRelease('4.1.2')).toBe('PBS 4.1.2');
    expect(pbsRelease('unknown')).toBe('');
  });

  it('counts a node online only when its last poll worked', () => {
    const node = { status: 'online', connectionHealth: 'healthy' } as Node;

    expect(isNodeOnline(node)).toBe(true);
    expect(isNodeOnline({ ...node, connectionHealth: 'error' })).toBe(false);
    expect(isNodeOnline({ ...node, status: 'offline' })).toBe(false);
  });

  it('writes cores in use and load averages', () => {
    expect(coresInUse(0.284, 8)).toBe('2.3 of 8 cores');
    expect(coresInUse(0.5, 64)).toBe('32 of 64 cores');
    expect(coresInUse(0.5, 0)).toBe('');
    expect(loadAverages([2.271, 2.16, 2.05])).toBe('2.27 · 2.16 · 2.05');
    expect(loadAverages([])).toBe('');
  });

  it('adds up datastores', () => {
    const pbs = {
      datastores: [
        { used: 30, total: 100 },
        { used: 20, total: 100 },
      ],
    } as PbsInstance;

    expect(datastoreTotals(pbs)).toEqual({ used: 50, total: 200, usage: 25 });
  });
});
