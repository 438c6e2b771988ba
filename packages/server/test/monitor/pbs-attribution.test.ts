import type { PulseState } from '@pulse/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addNode, type Lab, nodeBody, startLab, startPulse } from './lab-fixture.ts';

let lab: Lab;

beforeAll(async () => {
  lab = await startLab();
});

afterAll(async () => {
  await lab?.stop();
});

/** One poll of the lab with its PBS configured under a name the simulator does not use. */
async function stateWithPbsAs(name: string, pinned: boolean): Promise<PulseState> {
  const pulse = await startPulse();
  try {
    await addNode(pulse, nodeBody(lab.endpoint('homelab')));
    await addNode(pulse, nodeBody(lab.endpoint('pve-solo')));
    const pbs = nodeBody(lab.endpoint('pbs-main'), { name, fingerprint: pinned ? undefined : '' });
    await addNode(pulse, { ...pbs, verifySSL: pinned });
    await pulse.app.monitor.pollOnce();
    return pulse.app.monitor.getState();
  } finally {
    await pulse.close();
  }
}

function expectAttributed(state: PulseState, pbsName: string): void {
  const byGuest = (guestId: string) => state.pbsBackups.filter((b) => b.guestId === guestId);
  const homelab = byGuest('homelab-pve1-100');
  expect(homelab.length).toBeGreaterThan(0);
  expect(homelab.every((b) => b.instance === pbsName && b.namespace === 'homelab')).toBe(true);
  const solo = byGuest('pve-solo-minipc-200');
  expect(solo.length).toBeGreaterThan(0);
  expect(solo.every((b) => b.namespace === 'solo')).toBe(true);

  const vm100 = state.vms.find((vm) => vm.id === 'homelab-pve1-100');
  const newest = homelab
    .map((b) => b.backupTime)
    .sort()
    .at(-1);
  expect(vm100?.lastBackup).toBe(newest);
  // No PVE storage writes to `offsite`: its vm/100 stays nobody's.
  const offsite = state.pbsBackups.filter((b) => b.datastore === 'offsite');
  expect(offsite.length).toBeGreaterThan(0);
  expect(offsite.every((b) => b.guestId === undefined)).toBe(true);
}

describe('backups of a PBS configured in Pulse under another name', () => {
  it('are tied to their guests by the certificate fingerprint PVE pinned', async () => {
    expectAttributed(await stateWithPbsAs('backup-box', true), 'backup-box');
  });

  it('are tied to their guests by address and port when Pulse pins no fingerprint', async () => {
    expectAttributed(await stateWithPbsAs('offsite-nas', false), 'offsite-nas');
  });
});
