import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SimulatorHandle, startSimulator } from '../src/index.ts';
import { api } from './support/client.ts';

let sim: SimulatorHandle;

beforeAll(async () => {
  sim = await startSimulator({ scenario: 'scale-10000' });
});

afterAll(async () => {
  await sim?.stop();
});

describe('scale-10000', () => {
  it('answers /cluster/resources with all 10,000 guests on 100 nodes', async () => {
    const endpoint = sim.endpoints[0]!;
    expect(endpoint.members).toHaveLength(100);
    const answer = await api(endpoint, '/cluster/resources?type=vm');
    expect(answer.status).toBe(200);
    const guests = (answer.json as { data: { vmid: number; node: string }[] }).data;
    expect(guests).toHaveLength(10_000);
    expect(new Set(guests.map((g) => g.node)).size).toBe(100);
  });

  it('answers on the last member too', async () => {
    const last = sim.endpoints[0]!.members!.at(-1)!;
    const answer = await api(sim.endpoints[0]!, `/nodes/${last.node}/qemu`, { base: last.url });
    expect(answer.status).toBe(200);
  });
});
