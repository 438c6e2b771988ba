import type { Guest, PulseState } from '@pulse/contract';
import { Agent, fetch } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/test-app.ts';
import { addNode, type Lab, nodeBody, startLab, startPulse } from './lab-fixture.ts';

let lab: Lab;
let pulse: TestApp;

beforeEach(async () => {
  lab = await startLab();
  pulse = await startPulse();
});

afterEach(async () => {
  await pulse?.close();
  await lab?.stop();
});

const state = () => pulse.app.monitor.getState();
const guest = (id: string): Guest | undefined =>
  [...state().vms, ...state().containers].find((g) => g.id === id);

/** Reads `/cluster/resources` as Pulse does, to know the counters the simulator serves. */
async function counters(endpointName: string, vmid: number) {
  const endpoint = lab.endpoint(endpointName);
  const res = await fetch(`${endpoint.url}/api2/json/cluster/resources`, {
    headers: { authorization: `PVEAPIToken=${endpoint.tokenId}=${endpoint.tokenSecret}` },
    dispatcher: new Agent({ connect: { rejectUnauthorized: false } }),
  });
  const body = (await res.json()) as { data: Record<string, number>[] };
  const entry = body.data.find((e) => e.vmid === vmid);
  if (!entry) throw new Error(`no guest ${vmid}`);
  return entry;
}

describe('I/O rates', () => {
  it('are the counter deltas over the time that passed on the Proxmox side', async () => {
    await addNode(pulse, nodeBody(lab.endpoint('pve-solo')));
    await pulse.app.monitor.pollOnce();
    expect(guest('pve-solo-minipc-200')?.networkIn).toBe(0);
    const before = await counters('pve-solo', 200);

    await lab.control('pbs-main').advanceClock(60);
    await pulse.app.monitor.pollOnce();
    const after = await counters('pve-solo', 200);
    const seconds = (after.uptime ?? 0) - (before.uptime ?? 0);
    expect(seconds).toBe(60);

    const vm = guest('pve-solo-minipc-200');
    const rate = (key: string) => Math.round(((after[key] ?? 0) - (before[key] ?? 0)) / seconds);
    expect(vm?.networkIn).toBe(rate('netin'));
    expect(vm?.networkOut).toBe(rate('netout'));
    expect(vm?.diskRead).toBe(rate('diskread'));
    expect(vm?.diskWrite).toBe(rate('diskwrite'));
    expect(vm?.networkIn).toBeGreaterThan(0);
  });

  it('keep the last rates when Proxmox serves the same sample again', async () => {
    await addNode(pulse, nodeBody(lab.endpoint('pve-solo')));
    await pulse.app.monitor.pollOnce();
    await lab.control('pbs-main').advanceClock(30);
    await pulse.app.monitor.pollOnce();
    const first = guest('pve-solo-minipc-200')?.networkIn;

    await pulse.app.monitor.pollOnce();
    expect(guest('pve-solo-minipc-200')?.networkIn).toBe(first);
  });

  it('drop to zero when a guest stops and restart cleanly after a counter reset', async () => {
    await addNode(pulse, nodeBody(lab.endpoint('pve-solo')));
    const control = lab.control('pbs-main');
    await pulse.app.monitor.pollOnce();
    await control.advanceClock(60);
    await pulse.app.monitor.pollOnce();

    await control.setGuest(203, { status: 'stopped' });
    await control.advanceClock(20);
    await pulse.app.monitor.pollOnce();
    const stopped = guest('pve-solo-minipc-203');
    expect(stopped?.status).toBe('stopped');
    expect([stopped?.cpu, stopped?.networkIn, stopped?.diskWrite]).toEqual([0, 0, 0]);

    await control.setGuest(203, { status: 'running' });
    await control.advanceClock(40);
    await pulse.app.monitor.pollOnce();
    const restarted = guest('pve-solo-minipc-203');
    expect(restarted?.status).toBe('running');
    expect(restarted?.networkIn).toBeGreaterThan(0);
    // A reset counter must not show up as a huge or negative rate.
    expect(restarted?.networkIn).toBeLessThan(10 * 1024 ** 2);
  });
});

describe('cluster failover', () => {
  it('keeps polling through another member when the configured one goes down', async () => {
    const homelab = lab.endpoint('homelab');
    const pve1 = homelab.members?.find((m) => m.node === 'pve1');
    await addNode(pulse, nodeBody(homelab, { host: pve1?.url, fingerprint: pve1?.fingerprint }));
    await pulse.app.monitor.pollOnce();
    const learned = pulse.app.nodes.list()[0]?.cluster?.endpoints ?? [];
    expect(learned.map((e) => e.NodeName).sort()).toEqual(['pve1', 'pve2', 'pve3']);
    expect(learned.every((e) => e.Fingerprint)).toBe(true);

    await lab.control('pbs-main').addFault({ target: 'pve1', kind: 'down' });
    await lab.control('pbs-main').advanceClock(10);
    await pulse.app.monitor.pollOnce();

    const now: PulseState = state();
    expect(now.connections[0]?.status).toBe('healthy');
    expect(now.clusters[0]?.activeEndpoint).not.toBe(pve1?.url);
    expect(now.clusters[0]).toMatchObject({ status: 'degraded', quorate: true, onlineNodes: 2 });
    expect(now.nodes.find((n) => n.name === 'pve1')?.status).toBe('offline');
    expect(now.nodes.find((n) => n.name === 'pve2')?.status).toBe('online');
    expect(guest('homelab-pve2-111')?.status).toBe('running');
  });

  it('reports a standalone node offline when it cannot be reached', async () => {
    await addNode(pulse, nodeBody(lab.endpoint('pve-solo')));
    await pulse.app.monitor.pollOnce();
    await lab.control('pbs-main').addFault({ target: 'pve-solo', kind: 'down' });
    await pulse.app.monitor.pollOnce();

    const now = state();
    expect(now.nodes[0]).toMatchObject({ status: 'offline', connectionHealth: 'error' });
    expect(now.connections[0]).toMatchObject({ status: 'error', consecutiveFailures: 1 });
    expect(now.connections[0]?.lastError?.kind).toBe('unreachable');
    expect(now.connectionHealth['pve-solo']).toBe(false);
  });
});
