import { afterAll, describe, expect, it } from 'vitest';
import { type SimulatorHandle, simControl, startSimulator } from '../src/index.ts';
import { data } from './support/client.ts';

const handles: SimulatorHandle[] = [];
const FIXED = Date.UTC(2025, 5, 1, 12, 0, 0);

afterAll(async () => {
  await Promise.all(handles.map((h) => h.stop()));
});

async function lab(seed: number, now: () => number) {
  const handle = await startSimulator({ scenario: 'lab', seed, now });
  handles.push(handle);
  return handle.endpoints.find((e) => e.name === 'homelab')!;
}

describe('determinism', () => {
  it('gives the same answers for the same seed and simulated time', async () => {
    const a = await lab(5, () => FIXED);
    const b = await lab(5, () => FIXED);
    expect(await data(a, '/cluster/resources')).toEqual(await data(b, '/cluster/resources'));
    expect(await data(a, '/nodes/pve2/tasks')).toEqual(await data(b, '/nodes/pve2/tasks'));
  });

  it('moves metrics with simulated time; I/O counters only grow', async () => {
    const endpoint = await lab(5, () => FIXED);
    type Vm = { vmid: number; cpu: number; netin: number; diskwrite: number };
    const read = async () => (await data(endpoint, '/cluster/resources?type=vm')) as Vm[];
    const before = await read();
    await simControl(endpoint).advanceClock(600);
    const after = await read();
    const pairs = before.map((b) => [b, after.find((a) => a.vmid === b.vmid)!] as const);
    expect(pairs.some(([b, a]) => b.cpu !== a.cpu)).toBe(true);
    expect(pairs.every(([b, a]) => a.netin >= b.netin && a.diskwrite >= b.diskwrite)).toBe(true);
    expect(pairs.some(([b, a]) => a.netin > b.netin)).toBe(true);
  });

  it('keeps answers identical within one 10-second status interval', async () => {
    let now = FIXED;
    const endpoint = await lab(9, () => now);
    const first = await data(endpoint, '/nodes/pve1/qemu');
    now += 4_000;
    expect(await data(endpoint, '/nodes/pve1/qemu')).toEqual(first);
  });
});
