import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { NodeResponse } from '@pulse/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/test-app.ts';
import { addNode, type Lab, nodeBody, startLab, startPulse } from './lab-fixture.ts';

let lab: Lab;
let pulse: TestApp;

beforeAll(async () => {
  lab = await startLab();
  pulse = await startPulse();
});

afterAll(async () => {
  await pulse?.close();
  await lab?.stop();
});

const list = async () =>
  (
    await pulse.app.http.inject({ method: 'GET', url: '/api/config/nodes' })
  ).json() as NodeResponse[];

describe('node configuration', () => {
  it('polls with a password (ticket) and never returns or stores the secret in clear', async () => {
    const solo = lab.endpoint('pve-solo');
    const id = await addNode(pulse, nodeBody(solo, { auth: 'password' }));
    await pulse.app.monitor.pollOnce();

    expect(pulse.app.monitor.getHealth(id)?.status).toBe('healthy');
    const [node] = await list();
    expect(node).toMatchObject({
      id,
      type: 'pve',
      hasPassword: true,
      hasToken: false,
      status: 'connected',
    });
    expect(JSON.stringify(node)).not.toContain(solo.password);

    const key = join(pulse.dataDir, '.encryption.key');
    expect(statSync(key).mode & 0o777).toBe(0o600);
    for (const file of ['pulse.db', 'pulse.db-wal']) {
      const bytes = existsSync(join(pulse.dataDir, file))
        ? readFileSync(join(pulse.dataDir, file))
        : Buffer.alloc(0);
      expect(bytes.includes(Buffer.from(solo.password)), file).toBe(false);
      expect(bytes.includes(Buffer.from('hasPassword')), file).toBe(false);
    }
    expect(pulse.logs()).not.toContain(solo.password);
  });

  it('keeps a node ID stable while others are removed, and applies edits in place', async () => {
    const pbs = lab.endpoint('pbs-main');
    const pbsId = await addNode(pulse, nodeBody(pbs));
    const [soloId] = (await list()).map((n) => n.id);

    const removed = await pulse.app.http.inject({
      method: 'DELETE',
      url: `/api/config/nodes/${soloId}`,
    });
    expect(removed.statusCode).toBe(200);
    expect((await list()).map((n) => n.id)).toEqual([pbsId]);
    const events = pulse.app.security.audit.list(50).map((entry) => entry.event);
    expect(events).toEqual(expect.arrayContaining(['node_added', 'node_removed']));
    expect(pulse.app.monitor.getState().nodes).toEqual([]);

    const renamed = await pulse.app.http.inject({
      method: 'PUT',
      url: `/api/config/nodes/${pbsId}`,
      payload: {
        type: 'pbs',
        name: 'backup',
        host: pbs.url,
        fingerprint: pbs.fingerprint,
        tokenName: pbs.tokenId,
      },
    });
    expect(renamed.statusCode).toBe(200);
    await pulse.app.monitor.pollOnce();
    const state = pulse.app.monitor.getState();
    expect(state.pbs.map((p) => p.id)).toEqual(['pbs-backup']);
    expect(state.pbs[0]?.status).toBe('online');
    expect((await list())[0]).toMatchObject({ id: pbsId, name: 'backup', hasToken: true });
  });

  it('refuses a second node with the same name, and bodies without credentials', async () => {
    const pbs = lab.endpoint('pbs-main');
    const duplicate = await pulse.app.http.inject({
      method: 'POST',
      url: '/api/config/nodes',
      payload: { ...nodeBody(pbs), name: 'backup' },
    });
    expect(duplicate.statusCode).toBe(409);

    const bare = await pulse.app.http.inject({
      method: 'POST',
      url: '/api/config/nodes',
      payload: { type: 'pve', host: '127.0.0.1' },
    });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().error).toMatch(/tokenName|password/);
    const missing = await pulse.app.http.inject({
      method: 'DELETE',
      url: '/api/config/nodes/pve-nothing',
    });
    expect(missing.statusCode).toBe(404);
  });
});
