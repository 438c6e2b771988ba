import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type ControlClient, type SimulatedEndpoint, simControl } from '../src/index.ts';
import { api, data } from './support/client.ts';
import { useSimulator } from './support/simulator.ts';

const endpoint = useSimulator();
let pbs: SimulatedEndpoint;
let control: ControlClient;

beforeAll(() => {
  pbs = endpoint('pbs-main');
  control = simControl(pbs);
});

afterEach(async () => {
  await control.clearFaults();
});

const status = async (path: string) => (await api(pbs, path)).status;

interface Usage {
  store: string;
  error?: string;
  total?: number;
}

describe('a fault aimed at one PBS namespace', () => {
  it('fails requests about that namespace and those below it, and nothing else', async () => {
    await control.addFault({
      target: 'pbs-main',
      kind: 'error',
      value: 500,
      datastore: 'offsite',
      namespace: 'sites',
    });
    const failed = await api(pbs, '/admin/datastore/offsite/snapshots?ns=sites');
    expect(failed.status).toBe(500);
    expect(failed.text).toContain("namespace 'sites' in datastore 'offsite'");
    expect(await status('/admin/datastore/offsite/groups?ns=sites/homelab')).toBe(500);
    expect(await status('/admin/datastore/offsite/namespace?parent=sites')).toBe(500);

    expect(await status('/admin/datastore/offsite/groups')).toBe(200);
    expect(await status('/admin/datastore/offsite/namespace')).toBe(200);
    expect(await status('/admin/datastore/main/groups?ns=homelab')).toBe(200);
    expect(await status('/admin/datastore/offsite/status')).toBe(200);
    const usage = (await data(pbs, '/status/datastore-usage')) as Usage[];
    expect(usage.every((u) => u.error === undefined && u.total !== undefined)).toBe(true);
  });

  it('can aim at the root namespace alone', async () => {
    await control.addFault({ target: 'pbs-main', kind: 'error', datastore: 'main', namespace: '' });
    expect(await status('/admin/datastore/main/groups')).toBe(500);
    expect(await status('/admin/datastore/main/groups?ns=homelab')).toBe(200);
  });
});

describe('a fault aimed at one PBS datastore', () => {
  it('fails every request about it, and lists it with its error in datastore-usage', async () => {
    await control.addFault({ target: 'pbs-main', kind: 'error', value: 503, datastore: 'main' });
    expect(await status('/admin/datastore/main/status')).toBe(503);
    expect(await status('/admin/datastore/main/namespace')).toBe(503);
    expect(await status('/admin/datastore/main/snapshots?ns=solo')).toBe(503);

    expect(await status('/admin/datastore/offsite/snapshots')).toBe(200);
    expect(await status('/version')).toBe(200);
    const stores = (await data(pbs, '/admin/datastore')) as { store: string }[];
    expect(stores.map((s) => s.store)).toEqual(['main', 'offsite']);
    const usage = (await data(pbs, '/status/datastore-usage')) as Usage[];
    expect(usage.find((u) => u.store === 'main')).toEqual({
      store: 'main',
      error: "simulated failure of datastore 'main'",
      'mount-status': 'nonremovable',
      'backend-type': 'filesystem',
    });
    expect(usage.find((u) => u.store === 'offsite')?.total).toBeGreaterThan(0);
  });

  it('is lifted like any other fault', async () => {
    const { id } = await control.addFault({ target: 'pbs-main', kind: 'error', datastore: 'main' });
    expect(await status('/admin/datastore/main/status')).toBe(500);
    await control.removeFault(id);
    expect(await status('/admin/datastore/main/status')).toBe(200);
  });

  it('is refused when it names what does not exist or cannot be scoped', async () => {
    const refused = async (fault: Parameters<ControlClient['addFault']>[0]) =>
      (await control.addFault(fault).catch((err: Error) => err)) as Error;
    const pbsFault = { target: 'pbs-main', kind: 'error' } as const;
    expect((await refused({ ...pbsFault, datastore: 'nope' })).message).toMatch(
      /400 pbs-main has no datastore nope/,
    );
    expect((await refused({ ...pbsFault, datastore: 'main', namespace: 'x' })).message).toMatch(
      /400 datastore main has no namespace x/,
    );
    expect((await refused({ ...pbsFault, namespace: 'homelab' })).message).toMatch(/400/);
    expect(
      (await refused({ target: 'homelab', kind: 'error', datastore: 'main' })).message,
    ).toMatch(/400 datastore faults must target a PBS endpoint/);
    expect((await refused({ ...pbsFault, kind: 'down', datastore: 'main' })).message).toMatch(
      /400 a datastore or namespace fault must be one of error, latency, malformed/,
    );
    expect((await control.state()).faults).toEqual([]);
  });
});
