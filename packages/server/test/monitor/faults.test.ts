import type { ConnectionHealth } from '@pulse/contract';
import type { FaultKind } from '@pulse/simulator';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/test-app.ts';
import { addNode, type Lab, nodeBody, startLab, startPulse } from './lab-fixture.ts';

let lab: Lab;
let pulse: TestApp;

beforeAll(async () => {
  lab = await startLab();
  pulse = await startPulse({ CONNECTION_TIMEOUT: '1', POLLING_INTERVAL: '2' });
  for (const endpoint of lab.sim.endpoints) await addNode(pulse, nodeBody(endpoint));
  await pulse.app.monitor.pollOnce();
});

afterEach(async () => {
  await lab.control('homelab').clearFaults();
  await pulse.app.monitor.pollOnce();
});

afterAll(async () => {
  await pulse?.close();
  await lab?.stop();
});

const health = (id: string): ConnectionHealth | undefined =>
  pulse.app.monitor.getState().connections.find((c) => c.id === id);

interface Case {
  kind: FaultKind;
  target?: string;
  value?: number;
  /** What pve-solo's health should say while the fault is on. */
  status: ConnectionHealth['status'];
  errorKind?: string;
}

const CASES: Case[] = [
  { kind: 'down', status: 'error', errorKind: 'unreachable' },
  { kind: 'hang', value: 30_000, status: 'error', errorKind: 'timeout' },
  { kind: 'latency', value: 200, status: 'healthy' },
  { kind: 'error', value: 500, status: 'error', errorKind: 'http' },
  { kind: 'malformed', status: 'error', errorKind: 'bad-response' },
  { kind: 'cert-rotated', status: 'error', errorKind: 'tls-mismatch' },
  { kind: 'auth-revoked', status: 'error', errorKind: 'auth' },
  { kind: 'agent-gone', target: '200', status: 'healthy' },
  { kind: 'backup-failing', status: 'healthy' },
];

describe('a fault on one endpoint', () => {
  for (const fault of CASES) {
    it(`(${fault.kind}) leaves the other endpoints updating`, async () => {
      const before = {
        homelab: health('homelab')?.lastSuccess,
        pbs: health('pbs-pbs-main')?.lastSuccess,
      };
      await lab.control('homelab').addFault({
        target: fault.target ?? 'pve-solo',
        kind: fault.kind,
        value: fault.value,
      });
      await lab.control('homelab').advanceClock(10);

      const cycles = await pulse.app.monitor.pollOnce();

      const solo = health('pve-solo');
      expect(solo?.status).toBe(fault.status);
      if (fault.errorKind) expect(solo?.lastError?.kind).toBe(fault.errorKind);
      for (const id of ['homelab', 'pbs-pbs-main']) {
        expect(health(id)?.status, id).toBe('healthy');
      }
      expect(health('homelab')?.lastSuccess).not.toBe(before.homelab);
      expect(health('pbs-pbs-main')?.lastSuccess).not.toBe(before.pbs);
      if (fault.kind === 'hang') {
        // The hung endpoint's cycle was cut off by its deadline; the others finished first.
        const soloCycle = cycles.find((c) => c.endpoint === 'pve-solo');
        const others = cycles.filter((c) => c.endpoint !== 'pve-solo');
        for (const other of others)
          expect(other.durationMs).toBeLessThan(soloCycle?.durationMs ?? 0);
      }
    });
  }

  it('(agent-gone) says why the VM has no disk figures', async () => {
    await lab.control('homelab').addFault({ target: '200', kind: 'agent-gone' });
    const other = await startPulse();
    try {
      await addNode(other, nodeBody(lab.endpoint('pve-solo')));
      await other.app.monitor.pollOnce();
      const vm = other.app.monitor.getState().vms.find((g) => g.id === 'pve-solo-minipc-200');
      expect(vm?.diskStatus.source).toBe('proxmox');
      expect(vm?.diskStatus.reason).toMatch(/^agent-/);
      expect(vm?.diskStatus.message).toBeTruthy();
    } finally {
      await other.close();
    }
  });
});

describe('a pinned certificate', () => {
  it('that does not match is reported, and no request reaches the server', async () => {
    const solo = lab.endpoint('pve-solo');
    const control = lab.control('homelab');
    const other = await startPulse();
    try {
      await addNode(other, nodeBody(solo, { fingerprint: 'AB'.repeat(32) }));
      await control.resetStats();
      await other.app.monitor.pollOnce();

      const state = other.app.monitor.getState();
      expect(state.connections[0]?.lastError?.kind).toBe('tls-mismatch');
      expect(state.connections[0]?.lastError?.message).toContain('abab');
      const stats = await control.stats();
      const reached = Object.keys(stats.paths).filter((key) => key.startsWith('pve-solo '));
      expect(reached).toEqual([]);
      expect(other.logs()).not.toContain(solo.tokenSecret);
    } finally {
      await other.close();
    }
  });
});
