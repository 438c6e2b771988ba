import { afterEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';

const REQUIRED = [
  'content-security-policy',
  'x-content-type-options',
  'referrer-policy',
  'permissions-policy',
];

describe('security headers and CORS', () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('puts the security headers on every kind of response', async () => {
    t = await startTestApp({ API_TOKEN: 'header-test-token-123456' }, { listen: false });
    const responses = await Promise.all(
      ['/api/health', '/api/security/audit', '/api/nope', '/', '/favicon.svg'].map((url) =>
        t!.app.http.inject({ url }),
      ),
    );

    for (const response of responses) {
      for (const name of REQUIRED) expect(response.headers[name], name).toBeDefined();
      expect(response.headers['x-frame-options']).toBe('DENY');
    }
    expect(responses.map((response) => response.statusCode)).toContain(401);
  });

  it('allows no inline or eval script and no framing by default', async () => {
    t = await startTestApp({ DISABLE_AUTH: 'true' }, { listen: false });
    const csp = String((await t.app.http.inject({ url: '/' })).headers['content-security-policy']);
    const scriptSrc = csp.split(';').find((part) => part.trim().startsWith('script-src')) ?? '';

    expect(csp).not.toContain('unsafe-eval');
    expect(scriptSrc.trim()).toBe("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
  });

  it('lists the allowed embedding origins in frame-ancestors when embedding is on', async () => {
    t = await startTestApp(
      {
        DISABLE_AUTH: 'true',
        ALLOW_EMBEDDING: 'true',
        ALLOWED_EMBED_ORIGINS: 'https://home.example.lan,https://wall.example.lan',
      },
      { listen: false },
    );
    const response = await t.app.http.inject({ url: '/' });

    expect(response.headers['content-security-policy']).toContain(
      "frame-ancestors 'self' https://home.example.lan https://wall.example.lan",
    );
    expect(response.headers['x-frame-options']).toBeUndefined();
  });

  it('echoes only a listed origin for CORS and answers preflights before auth', async () => {
    t = await startTestApp(
      {
        API_TOKEN: 'cors-test-token-1234567',
        ALLOWED_ORIGINS: 'https://a.example,https://b.example',
      },
      { listen: false },
    );
    const listed = await t.app.http.inject({
      url: '/api/health',
      headers: { origin: 'https://b.example' },
    });
    const other = await t.app.http.inject({
      url: '/api/health',
      headers: { origin: 'https://evil.example' },
    });
    const preflight = await t.app.http.inject({
      method: 'OPTIONS',
      url: '/api/security/audit',
      headers: { origin: 'https://a.example', 'access-control-request-method': 'GET' },
    });

    expect(listed.headers['access-control-allow-origin']).toBe('https://b.example');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('https://a.example');
    expect(preflight.headers['access-control-allow-headers']).toContain('X-API-Token');
    expect(preflight.headers['access-control-allow-credentials']).toBeUndefined();
  });
});
