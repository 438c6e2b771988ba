import type { PulseState } from '@pulse/contract';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/test-app.ts';
import { addNode, type Lab, nodeBody, startLab, startPulse } from './lab-fixture.ts';

let lab: Lab;
let pulse: TestApp;

beforeAll(async () => {
  lab = await startLab();
  pulse = await startPulse();
  for (const endpoint of lab.sim.endpoints) await addNode(pulse, nodeBody(endpoint));
  await pulse.app.monitor.pollOnce();
});

afterEach(async () => {
  await lab.control('pbs-main').clearFaults();
});

afterAll(async () => {
  await pulse?.close();
  await lab?.stop();
});

async function state(): Promise<PulseState> {
  return (await pulse.app.http.inject({ method: 'GET', url: '/api/state' })).json() as PulseState;
}

/** One day passes (every guest makes a new nightly backup), then a full poll. */
async function nextDay(): Promise<PulseState> {
  await lab.control('pbs-main').advanceClock(86_400);
  await pulse.app.monitor.pollOnce({ slow: true });
  return state();
}

const backupsIn = (s: PulseState, datastore: string, namespace?: string) =>
  s.pbsBackups
    .filter(
      (b) => b.datastore === datastore && (namespace === undefined || b.namespace === namespace),
    )
    .map((b) => `${b.namespace}/${b.backupType}/${b.vmid}/${b.backupTime}`)
    .sort();

const newest = (backups: string[]) =>
  backups
    .map((b) => b.split('/').at(-1) ?? '')
    .sort()
    .at(-1);

const datastore = (s: PulseState, name: string) =>
  s.pbs[0]?.datastores.find((d) => d.name === name);

describe('a PBS namespace that fails', () => {
  it('keeps its last known backups while the other namespaces stay current', async () => {
    const before = await state();
    await lab.control('pbs-main').addFault({
      target: 'pbs-main',
      kind: 'error',
      value: 500,
      datastore: 'main',
      namespace: 'homelab',
    });

    const after = await nextDay();

    expect(backupsIn(before, 'main', 'homelab').length).toBeGreaterThan(0);
    expect(backupsIn(after, 'main', 'homelab')).toEqual(backupsIn(before, 'main', 'homelab'));
    for (const ns of ['solo', '']) {
      const was = newest(backupsIn(before, 'main', ns)) ?? '';
      expect(newest(backupsIn(after, 'main', ns)), `namespace '${ns}'`).not.toBe(was);
      expect((newest(backupsIn(after, 'main', ns)) ?? '') > was).toBe(true);
    }
    const main = datastore(after, 'main');
    expect(main?.status).toBe('available');
    expect(main?.error).toMatch(/^namespace homelab: .*simulated failure of namespace 'homelab'/);
    expect(datastore(after, 'offsite')?.error).toBeUndefined();
    expect(after.connections.find((c) => c.id === 'pbs-pbs-main')?.status).toBe('degraded');
  });

  it('catches up and clears its error once it can be read again', async () => {
    // The previous test's fault is lifted: homelab's newest backup is a day behind until now.
    await pulse.app.monitor.pollOnce({ slow: true });
    const now = await state();

    const day = (ns: string) => newest(backupsIn(now, 'main', ns))?.slice(0, 10);
    expect(day('homelab')).toBeDefined();
    expect(day('homelab')).toBe(day('solo'));
    expect(datastore(now, 'main')?.error).toBeUndefined();
    expect(now.connections.find((c) => c.id === 'pbs-pbs-main')?.status).toBe('healthy');
  });
});

describe('a PBS datastore that fails', () => {
  it('keeps its last known backups and figures, marked unavailable with its error', async () => {
    const before = await state();
    await lab.control('pbs-main').addFault({
      target: 'pbs-main',
      kind: 'error',
      value: 500,
      datastore: 'offsite',
    });

    const after = await nextDay();

    expect(backupsIn(before, 'offsite').length).toBeGreaterThan(0);
    expect(backupsIn(after, 'offsite')).toEqual(backupsIn(before, 'offsite'));
    const offsite = datastore(after, 'offsite');
    expect(offsite?.status).toBe('unavailable');
    expect(offsite?.error).toBe("simulated failure of datastore 'offsite'");
    expect(offsite?.total).toBe(datastore(before, 'offsite')?.total);
    expect(offsite?.total).toBeGreaterThan(0);

    const main = datastore(after, 'main');
    expect(main?.status).toBe('available');
    expect(main?.error).toBeUndefined();
    for (const ns of ['homelab', 'solo']) {
      const was = newest(backupsIn(before, 'main', ns)) ?? '';
      expect((newest(backupsIn(after, 'main', ns)) ?? '') > was, `namespace ${ns}`).toBe(true);
    }
  });
});
