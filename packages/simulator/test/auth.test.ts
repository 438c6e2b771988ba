import { beforeAll, describe, expect, it } from 'vitest';
import { type SimulatedEndpoint, simControl } from '../src/index.ts';
import { api, login } from './support/client.ts';
import { useSimulator } from './support/simulator.ts';

const endpoint = useSimulator();
let pve8: SimulatedEndpoint;
let pve9: SimulatedEndpoint;
let pbs: SimulatedEndpoint;

beforeAll(() => {
  pve8 = endpoint('homelab');
  pve9 = endpoint('pve-solo');
  pbs = endpoint('pbs-main');
});

function extra(
  endpoint: SimulatedEndpoint,
  suffix: string,
): { tokenId: string; tokenSecret: string } {
  return endpoint.extraTokens.find((t) => t.tokenId.endsWith(suffix))!;
}

describe('API tokens', () => {
  it('accepts the PVE token with = and the PBS token with a colon', async () => {
    expect((await api(pve8, '/nodes')).status).toBe(200);
    expect((await api(pbs, '/admin/datastore')).status).toBe(200);
  });

  it('refuses a wrong PVE token secret with 401 and the reason in the status line', async () => {
    const answer = await api(pve8, '/nodes', {
      headers: {
        authorization: `PVEAPIToken=${pve8.tokenId}=00000000-0000-4000-8000-000000000000`,
      },
    });
    expect(answer.status).toBe(401);
    expect(answer.reason).toBe('authentication failure');
    expect(answer.json).toMatchObject({ data: null });
  });

  it('answers 401 "No ticket" when no credentials are sent', async () => {
    const answer = await api(pve8, '/nodes', { headers: { authorization: '' } });
    expect(answer.status).toBe(401);
    expect(answer.reason).toBe('No ticket');
  });

  it('refuses a PBS token written PVE-style (= instead of :) with a plain-text 401', async () => {
    const answer = await api(pbs, '/admin/datastore', {
      headers: { authorization: `PBSAPIToken=${pbs.tokenId}=${pbs.tokenSecret}` },
    });
    expect(answer.status).toBe(401);
    expect(answer.json).toBeUndefined();
    expect(answer.text).toMatch(/authentication failed|no authentication/);
  });
});

describe('privileges', () => {
  it('refuses guest-agent calls to a PVE 8 auditor token without VM.Monitor (403)', async () => {
    const token = extra(pve8, '!auditor');
    const headers = { authorization: `PVEAPIToken=${token.tokenId}=${token.tokenSecret}` };
    const answer = await api(pve8, '/nodes/pve1/qemu/101/agent/get-fsinfo', { headers });
    expect(answer.status).toBe(403);
    expect(answer.reason).toBe('Permission check failed (/vms/101, VM.Monitor)');
    expect((await api(pve8, '/nodes/pve1/qemu/101/status/current', { headers })).status).toBe(200);
  });

  it('lets a PVE 9 auditor token read agent data (it has VM.GuestAgent.Audit)', async () => {
    const token = extra(pve9, '!auditor');
    const headers = { authorization: `PVEAPIToken=${token.tokenId}=${token.tokenSecret}` };
    expect((await api(pve9, '/nodes/minipc/qemu/200/agent/get-fsinfo', { headers })).status).toBe(
      200,
    );
  });

  it('refuses Sys.Audit calls to a token without ACLs, hides guests it may not audit', async () => {
    const token = extra(pve8, '!noaccess');
    const headers = { authorization: `PVEAPIToken=${token.tokenId}=${token.tokenSecret}` };
    const status = await api(pve8, '/cluster/status', { headers });
    expect(status.status).toBe(403);
    expect(status.reason).toBe('Permission check failed (/, Sys.Audit)');
    const resources = await api(pve8, '/cluster/resources?type=vm', { headers });
    expect(resources.json).toEqual({ data: [] });
  });

  it('answers PBS permission failures with 403 and a plain-text body', async () => {
    const token = extra(pbs, '!noaccess');
    const answer = await api(pbs, '/nodes/localhost/status', {
      headers: { authorization: `PBSAPIToken=${token.tokenId}:${token.tokenSecret}` },
    });
    expect(answer.status).toBe(403);
    expect(answer.text).toBe('permission check failed');
  });
});

describe('tickets', () => {
  it('logs in with a password and then reads with the PVEAuthCookie', async () => {
    const answer = await login(pve8);
    expect(answer.status).toBe(200);
    const { ticket, clustername } = (
      answer.json as { data: { ticket: string; clustername: string } }
    ).data;
    expect(ticket).toMatch(/^PVE:root@pam:[0-9A-F]{8}::/);
    expect(clustername).toBe('homelab');
    const nodes = await api(pve8, '/nodes', {
      headers: { authorization: '', cookie: `PVEAuthCookie=${encodeURIComponent(ticket)}` },
    });
    expect(nodes.status).toBe(200);
  });

  it('refuses a wrong password with 401', async () => {
    expect((await login(pve8, 'root@pam', 'wrong')).status).toBe(401);
    expect((await login(pbs, 'root@pam', 'wrong')).status).toBe(401);
  });

  it('refuses a POST sent with a ticket but without CSRFPreventionToken', async () => {
    const { ticket, CSRFPreventionToken } = (
      (await login(pve8)).json as { data: { ticket: string; CSRFPreventionToken: string } }
    ).data;
    const cookie = `PVEAuthCookie=${encodeURIComponent(ticket)}`;
    const path = '/nodes/pve1/qemu/104/status/start';
    const without = await api(pve8, path, {
      method: 'POST',
      headers: { authorization: '', cookie },
    });
    expect(without.status).toBe(401);
    expect(without.reason).toBe('Permission denied - invalid csrf token');
    const headers = { authorization: '', cookie, csrfpreventiontoken: CSRFPreventionToken };
    const started = await api(pve8, path, { method: 'POST', headers });
    expect(started.status).toBe(200);
    expect((started.json as { data: string }).data).toMatch(/^UPID:pve1:.*:qmstart:104:root@pam:$/);
    await api(pve8, '/nodes/pve1/qemu/104/status/stop', { method: 'POST', headers });
  });

  it('refuses a ticket after two simulated hours, and renews one before that', async () => {
    const control = simControl(pbs);
    const { ticket } = ((await login(pbs)).json as { data: { ticket: string } }).data;
    const cookie = { authorization: '', cookie: `PBSAuthCookie=${encodeURIComponent(ticket)}` };
    await control.advanceClock(3_600);
    expect((await api(pbs, '/admin/datastore', { headers: cookie })).status).toBe(200);
    const renewed = await login(pbs, 'root@pam', ticket);
    expect(renewed.status).toBe(200);
    await control.advanceClock(3_601);
    expect((await api(pbs, '/admin/datastore', { headers: cookie })).status).toBe(401);
    const fresh = (renewed.json as { data: { ticket: string } }).data.ticket;
    expect(
      (
        await api(pbs, '/admin/datastore', {
          headers: { authorization: '', cookie: `PBSAuthCookie=${encodeURIComponent(fresh)}` },
        })
      ).status,
    ).toBe(200);
  });
});
