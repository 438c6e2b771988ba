import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import bcrypt from 'bcryptjs';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { baseUrl, startTestApp, type TestApp } from '../helpers/test-app.ts';
import { ADMIN_PASSWORD, ADMIN_USER, API_TOKEN, login, PROXY_SECRET } from './security-helpers.ts';

/** Opens `/ws` and resolves to the HTTP status of the upgrade (101 when it opened). */
function wsStatus(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, { headers });
    socket.on('open', () => {
      socket.terminate();
      resolve(101);
    });
    socket.on('unexpected-response', (_request, response) => {
      socket.terminate();
      resolve(response.statusCode ?? 0);
    });
    socket.on('error', () => resolve(0));
  });
}

describe('authentication modes', () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('before setup answers only the setup; a public address may not claim the admin', async () => {
    t = await startTestApp({}, { listen: false });
    const status = (await t.app.http.inject({ url: '/api/security/status' })).json();
    const audit = await t.app.http.inject({ url: '/api/security/audit' });
    const fromInternet = await t.app.http.inject({
      method: 'POST',
      url: '/api/security/quick-setup',
      remoteAddress: '203.0.113.9',
      payload: { username: ADMIN_USER, password: ADMIN_PASSWORD },
    });

    expect(status).toMatchObject({ mode: 'setup', setupRequired: true, authenticated: false });
    expect(audit.statusCode).toBe(401);
    expect(fromInternet.statusCode).toBe(403);
  });

  it('first-run setup shows the token once; setup again needs that token', async () => {
    t = await startTestApp({}, { listen: false });
    const setup = async (headers: Record<string, string> = {}) =>
      t!.app.http.inject({
        method: 'POST',
        url: '/api/security/quick-setup',
        headers,
        payload: { username: ADMIN_USER, password: ADMIN_PASSWORD },
      });

    const first = await setup();
    const token = first.json().apiToken as string;
    const again = await setup();
    const withToken = await setup({ 'x-api-token': token });
    const status = (await t.app.http.inject({ url: '/api/security/status' })).json();

    expect(first.statusCode).toBe(200);
    expect(token).toMatch(/^[0-9a-f]{48}$/);
    expect(again.statusCode).toBe(409);
    expect(withToken.statusCode).toBe(200);
    expect(withToken.json().apiToken).not.toBe(token);
    expect(status).toMatchObject({ mode: 'password+token', apiTokenConfigured: true });
    expect(status.apiTokenHint).toBe(`…${(withToken.json().apiToken as string).slice(-4)}`);
  });

  it('refuses a password shorter than 8 characters', async () => {
    t = await startTestApp({}, { listen: false });
    const response = await t.app.http.inject({
      method: 'POST',
      url: '/api/security/quick-setup',
      payload: { username: ADMIN_USER, password: 'short' },
    });

    expect(response.statusCode).toBe(400);
  });

  it('accepts a bcrypt hash in PULSE_AUTH_PASS and refuses a truncated one', async () => {
    const hash = await bcrypt.hash(ADMIN_PASSWORD, 4);
    t = await startTestApp(
      { PULSE_AUTH_USER: ADMIN_USER, PULSE_AUTH_PASS: hash },
      { listen: false },
    );
    await expect(login(t.app)).resolves.toBeDefined();
    await t.close();
    t = undefined;

    await expect(
      startTestApp(
        { PULSE_AUTH_USER: ADMIN_USER, PULSE_AUTH_PASS: hash.slice(0, 50) },
        { listen: false },
      ),
    ).rejects.toThrow(/truncated bcrypt hash/);
  });

  it('in API-only mode lets the UI read without the token but not change anything', async () => {
    t = await startTestApp({ API_TOKEN }, { listen: false });
    const read = await t.app.http.inject({ url: '/api/security/status' });
    const write = await t.app.http.inject({ method: 'POST', url: '/api/security/apply-restart' });
    const tokenWrite = await t.app.http.inject({
      method: 'POST',
      url: '/api/security/apply-restart',
      headers: { 'x-api-token': API_TOKEN },
    });

    expect(read.json()).toMatchObject({ apiOnly: true, canWrite: false });
    expect(write.statusCode).toBe(401);
    expect(tokenWrite.statusCode).toBe(200);
  });

  it('regenerating the token retires the old one at once', async () => {
    t = await startTestApp({}, { listen: false });
    const setup = await t.app.http.inject({
      method: 'POST',
      url: '/api/security/quick-setup',
      payload: { username: ADMIN_USER, password: ADMIN_PASSWORD },
    });
    const oldToken = setup.json().apiToken as string;
    const regenerated = await t.app.http.inject({
      method: 'POST',
      url: '/api/security/regenerate-token',
      headers: { 'x-api-token': oldToken },
    });
    const newToken = regenerated.json().token as string;
    const audit = (token: string) =>
      t!.app.http.inject({ url: '/api/security/audit', headers: { 'x-api-token': token } });

    expect((await audit(oldToken)).statusCode).toBe(401);
    expect((await audit(newToken)).statusCode).toBe(200);
  });

  it('makes a proxy user without the admin role read-only', async () => {
    t = await startTestApp(
      {
        PROXY_AUTH_SECRET: PROXY_SECRET,
        PROXY_AUTH_USER_HEADER: 'Remote-User',
        PROXY_AUTH_ROLE_HEADER: 'Remote-Groups',
      },
      { listen: false },
    );
    const headers = {
      'x-proxy-secret': PROXY_SECRET,
      'remote-user': 'bo',
      'remote-groups': 'users',
    };
    const status = (await t.app.http.inject({ url: '/api/security/status', headers })).json();
    const write = await t.app.http.inject({
      method: 'POST',
      url: '/api/security/apply-restart',
      headers,
    });

    expect(status).toMatchObject({
      hasProxyAuth: true,
      proxyAuthUsername: 'bo',
      proxyAuthIsAdmin: false,
    });
    expect(write.statusCode).toBe(403);
  });

  it('DISABLE_AUTH lets all through, says so on each response and warns in the log', async () => {
    t = await startTestApp({ DISABLE_AUTH: 'true' }, { listen: false });
    const response = await t.app.http.inject({ url: '/api/security/audit' });

    expect(response.statusCode).toBe(200);
    expect(response.headers['x-auth-disabled']).toBe('true');
    const warning = t
      .logs()
      .split('\n')
      .find((line) => line.includes('authentication disabled'));
    expect(JSON.parse(warning ?? '{}')).toMatchObject({ level: 40, setting: 'DISABLE_AUTH' });
  });

  it('recovery mode admits a direct loopback connection, never one through a proxy', async () => {
    t = await startTestApp(
      {
        PULSE_AUTH_USER: ADMIN_USER,
        PULSE_AUTH_PASS: ADMIN_PASSWORD,
        PULSE_TRUSTED_PROXIES: '127.0.0.2',
      },
      { listen: false },
    );
    writeFileSync(join(t.dataDir, '.auth_recovery'), 'test\n');
    const get = (remoteAddress: string, headers: Record<string, string> = {}) =>
      t!.app.http.inject({ url: '/api/security/recovery', remoteAddress, headers });

    const direct = await get('127.0.0.1');
    const viaForwardedHeader = await get('127.0.0.1', { 'x-forwarded-for': '127.0.0.1' });
    const viaProxy = await get('127.0.0.2');
    const fromLan = await get('192.168.1.50');

    expect(direct.statusCode).toBe(200);
    expect(direct.json()).toMatchObject({ recoveryMode: true });
    expect([viaForwardedHeader.statusCode, viaProxy.statusCode, fromLan.statusCode]).toEqual([
      401, 401, 401,
    ]);
  });

  it('opens the WebSocket with a session cookie or ?token=, and refuses it without', async () => {
    t = await startTestApp({
      PULSE_AUTH_USER: ADMIN_USER,
      PULSE_AUTH_PASS: ADMIN_PASSWORD,
      API_TOKEN,
    });
    const url = `${baseUrl(t.app).replace('http', 'ws')}/ws`;
    const cookies = await login(t.app);

    expect(await wsStatus(url)).toBe(401);
    expect(await wsStatus(`${url}?token=wrong`)).toBe(401);
    expect(await wsStatus(`${url}?token=${API_TOKEN}`)).toBe(101);
    expect(await wsStatus(url, { cookie: `pulse_session=${cookies.session}` })).toBe(101);
  });
});
