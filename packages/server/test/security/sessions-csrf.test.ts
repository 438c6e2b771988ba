import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir, startTestApp, type TestApp } from '../helpers/test-app.ts';
import {
  ADMIN_PASSWORD,
  ADMIN_USER,
  freshLoopback,
  login,
  sessionHeaders,
} from './security-helpers.ts';

const PASSWORD_ENV = { PULSE_AUTH_USER: ADMIN_USER, PULSE_AUTH_PASS: ADMIN_PASSWORD };
const NEW_PASSWORD = 'a-brand-new-passphrase-42';

describe('sessions and CSRF', () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('sets an HttpOnly, SameSite=Lax session cookie and a script-readable CSRF one', async () => {
    t = await startTestApp(PASSWORD_ENV, { listen: false });
    const response = await t.app.http.inject({
      method: 'POST',
      url: '/api/login',
      payload: { username: ADMIN_USER, password: ADMIN_PASSWORD },
    });
    const session = response.cookies.find((cookie) => cookie.name === 'pulse_session');
    const csrf = response.cookies.find((cookie) => cookie.name === 'pulse_csrf');

    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/', maxAge: 86400 });
    expect(session?.secure).toBeFalsy();
    expect(csrf?.httpOnly).toBeFalsy();
  });

  it('marks cookies Secure when a trusted proxy says the browser used HTTPS', async () => {
    t = await startTestApp(
      { ...PASSWORD_ENV, PULSE_TRUSTED_PROXIES: '127.0.0.1' },
      { listen: false },
    );
    const response = await t.app.http.inject({
      method: 'POST',
      url: '/api/login',
      headers: { 'x-forwarded-proto': 'https', 'x-forwarded-for': '192.168.1.20' },
      payload: { username: ADMIN_USER, password: ADMIN_PASSWORD },
    });

    expect(response.cookies.every((cookie) => cookie.secure === true)).toBe(true);
  });

  it('rejects a state-changing session request without, or with a wrong, CSRF token', async () => {
    t = await startTestApp(PASSWORD_ENV, { listen: false });
    const cookies = await login(t.app);
    const post = (headers: Record<string, string>) =>
      t!.app.http.inject({ method: 'POST', url: '/api/security/apply-restart', headers });

    const missing = await post(sessionHeaders(cookies, false));
    const wrong = await post({ ...sessionHeaders(cookies, false), 'x-csrf-token': 'forged' });
    const otherSession = await login(t.app);
    const swapped = await post({
      ...sessionHeaders(cookies, false),
      'x-csrf-token': otherSession.csrf,
    });
    const valid = await post(sessionHeaders(cookies));

    expect([missing.statusCode, wrong.statusCode, swapped.statusCode]).toEqual([403, 403, 403]);
    expect(missing.json()).toMatchObject({ code: 'csrf_failed' });
    // A mismatch is refused, not answered with a fresh token.
    expect(wrong.cookies).toEqual([]);
    expect(valid.statusCode).toBe(200);
    const audit = t.app.security.audit.list(50).filter((entry) => entry.event === 'csrf_failure');
    expect(audit).toHaveLength(3);
  });

  it('needs no CSRF token for reads or for API-token requests', async () => {
    t = await startTestApp(
      { ...PASSWORD_ENV, API_TOKEN: 'script-token-0123456789abcdef' },
      { listen: false },
    );
    const cookies = await login(t.app);

    const read = await t.app.http.inject({
      url: '/api/security/audit',
      headers: sessionHeaders(cookies, false),
    });
    const tokenWrite = await t.app.http.inject({
      method: 'POST',
      url: '/api/security/apply-restart',
      headers: { 'x-api-token': 'script-token-0123456789abcdef' },
    });

    expect(read.statusCode).toBe(200);
    expect(tokenWrite.statusCode).toBe(200);
  });

  it('keeps sessions across a restart', async () => {
    const dataDir = makeTempDir();
    t = await startTestApp(PASSWORD_ENV, { dataDir, listen: false });
    const cookies = await login(t.app);
    await t.close();

    t = await startTestApp(PASSWORD_ENV, { dataDir, listen: false });
    const response = await t.app.http.inject({
      url: '/api/security/audit',
      headers: sessionHeaders(cookies),
    });

    expect(response.statusCode).toBe(200);
  });

  it('rotates the session on login: the cookie presented before is no longer valid', async () => {
    t = await startTestApp(PASSWORD_ENV, { listen: false });
    const first = await login(t.app);
    const relogin = await t.app.http.inject({
      method: 'POST',
      url: '/api/login',
      headers: sessionHeaders(first),
      payload: { username: ADMIN_USER, password: ADMIN_PASSWORD },
    });
    const old = await t.app.http.inject({
      url: '/api/security/audit',
      headers: sessionHeaders(first),
    });

    expect(relogin.statusCode).toBe(200);
    expect(relogin.cookies.find((cookie) => cookie.name === 'pulse_session')?.value).not.toBe(
      first.session,
    );
    expect(old.statusCode).toBe(401);
  });

  it('logout revokes the session and clears both cookies', async () => {
    t = await startTestApp(PASSWORD_ENV, { listen: false });
    const cookies = await login(t.app);
    const logout = await t.app.http.inject({
      method: 'POST',
      url: '/api/logout',
      headers: sessionHeaders(cookies),
    });
    const after = await t.app.http.inject({
      url: '/api/security/audit',
      headers: sessionHeaders(cookies),
    });

    expect(logout.statusCode).toBe(200);
    const cleared = logout.cookies.filter((cookie) => cookie.value === '' || cookie.maxAge === 0);
    expect(cleared.map((cookie) => cookie.name).sort()).toEqual(['pulse_csrf', 'pulse_session']);
    expect(after.statusCode).toBe(401);
  });

  it('a password change verifies the current password and ends every other session', async () => {
    t = await startTestApp({}, { listen: false });
    const setup = await t.app.http.inject({
      method: 'POST',
      url: '/api/security/quick-setup',
      payload: { username: ADMIN_USER, password: ADMIN_PASSWORD, generateApiToken: false },
    });
    expect(setup.statusCode).toBe(200);
    const laptop = await login(t.app);
    const phone = await login(t.app);
    const change = (currentPassword: string) =>
      t!.app.http.inject({
        method: 'POST',
        url: '/api/security/change-password',
        headers: sessionHeaders(laptop),
        payload: { currentPassword, newPassword: NEW_PASSWORD },
      });

    const wrong = await change('not-the-password');
    const right = await change(ADMIN_PASSWORD);
    const fresh = right.cookies.find((cookie) => cookie.name === 'pulse_session')?.value ?? '';
    const phoneAfter = await t.app.http.inject({
      url: '/api/security/audit',
      headers: sessionHeaders(phone),
    });
    const laptopAfter = await t.app.http.inject({
      url: '/api/security/audit',
      headers: { cookie: `pulse_session=${fresh}` },
    });

    expect(wrong.statusCode).toBe(403);
    expect(right.statusCode).toBe(200);
    expect(phoneAfter.statusCode).toBe(401);
    expect(laptopAfter.statusCode).toBe(200);
    await expect(login(t.app, ADMIN_PASSWORD)).rejects.toThrow();
    await expect(login(t.app, NEW_PASSWORD, freshLoopback())).resolves.toBeDefined();
  });

  it('refuses to change a password that the environment sets', async () => {
    t = await startTestApp(PASSWORD_ENV, { listen: false });
    const cookies = await login(t.app);
    const response = await t.app.http.inject({
      method: 'POST',
      url: '/api/security/change-password',
      headers: sessionHeaders(cookies),
      payload: { currentPassword: ADMIN_PASSWORD, newPassword: NEW_PASSWORD },
    });

    expect(response.statusCode).toBe(409);
  });
});
