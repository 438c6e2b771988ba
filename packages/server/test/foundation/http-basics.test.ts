import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HealthResponse, VersionResponse } from '@pulse/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/config/version.ts';
import { baseUrl, getJson, startTestApp, type TestApp } from '../helpers/test-app.ts';

const rootVersion = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')).version;

describe('health, version and the error boundary over real HTTP', () => {
  let t: TestApp;
  let url: string;

  beforeAll(async () => {
    t = await startTestApp({ DISABLE_AUTH: 'true' });
    url = baseUrl(t.app);
  });
  afterAll(() => t.close());

  it('reports healthy with unix seconds and a growing uptime', async () => {
    const first = await getJson<HealthResponse>(`${url}/api/health`);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const second = await getJson<HealthResponse>(`${url}/api/health`);

    expect(first.status).toBe('healthy');
    expect(Math.abs(first.timestamp - Date.now() / 1000)).toBeLessThan(5);
    expect(Number.isInteger(first.timestamp)).toBe(true);
    expect(second.uptime).toBeGreaterThan(first.uptime);
  });

  it('reports the version of the root package.json and the node runtime', async () => {
    const body = await getJson<VersionResponse>(`${url}/api/version`);

    expect(body).toMatchObject({ version: rootVersion, runtime: 'node', channel: 'stable' });
    expect(typeof body.isDocker).toBe('boolean');
    expect(typeof body.isDevelopment).toBe('boolean');
    expect(['release', 'development']).toContain(body.build);
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const response = await fetch(`${url}/api/does-not-exist`);

    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(((await response.json()) as { error: string }).error).toMatch(/no route/);
  });

  it('serves an OpenAPI document listing every route of the table', async () => {
    const doc = await getJson<{ paths: Record<string, Record<string, unknown>> }>(
      `${url}/api/openapi.json`,
    );

    for (const route of t.app.routes) {
      const path = route.url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
      expect(
        doc.paths[path]?.[route.method.toLowerCase()],
        `${route.method} ${path}`,
      ).toBeDefined();
    }
  });
});
