import { describe, expect, it } from 'vitest';
import { labScenario } from './lab.ts';

describe('lab scenario', () => {
  const lab = labScenario();
  const cluster = lab.endpoints.find((e) => e.name === 'homelab');
  const guests = cluster?.type === 'pve' ? cluster.guests : [];

  it('is a 3-node PVE 8 cluster with about 30 guests, a PVE 9 node and a PBS 4', () => {
    expect(cluster).toMatchObject({ major: 8, cluster: 'homelab' });
    expect(cluster?.type === 'pve' && cluster.nodes).toHaveLength(3);
    expect(guests.length).toBeGreaterThanOrEqual(28);
    expect(
      lab.endpoints.map((e) => [e.type, e.type === 'pve' || e.type === 'pbs' ? e.major : 0]),
    ).toEqual([
      ['pve', 8],
      ['pve', 9],
      ['pbs', 4],
    ]);
  });

  it('has templates, stopped guests, tags, a lock, balloons, HA and a degraded pool', () => {
    expect(guests.some((g) => g.template && g.type === 'qemu')).toBe(true);
    expect(guests.some((g) => g.template && g.type === 'lxc')).toBe(true);
    expect(guests.filter((g) => g.status === 'stopped' && !g.template).length).toBeGreaterThan(2);
    expect(guests.some((g) => g.lock)).toBe(true);
    expect(guests.some((g) => g.balloonMin > 0)).toBe(true);
    expect(guests.filter((g) => g.ha).length).toBeGreaterThan(2);
    expect(
      cluster?.type === 'pve' &&
        cluster.nodes.flatMap((n) => n.zfsPools).some((p) => p.health === 'DEGRADED'),
    ).toBe(true);
  });
});
