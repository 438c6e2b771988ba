import { rmSync } from 'node:fs';
import type { ChartsResponse, StorageChartsResponse } from '@pulse/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, startTestApp, type TestApp } from '../helpers/test-app.ts';
import { buildState, nextCycle, seededRandom } from '../live/state-factory.ts';
import { addNode, type Lab, nodeBody, startLab } from '../monitor/lab-fixture.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const ENV = { DISABLE_AUTH: 'true', CONNECTION_TIMEOUT: '2', LOG_LEVEL: 'info' };

async function get<T>(pulse: TestApp, url: string): Promise<{ status: number; body: T }> {
  const response = await pulse.app.http.inject({ method: 'GET', url });
  return { status: response.statusCode, body: response.json() as T };
}

describe('history across a restart', () => {
  let lab: Lab;
  const dataDir = makeTempDir();

  beforeAll(async () => {
    lab = await startLab();
  });

  afterAll(async () => {
    await lab?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('still serves the recorded points after Pulse is closed and started again', async () => {
    const first = await startTestApp(ENV, { dataDir, listen: false });
    for (const endpoint of lab.sim.endpoints) await addNode(first, nodeBody(endpoint));
    await first.app.monitor.pollOnce();
    const before = await get<ChartsResponse>(first, '/api/charts?range=1h');
    await first.close();

    // Not listening and not polled: whatever it shows comes from the database.
    const second = await startTestApp(ENV, { dataDir, listen: false });
    const after = await get<ChartsResponse>(second, '/api/charts?range=1h');
    await second.close();

    const guestIds = Object.keys(before.body.data);
    expect(guestIds.length).toBeGreaterThan(3);
    expect(Object.keys(after.body.data).sort()).toEqual(guestIds.sort());
    expect(Object.keys(after.body.nodeData).sort()).toEqual(
      Object.keys(before.body.nodeData).sort(),
    );
    expect(Object.keys(after.body.datastoreData).length).toBeGreaterThan(0);
    for (const id of guestIds) {
      expect(after.body.data[id]?.cpu).toEqual(before.body.data[id]?.cpu);
    }
  });
});

describe('chart ranges', () => {
  let pulse: TestApp;
  const guestId = 'pve1-node1-100';
  const now = Date.now();

  beforeAll(async () => {
    pulse = await startTestApp(ENV, { listen: false });
    // Three days of cycles every 5 minutes, with maintenance as the timer would run it.
    const random = seededRandom(5);
    let state = buildState({ guests: 4 });
    for (let at = now - 3 * DAY; at <= now; at += 5 * MINUTE) {
      pulse.app.history.record(state, { atMs: at });
      pulse.app.history.maintain(at);
      state = nextCycle(state, random);
    }
    for (let pass = 0; pass < 50; pass++) pulse.app.history.maintain(now);
  });

  afterAll(async () => {
    await pulse?.close();
  });

  it('answers 7d from the hourly tier with min and max, beyond what finer tiers keep', async () => {
    const { status, body } = await get<ChartsResponse>(pulse, '/api/charts?range=7d');

    expect(status).toBe(200);
    expect(body.stats).toMatchObject({ range: '7d', resolution: '1h', stepSeconds: 3600 });
    const cpu = body.data[guestId]?.cpu ?? [];
    expect(cpu.length).toBeGreaterThanOrEqual(70);
    expect(cpu.length).toBeLessThanOrEqual(73);
    expect(cpu[0]!.timestamp).toBeLessThan(now - 2 * DAY);
    for (const point of cpu) {
      expect(point.timestamp % HOUR).toBe(0);
      expect(point.min).toBeLessThanOrEqual(point.value);
      expect(point.max).toBeGreaterThanOrEqual(point.value);
    }
    expect(body.stats.oldestDataTimestamp).toBe(cpu[0]!.timestamp);
  });

  it('answers 1h from raw points and 24h from five-minute buckets', async () => {
    const hour = await get<ChartsResponse>(pulse, '/api/charts?range=1h');
    const day = await get<ChartsResponse>(pulse, '/api/charts');
    const fromDay = await get<ChartsResponse>(pulse, '/api/charts?range=24h');

    expect(hour.body.stats.resolution).toBe('raw');
    expect(hour.body.data[guestId]?.cpu[0]?.min).toBeUndefined();
    expect(day.body.stats.range).toBe('1h');
    expect(fromDay.body.stats.resolution).toBe('5m');
    expect(fromDay.body.data[guestId]?.cpu.length).toBeGreaterThan(250);
  });

  it('returns one resource with ?id= and 404 for an unknown one', async () => {
    const one = await get<ChartsResponse>(pulse, `/api/charts?range=30d&id=${guestId}`);
    const missing = await get<{ code: string }>(pulse, '/api/charts?id=pve9-nowhere-1');

    expect(Object.keys(one.body.data)).toEqual([guestId]);
    expect(Object.keys(one.body.nodeData)).toEqual([]);
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('not_found');
  });

  it('rejects an unknown range with 400 naming the parameter', async () => {
    const { status, body } = await get<{ error: string }>(pulse, '/api/charts?range=2y');

    expect(status).toBe(400);
    expect(body.error).toMatch(/^query\.range/);
  });

  it('serves storage capacity series with RFC 3339 times, and PBS datastores', async () => {
    const { status, body } = await get<StorageChartsResponse>(
      pulse,
      '/api/storage-charts?range=30',
    );

    expect(status).toBe(200);
    const local = body['pve1-node1-local'];
    expect(local?.usage?.length).toBeGreaterThan(3);
    expect(local?.total?.[0]?.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(body['pbs-backup-main']?.used?.length).toBeGreaterThan(3);
    expect((await get(pulse, '/api/storage-charts?range=abc')).status).toBe(400);
  });

  it('documents the range and id parameters in the OpenAPI document', async () => {
    const { body } = await get<{
      paths: Record<string, { get: { parameters: { name: string }[] } }>;
    }>(pulse, '/api/openapi.json');

    const names = body.paths['/api/charts']?.get.parameters.map((parameter) => parameter.name);
    expect(names).toEqual(['range', 'id']);
  });
});
