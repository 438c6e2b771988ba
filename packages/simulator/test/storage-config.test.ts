import { describe, expect, it } from 'vitest';
import { simControl } from '../src/index.ts';
import { data } from './support/client.ts';
import { useSimulator } from './support/simulator.ts';

const byName = useSimulator();

type StorageConfig = Record<string, string | number | undefined>;

const pbsStorages = async (endpoint: string) =>
  ((await data(byName(endpoint), '/storage')) as StorageConfig[]).filter((s) => s.type === 'pbs');

describe('/storage entries of type pbs', () => {
  it('record the address, port and certificate of the PBS they point at', async () => {
    const pbs = byName('pbs-main');
    const { hostname, port } = new URL(pbs.url);
    for (const endpoint of ['homelab', 'pve-solo']) {
      const [storage] = await pbsStorages(endpoint);
      expect(storage, endpoint).toMatchObject({
        server: hostname,
        port: Number(port),
        datastore: 'main',
        username: 'backup@pbs',
        fingerprint: pbs.fingerprint.toLowerCase(),
      });
    }
    const namespaces = await Promise.all(
      ['homelab', 'pve-solo'].map(async (e) => (await pbsStorages(e))[0]?.namespace),
    );
    expect(namespaces).toEqual(['homelab', 'solo']);
  });

  it('keep the pinned fingerprint when the PBS certificate rotates, as PVE does', async () => {
    const control = simControl(byName('homelab'));
    await control.addFault({ target: 'pbs-main', kind: 'cert-rotated' });
    try {
      const [storage] = await pbsStorages('homelab');
      expect(storage?.fingerprint).toBe(byName('pbs-main').fingerprint.toLowerCase());
    } finally {
      await control.clearFaults();
    }
  });
});
