import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, startTestApp, type TestApp } from '../helpers/test-app.ts';
import {
  ADMIN_PASSWORD,
  ADMIN_USER,
  basicHeader,
  findSecrets,
  PROXY_SECRET,
} from './security-helpers.ts';

const NEW_PASSWORD = 'second-secret-passphrase-77';
const PVE_TOKEN_SECRET = '5b7a3c1e-9d2f-4e8a-b6c0-1f2e3d4c5b6a';
const PVE_TICKET = 'PVE:root@pam:6720F1A2::c2VjcmV0LXRpY2tldC1zaWduYXR1cmU=';

/**
 * Drives a whole security story over real HTTP, then searches every log line and every
 * response (status, headers other than Set-Cookie, body) for each secret it used.
 */
describe('secrets never leak', () => {
  let t: TestApp;
  const seen: string[] = [];
  const secrets = [ADMIN_PASSWORD, NEW_PASSWORD, PVE_TOKEN_SECRET, PVE_TICKET, PROXY_SECRET];
  let apiToken = '';
  let url = '';

  async function call(path: string, init: RequestInit = {}, isOneTimeSecret = false) {
    const response = await fetch(`${url}${path}`, init);
    const body = await response.text();
    const headers = [...response.headers].filter(([name]) => name !== 'set-cookie');
    if (!isOneTimeSecret) seen.push(`${response.status} ${JSON.stringify(headers)} ${body}`);
    return { response, body };
  }

  function json(body: unknown, headers: Record<string, string> = {}): RequestInit {
    return {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    };
  }

  beforeAll(async () => {
    t = await startTestApp({ LOG_LEVEL: 'trace' });
    url = baseUrl(t.app);

    const setup = await call(
      '/api/security/quick-setup',
      json({ username: ADMIN_USER, password: ADMIN_PASSWORD }),
      true,
    );
    apiToken = (JSON.parse(setup.body) as { apiToken: string }).apiToken;
    secrets.push(apiToken);

    await call('/api/login', json({ username: ADMIN_USER, password: 'wrong-guess-1' }));
    const login = await call(
      '/api/login',
      json({ username: ADMIN_USER, password: ADMIN_PASSWORD }),
    );
    const cookies = login.response.headers
      .getSetCookie()
      .map((cookie) => cookie.split(';')[0] ?? '');
    const cookieHeader = cookies.join('; ');
    const csrf =
      cookies.find((cookie) => cookie.startsWith('pulse_csrf='))?.slice('pulse_csrf='.length) ?? '';
    secrets.push(...cookies.map((cookie) => cookie.split('=')[1] ?? ''));

    await call('/api/security/audit', {
      headers: { authorization: basicHeader(ADMIN_USER, ADMIN_PASSWORD) },
    });
    await call('/api/security/audit', { headers: { 'x-api-token': apiToken } });
    await call(`/api/security/audit?token=${apiToken}`);
    await call('/api/state', {
      headers: { authorization: `PVEAPIToken=root@pam!pulse=${PVE_TOKEN_SECRET}` },
    });
    await call('/api/security/status', {
      headers: { cookie: `PVEAuthCookie=${PVE_TICKET}; ${cookieHeader}` },
    });
    await call('/api/security/audit', { headers: { 'x-proxy-secret': PROXY_SECRET } });
    await call(
      '/api/security/change-password',
      json(
        { currentPassword: ADMIN_PASSWORD, newPassword: NEW_PASSWORD },
        { cookie: cookieHeader, 'x-csrf-token': csrf },
      ),
    );
    await call('/api/login', json({ username: ADMIN_USER, password: NEW_PASSWORD }));
    const regenerated = await call(
      '/api/security/regenerate-token',
      json({}, { 'x-api-token': apiToken }),
      true,
    );
    secrets.push((JSON.parse(regenerated.body) as { token: string }).token);
    await call('/api/security/audit?limit=500', {
      headers: { authorization: basicHeader(ADMIN_USER, NEW_PASSWORD) },
    });
  });
  afterAll(() => t.close());

  it('in no log line', () => {
    expect(t.logs().length).toBeGreaterThan(1000);
    expect(findSecrets(t.logs(), secrets)).toEqual([]);
  });

  it('in no API response, the audit log included', () => {
    expect(seen.some((text) => text.includes('password_change'))).toBe(true);
    expect(findSecrets(seen.join('\n'), secrets)).toEqual([]);
  });
});
