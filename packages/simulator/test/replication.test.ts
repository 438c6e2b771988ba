import { beforeAll, describe, expect, it } from 'vitest';
import { type SimulatedEndpoint, simControl } from '../src/index.ts';
import { api, data } from './support/client.ts';
import { useSimulator } from './support/simulator.ts';

/** Noon UTC: the lab's failing job (117-0) has failed every try since 19:00 the day before. */
const NOON = Date.UTC(2024, 5, 12, 12, 0, 0);

const endpoint = useSimulator({ scenario: 'lab', now: () => NOON });
let cluster: SimulatedEndpoint;

interface JobStatus {
  id: string;
  guest: number;
  source: string;
  target: string;
  vmtype: string;
  last_sync: number;
  last_try: number;
  next_sync: number;
  duration: number;
  fail_count: number;
  error?: string;
}

beforeAll(() => {
  cluster = endpoint('homelab');
});

const jobsOn = async (node: string, query = '') =>
  (await data(cluster, `/nodes/${node}/replication${query}`)) as JobStatus[];

describe('/nodes/{node}/replication', () => {
  it('lists each job on the node that holds its guest, with the last result', async () => {
    const [pve1, pve2, pve3] = await Promise.all([jobsOn('pve1'), jobsOn('pve2'), jobsOn('pve3')]);
    expect(pve1.map((j) => j.id)).toEqual(['102-0']);
    expect(pve2.map((j) => j.id)).toEqual(['117-0']);
    expect(pve3).toEqual([]);

    const ok = pve1[0]!;
    expect(ok).toMatchObject({ guest: 102, source: 'pve1', target: 'pve2', fail_count: 0 });
    expect(ok.error).toBeUndefined();
    expect(ok.last_sync).toBe(ok.last_try);
    expect(ok.last_try).toBeLessThanOrEqual(NOON / 1000);
    expect(ok.next_sync).toBeGreaterThanOrEqual(NOON / 1000);
    expect(ok.next_sync - ok.last_try).toBeLessThanOrEqual(15 * 60);
    expect(ok.duration).toBeGreaterThan(0);
  });

  it('reports a failing job with its error, fail count and PVE retry spacing', async () => {
    const [failing] = await jobsOn('pve2');
    expect(failing).toMatchObject({ guest: 117, source: 'pve2', target: 'pve3' });
    expect(failing?.error).toMatch(/HostKeyAlias=pve3.*failed: exit code 255$/);
    expect(failing?.fail_count).toBeGreaterThan(3);
    // The last success was before the failures began, at 19:00 the day before.
    expect(failing?.last_sync).toBeLessThan(NOON / 1000 - 16 * 3_600);
    expect(failing?.last_try).toBeGreaterThan(NOON / 1000 - 30 * 60);
    // Past the third failure PVE retries every 30 minutes, whatever the schedule.
    expect((failing?.next_sync ?? 0) - (failing?.last_try ?? 0)).toBe(30 * 60);
  });

  it('counts another failure once the next retry has passed', async () => {
    const control = simControl(cluster);
    const [before] = await jobsOn('pve2');
    await control.advanceClock(30 * 60);
    const [after] = await jobsOn('pve2');
    expect(after?.fail_count).toBe((before?.fail_count ?? 0) + 1);
    expect(after?.last_try).toBe(before?.next_sync);
    expect(after?.last_sync).toBe(before?.last_sync);
  });

  it('filters by guest, and answers each job status alone', async () => {
    expect(await jobsOn('pve1', '?guest=117')).toEqual([]);
    const [listed] = await jobsOn('pve2', '?guest=117');
    const single = await data(cluster, '/nodes/pve2/replication/117-0/status');
    expect(single).toEqual(listed);
    expect((await api(cluster, '/nodes/pve2/replication/102-0/status')).status).toBe(500);
    expect((await api(cluster, '/nodes/pve2/replication/abc/status')).status).toBe(400);
    expect((await api(cluster, '/nodes/pve2/replication?guest=x')).status).toBe(400);
  });

  it('follows the guest when it migrates', async () => {
    await simControl(cluster).setGuest(102, { node: 'pve3' });
    expect((await jobsOn('pve3')).map((j) => [j.id, j.source])).toEqual([['102-0', 'pve3']]);
    expect(await jobsOn('pve1')).toEqual([]);
  });

  it('matches the ground truth of /_sim/state', async () => {
    const state = await simControl(cluster).state();
    const homelab = state.endpoints.find((e) => e.name === 'homelab');
    const [failing] = await jobsOn('pve2');
    expect(homelab?.replication.find((j) => j.id === '117-0')).toMatchObject({
      failing: true,
      failCount: failing?.fail_count,
      lastSync: failing?.last_sync,
      lastTry: failing?.last_try,
    });
  });
});
