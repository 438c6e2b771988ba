import { afterEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';
import { ADMIN_PASSWORD, ADMIN_USER, basicHeader } from './security-helpers.ts';

const PASSWORD_ENV = { PULSE_AUTH_USER: ADMIN_USER, PULSE_AUTH_PASS: ADMIN_PASSWORD };

describe('rate limits and lockout', () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  function attempt(password: string, remoteAddress: string) {
    return t!.app.http.inject({
      method: 'POST',
      url: '/api/login',
      remoteAddress,
      payload: { username: ADMIN_USER, password },
    });
  }

  it('locks an address out after 5 failed logins, even for the right password', async () => {
    t = await startTestApp(PASSWORD_ENV, { listen: false });
    const statuses: number[] = [];
    for (let index = 0; index < 5; index += 1) {
      statuses.push((await attempt('wrong-password', '10.0.0.66')).statusCode);
    }
    const locked = await attempt(ADMIN_PASSWORD, '10.0.0.66');

    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(14 * 60);
    expect(locked.json().error).toMatch(/too many failed logins; try again in 15 minutes/);
    const events = t.app.security.audit.list(20).map((entry) => `${entry.event}:${entry.outcome}`);
    expect(events).toContain('lockout:failure');
  });

  it('does not lock the admin out from another address', async () => {
    t = await startTestApp(PASSWORD_ENV, { listen: false });
    for (let index = 0; index < 6; index += 1) await attempt('wrong-password', '10.0.0.66');

    expect((await attempt(ADMIN_PASSWORD, '10.0.0.7')).statusCode).toBe(200);
  });

  it('counts failed Basic credentials on API calls towards the same lockout', async () => {
    t = await startTestApp(PASSWORD_ENV, { listen: false });
    const call = (password: string) =>
      t!.app.http.inject({
        url: '/api/security/audit',
        remoteAddress: '10.0.0.99',
        headers: { authorization: basicHeader(ADMIN_USER, password) },
      });
    for (let index = 0; index < 5; index += 1) await call('wrong-password');

    expect((await call(ADMIN_PASSWORD)).statusCode).toBe(429);
  });

  it('allows 10 attempts a minute on auth routes, then answers 429 with Retry-After', async () => {
    t = await startTestApp(PASSWORD_ENV, { listen: false });
    const statuses: number[] = [];
    for (let index = 0; index < 11; index += 1) {
      const response = await t.app.http.inject({
        method: 'POST',
        url: '/api/login',
        remoteAddress: '10.0.1.1',
        payload: { username: ADMIN_USER, password: ADMIN_PASSWORD },
      });
      statuses.push(response.statusCode);
      if (index === 10) expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
    }

    expect(statuses.slice(0, 10).every((status) => status === 200)).toBe(true);
    expect(statuses[10]).toBe(429);
  });

  it('allows 500 API requests a minute per address', async () => {
    t = await startTestApp({ DISABLE_AUTH: 'true' }, { listen: false });
    const statuses = new Map<number, number>();
    for (let index = 0; index < 501; index += 1) {
      const response = await t.app.http.inject({ url: '/api/version', remoteAddress: '10.0.2.1' });
      statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
    }
    const other = await t.app.http.inject({ url: '/api/version', remoteAddress: '10.0.2.2' });

    expect(Object.fromEntries(statuses)).toEqual({ 200: 500, 429: 1 });
    expect(other.statusCode).toBe(200);
  });

  it('believes X-Forwarded-For only from a configured proxy', async () => {
    t = await startTestApp(
      { ...PASSWORD_ENV, PULSE_TRUSTED_PROXIES: '10.9.9.9' },
      { listen: false },
    );
    const status = async (remoteAddress: string, forwardedFor: string) => {
      const response = await t!.app.http.inject({
        url: '/api/security/status',
        remoteAddress,
        headers: { 'x-forwarded-for': forwardedFor },
      });
      return response.json().clientIP as string;
    };

    expect(await status('10.9.9.9', '203.0.113.5')).toBe('203.0.113.5');
    expect(await status('10.9.9.9', '198.51.100.1, 203.0.113.5')).toBe('203.0.113.5');
    expect(await status('10.0.0.50', '203.0.113.5')).toBe('10.0.0.50');
  });
});
