import type { PulseState } from '@pulse/contract';
import { type ControlClient, labScenario } from '@pulse/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/test-app.ts';
import { addNode, type Lab, nodeBody, startLab, startPulse } from './lab-fixture.ts';

type SimState = Awaited<ReturnType<ControlClient['state']>>;

let lab: Lab;
let pulse: TestApp;
let truth: SimState;
let state: PulseState;

beforeAll(async () => {
  lab = await startLab();
  pulse = await startPulse();
  for (const endpoint of lab.sim.endpoints) await addNode(pulse, nodeBody(endpoint));
  await pulse.app.monitor.pollOnce();
  truth = await lab.control('homelab').state();
  state = (await pulse.app.http.inject({ method: 'GET', url: '/api/state' })).json() as PulseState;
});

afterAll(async () => {
  await pulse?.close();
  await lab?.stop();
});

const pveTruth = () => truth.endpoints.filter((e) => e.type === 'pve');

describe('state after one poll of the lab', () => {
  it('reports every endpoint healthy with its API calls counted', () => {
    expect(state.connections.map((c) => [c.id, c.status])).toEqual([
      ['homelab', 'healthy'],
      ['pbs-pbs-main', 'healthy'],
      ['pve-solo', 'healthy'],
    ]);
    expect(state.connectionHealth).toEqual({
      homelab: true,
      'pve-solo': true,
      'pbs-pbs-main': true,
    });
    for (const connection of state.connections) expect(connection.apiCalls).toBeGreaterThan(2);
    expect(state.performance.apiCallsPerCycle.homelab).toBe(state.connections[0]?.apiCalls);
  });

  it('has every node with its status under the original ID convention', () => {
    const expected = pveTruth().flatMap((e) =>
      e.nodes.map((n) => ({ id: `${e.name}-${n.node}`, status: n.status })),
    );
    const actual = state.nodes.map((n) => ({ id: n.id, status: n.status }));
    expect(actual).toEqual(expect.arrayContaining(expected));
    expect(actual).toHaveLength(expected.length);
    const pve1 = state.nodes.find((n) => n.id === 'homelab-pve1');
    expect(pve1?.clusterName).toBe('homelab');
    expect(pve1?.loadAverage).toHaveLength(3);
    expect(pve1?.pveVersion).toMatch(/^pve-manager\/8\./);
    expect(state.nodes.find((n) => n.id === 'pve-solo-minipc')?.clusterName).toBeNull();
  });

  it('has every guest except templates, with the figures the simulator holds', () => {
    const guests = [...state.vms, ...state.containers];
    let compared = 0;
    for (const endpoint of pveTruth()) {
      for (const node of endpoint.nodes) {
        for (const g of node.guests as (SimState['endpoints'][0]['nodes'][0]['guests'][0] & {
          tags: string[];
          lock: string | null;
          ha: string | null;
        })[]) {
          const id = `${endpoint.name}-${node.node}-${g.vmid}`;
          const found = guests.find((guest) => guest.id === id);
          if (g.template) {
            expect(found, id).toBeUndefined();
            continue;
          }
          expect(found, id).toBeDefined();
          expect(found?.name).toBe(g.name);
          expect(found?.type).toBe(g.type);
          expect(found?.status).toBe(g.status);
          expect(found?.cpu).toBeCloseTo(g.cpu, 10);
          expect(found?.memory.used).toBe(g.mem);
          expect(found?.tags ?? []).toEqual(g.tags);
          expect(found?.haState).toBe(g.ha ?? undefined);
          compared += 1;
        }
      }
    }
    expect(compared).toBe(guests.length);
    expect(state.vms.every((vm) => vm.type === 'qemu')).toBe(true);
    expect(state.vms.map((vm) => vm.vmid)).toEqual(
      [...state.vms.map((vm) => vm.vmid)].sort((a, b) => a - b),
    );
  });

  it('zeroes CPU and memory of stopped guests', () => {
    const stopped = [...state.vms, ...state.containers].filter((g) => g.status === 'stopped');
    expect(stopped.length).toBeGreaterThan(0);
    for (const guest of stopped) {
      expect(guest.cpu).toBe(0);
      expect(guest.memory.used).toBe(0);
      expect(guest.networkIn + guest.diskWrite).toBe(0);
    }
  });

  it('explains why a VM has no guest-agent disk figures', () => {
    const reason = (vmid: number) => state.vms.find((vm) => vm.vmid === vmid)?.diskStatus;
    expect(reason(101)).toEqual({ source: 'agent' });
    expect(reason(100)?.reason).toBe('agent-unsupported');
    expect(reason(124)?.reason).toBe('agent-not-running');
    expect(reason(104)?.reason).toBe('not-running');
    const agentDisk = state.vms.find((vm) => vm.vmid === 101)?.disk;
    expect(agentDisk?.used).toBeGreaterThan(0);
    // /boot/efi and /run are not counted: the total is the root file system only.
    expect(agentDisk?.total).toBeLessThan(32 * 1024 ** 3);
  });

  it('has every storage of every node, shared ones once per endpoint', () => {
    for (const endpoint of pveTruth()) {
      for (const node of endpoint.nodes) {
        for (const s of node.storage) {
          const id = s.shared
            ? `${endpoint.name}-shared-${s.storage}`
            : `${endpoint.name}-${node.node}-${s.storage}`;
          const found = state.storage.find((entry) => entry.id === id);
          expect(found, id).toBeDefined();
          expect(found?.nodes).toContain(node.node);
          expect(found?.shared).toBe(s.shared);
        }
      }
    }
    expect(new Set(state.storage.map((s) => s.id)).size).toBe(state.storage.length);
  });

  it('has every PBS backup of every datastore and namespace', () => {
    const pbs = truth.endpoints.find((e) => e.type === 'pbs');
    for (const store of pbs?.datastores ?? []) {
      const backups = state.pbsBackups.filter((b) => b.datastore === store.name);
      expect(backups, store.name).toHaveLength(store.snapshots);
      const groups = new Set(backups.map((b) => `${b.namespace}/${b.backupType}/${b.vmid}`));
      expect(groups.size).toBe(store.groups);
      expect(new Set(backups.map((b) => b.namespace))).toEqual(
        new Set(store.namespaces.filter((ns) => backups.some((b) => b.namespace === ns))),
      );
    }
    const instance = state.pbs[0];
    expect(instance?.datastores.map((d) => d.name)).toEqual(pbs?.datastores.map((d) => d.name));
    expect(instance?.cpu).toBeGreaterThan(0);
    expect(instance?.cpu).toBeLessThanOrEqual(100);
  });

  it('has every guest snapshot and no pseudo-snapshot', () => {
    const expected = labScenario().endpoints.flatMap((endpoint) =>
      endpoint.type !== 'pve'
        ? []
        : endpoint.guests
            .filter((g) => !g.template)
            .flatMap((g) =>
              g.snapshots.map((s) => `${endpoint.name}-${g.node}-${g.vmid}-${s.name}`),
            ),
    );
    const actual = state.pveBackups.guestSnapshots.map((s) => s.id);
    expect(actual.sort()).toEqual(expected.sort());
  });

  it('ties backups to guests by cluster and namespace, never by VMID alone', () => {
    const vm100 = state.vms.find((vm) => vm.id === 'homelab-pve1-100');
    expect(vm100?.lastBackup).not.toBeNull();
    const attributed = state.pbsBackups.filter((b) => b.guestId === 'homelab-pve1-100');
    expect(attributed.length).toBeGreaterThan(0);
    expect(attributed.every((b) => b.namespace === 'homelab')).toBe(true);
    // `offsite` holds a vm/100 too, in a namespace no PVE storage writes to.
    const offsite = state.pbsBackups.filter((b) => b.datastore === 'offsite' && b.vmid === '100');
    expect(offsite.length).toBeGreaterThan(0);
    expect(offsite.every((b) => b.guestId === undefined)).toBe(true);

    const newest =
      attributed
        .map((b) => b.backupTime)
        .sort()
        .at(-1) ?? '';
    expect((vm100?.lastBackup ?? '') >= newest).toBe(true);
    const solo = state.vms.find((vm) => vm.id === 'pve-solo-minipc-200');
    expect(solo?.lastBackup).not.toBeNull();
  });

  it('lists vzdump tasks, failed tasks of the last day and replication jobs', () => {
    expect(state.pveBackups.backupTasks.length).toBeGreaterThan(0);
    expect(state.pveBackups.backupTasks.every((t) => t.type === 'vzdump')).toBe(true);
    // gitlab (113) fails its backup every third day in the lab.
    const failedBackups = state.pveBackups.backupTasks.filter((t) => t.error);
    expect(failedBackups.every((t) => t.status !== 'OK')).toBe(true);
    expect(state.replicationJobs.map((j) => j.guestId).sort()).toEqual([
      'homelab-pve1-102',
      'homelab-pve2-117',
    ]);
  });

  it('reports the last result of every replication job, and why the failing one fails', () => {
    const iso = (seconds: number) => new Date(seconds * 1000).toISOString();
    const jobs = pveTruth().flatMap((e) => e.replication.map((job) => ({ ...job, in: e.name })));
    expect(jobs.filter((job) => job.failing).map((job) => job.id)).toEqual(['117-0']);
    for (const job of jobs) {
      const found = state.replicationJobs.find((j) => j.id === `${job.in}-${job.id}`);
      expect(found, job.id).toMatchObject({
        source: job.source,
        target: job.target,
        lastSync: iso(job.lastSync),
        nextSync: iso(job.nextSync),
        failCount: job.failCount,
      });
      expect(found?.duration).toBeGreaterThan(0);
      if (job.failing) expect(found?.error).toContain('HostKeyAlias=pve3');
      else expect(found?.error).toBeUndefined();
    }
    expect(state.replicationJobs.find((j) => j.jobId === '117-0')?.failCount).toBeGreaterThan(0);
  });

  it('reports ZFS pool health per node and the cluster as quorate', () => {
    const pve3 = state.nodes.find((n) => n.id === 'homelab-pve3');
    expect(pve3?.zfsPools.find((p) => p.name === 'tank')?.health).toBe('DEGRADED');
    expect(state.clusters).toEqual([
      expect.objectContaining({
        name: 'homelab',
        quorate: true,
        status: 'healthy',
        totalNodes: 3,
        onlineNodes: 3,
      }),
    ]);
  });

  it('serves the read endpoints from the same state', async () => {
    const inject = (url: string) => pulse.app.http.inject({ method: 'GET', url });
    const storageId = state.storage[0]?.id ?? '';
    expect((await inject(`/api/storage/${storageId}`)).json().data.id).toBe(storageId);
    expect((await inject('/api/storage/')).json().data).toHaveLength(state.storage.length);
    expect((await inject('/api/storage/homelab-pve1')).json().data.length).toBeGreaterThan(0);
    expect((await inject('/api/storage/nope')).statusCode).toBe(404);
    expect((await inject('/api/backups')).json().pbsBackups).toHaveLength(state.pbsBackups.length);
    expect((await inject('/api/backups/unified')).json().storageBackups).toHaveLength(
      state.pveBackups.storageBackups.length,
    );
    expect((await inject('/api/backups/pve')).json().backups).toHaveLength(
      state.pveBackups.storageBackups.length,
    );
    expect((await inject('/api/backups/pbs')).json().instances).toHaveLength(1);
    expect((await inject('/api/snapshots')).json().snapshots).toHaveLength(
      state.pveBackups.guestSnapshots.length,
    );
  });
});
