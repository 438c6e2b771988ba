import { X509Certificate } from 'node:crypto';
import { connect } from 'node:tls';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type SimulatedEndpoint, simControl } from '../src/index.ts';
import { api } from './support/client.ts';
import { useSimulator } from './support/simulator.ts';

const endpoint = useSimulator();
let cluster: SimulatedEndpoint;
let pbs: SimulatedEndpoint;

beforeAll(() => {
  cluster = endpoint('homelab');
  pbs = endpoint('pbs-main');
});

afterEach(async () => {
  await simControl(cluster).clearFaults();
});

const member = (node: string) => cluster.members!.find((m) => m.node === node)!.url;

function peerFingerprint(url: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(
      { host: hostname, port: Number(port), rejectUnauthorized: false },
      () => {
        resolve(new X509Certificate(socket.getPeerX509Certificate()!.raw).fingerprint256);
        socket.end();
      },
    );
    socket.on('error', reject);
  });
}

describe('cluster members', () => {
  it('serves each member at its /cluster/status address, on the port of the first', async () => {
    const status = (await api(cluster, '/cluster/status')).json as {
      data: { type: string; name: string; ip: string }[];
    };
    const port = new URL(cluster.url).port;
    for (const node of status.data.filter((e) => e.type === 'node')) {
      const answer = await api(cluster, '/cluster/status', { base: `https://${node.ip}:${port}` });
      const local = (answer.json as { data: { name: string; local: number }[] }).data.find(
        (e) => e.local === 1,
      );
      expect(local?.name).toBe(node.name);
    }
  });
});

describe('faults seen by a plain HTTPS client', () => {
  it('down: the member refuses connections; others answer 595 for its node calls', async () => {
    const control = simControl(cluster);
    await control.addFault({ target: 'pve2', kind: 'down' });
    await expect(api(cluster, '/version', { base: member('pve2') })).rejects.toThrow();
    const forwarded = await api(cluster, '/nodes/pve2/qemu');
    expect(forwarded.status).toBe(595);
    const nodes = (await api(cluster, '/nodes')).json as {
      data: { node: string; status: string; cpu?: number }[];
    };
    expect(nodes.data.find((n) => n.node === 'pve2')).toEqual(
      expect.objectContaining({ status: 'offline' }),
    );
    expect(nodes.data.find((n) => n.node === 'pve2')?.cpu).toBeUndefined();
    await control.clearFaults();
    expect((await api(cluster, '/version', { base: member('pve2') })).status).toBe(200);
  });

  it('hang: requests to the member get no answer until the fault is lifted', async () => {
    const control = simControl(cluster);
    await control.addFault({ target: 'pve3', kind: 'hang', value: 50 });
    const pending = api(cluster, '/version', { base: member('pve3') }).then(
      () => 'answered',
      () => 'dropped',
    );
    const raced = await Promise.race([
      pending,
      new Promise((r) => setTimeout(() => r('waiting'), 300)),
    ]);
    expect(raced).toBe('waiting');
    expect((await api(cluster, '/nodes/pve3/status')).status).toBe(596);
    await control.clearFaults();
    expect(await pending).toBe('dropped');
  });

  it('latency delays every answer by the given milliseconds', async () => {
    await simControl(cluster).addFault({ target: 'homelab', kind: 'latency', value: 250 });
    const started = performance.now();
    expect((await api(cluster, '/version')).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(240);
  });

  it('error answers the given status; malformed answers 200 with broken JSON', async () => {
    const control = simControl(cluster);
    const { id } = await control.addFault({ target: 'pve1', kind: 'error', value: 503 });
    expect((await api(cluster, '/nodes')).status).toBe(503);
    await control.removeFault(id);
    await control.addFault({ target: 'pve1', kind: 'malformed' });
    const broken = await api(cluster, '/nodes');
    expect(broken.status).toBe(200);
    expect(broken.json).toBeUndefined();
  });

  it('auth-revoked turns valid tokens into 401', async () => {
    await simControl(cluster).addFault({ target: 'homelab', kind: 'auth-revoked' });
    expect((await api(cluster, '/nodes')).status).toBe(401);
  });

  it('cert-rotated changes the certificate fingerprint until cleared', async () => {
    const before = await peerFingerprint(cluster.url);
    expect(before).toBe(cluster.fingerprint);
    await simControl(cluster).addFault({ target: 'pve1', kind: 'cert-rotated' });
    expect(await peerFingerprint(cluster.url)).not.toBe(before);
    await simControl(cluster).clearFaults();
    expect(await peerFingerprint(cluster.url)).toBe(before);
  });

  it('agent-gone makes guest-agent calls fail as when the agent stopped', async () => {
    await simControl(cluster).addFault({ target: '101', kind: 'agent-gone' });
    const answer = await api(cluster, '/nodes/pve1/qemu/101/agent/get-fsinfo');
    expect(answer.status).toBe(500);
    expect(answer.reason).toBe('QEMU guest agent is not running');
  });

  it('backup-failing makes the next nightly backups fail', async () => {
    const control = simControl(cluster);
    await control.addFault({ target: 'pve3', kind: 'backup-failing' });
    await control.advanceClock(86_400);
    const tasks = (await api(cluster, '/nodes/pve3/tasks?typefilter=vzdump&limit=0')).json as {
      data: { starttime: number; status?: string }[];
    };
    const state = await control.state();
    const latest = Math.max(...tasks.data.map((t) => t.starttime));
    expect(latest).toBeGreaterThan(state.time - 86_400);
    const lastNight = tasks.data.filter(
      (t) => t.starttime > state.time - 86_400 && t.status !== undefined,
    );
    expect(lastNight.length).toBeGreaterThan(0);
    expect(lastNight.every((t) => t.status === 'job errors')).toBe(true);
  });

  it('rejects faults with an unknown target or kind', async () => {
    await expect(simControl(pbs).addFault({ target: 'nowhere', kind: 'down' })).rejects.toThrow(
      /400/,
    );
  });
});

describe('guest steering', () => {
  it('stopping a guest zeroes its CPU and counters; its figures hold once pinned', async () => {
    const control = simControl(cluster);
    await control.setGuest(111, { status: 'stopped' });
    type Vm = { vmid: number; status: string; cpu: number; netin: number; uptime: number };
    const list = async () =>
      ((await api(cluster, '/nodes/pve2/qemu')).json as { data: Vm[] }).data.find(
        (g) => g.vmid === 111,
      )!;
    expect(await list()).toMatchObject({ status: 'stopped', cpu: 0, netin: 0, uptime: 0 });
    await control.setGuest(111, { status: 'running', cpu: 0.5 });
    await control.advanceClock(60);
    const running = await list();
    expect(running).toMatchObject({ status: 'running', cpu: 0.5 });
    await control.advanceClock(60);
    expect((await list()).netin).toBeGreaterThan(running.netin);
  });

  it('migrating a guest moves it to the other node', async () => {
    await simControl(cluster).setGuest(118, { node: 'pve3' });
    const lxc = (await api(cluster, '/nodes/pve3/lxc')).json as { data: { vmid: number }[] };
    expect(lxc.data.map((g) => g.vmid)).toContain(118);
  });
});
