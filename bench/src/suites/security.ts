import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PassThrough } from 'node:stream';
import type { InjectOptions } from 'fastify';
import { createApp, type PulseApp } from '../../../packages/server/src/app.ts';
import type { BenchResult, BenchSuite } from '../types.ts';

const SUITE = 'security';
const REQUESTS = 2000;
const WARM_UP = 300;
const TOKEN = 'bench-token-0123456789abcdef0123456789abcdef';
const PASSWORD = 'bench-password-123';

/** Requests per second through the whole pipeline (headers, limits, guard) for one caller. */
async function throughput(app: PulseApp, name: string, request: () => InjectOptions) {
  let address = 0;
  const send = () => {
    address += 1;
    // A new client address each time keeps the 500/min limit out of the measurement.
    const remoteAddress = `10.${address >> 16}.${(address >> 8) & 255}.${address & 255}`;
    return app.http.inject({ ...request(), remoteAddress });
  };
  for (let index = 0; index < WARM_UP; index += 1) await send();

  const started = performance.now();
  for (let index = 0; index < REQUESTS; index += 1) await send();
  const seconds = (performance.now() - started) / 1000;
  return {
    suite: SUITE,
    name,
    value: REQUESTS / seconds,
    unit: 'req/s',
    note: `${REQUESTS} in-process requests`,
  };
}

async function loginCost(app: PulseApp): Promise<BenchResult> {
  const rounds = 5;
  const started = performance.now();
  for (let index = 0; index < rounds; index += 1) {
    await app.http.inject({
      method: 'POST',
      url: '/api/login',
      remoteAddress: `10.200.0.${index + 1}`,
      payload: { username: 'admin', password: PASSWORD },
    });
  }
  const ms = (performance.now() - started) / rounds;
  return { suite: SUITE, name: 'password login', value: ms, unit: 'ms', note: 'bcrypt cost 12' };
}

export const suite: BenchSuite = {
  name: SUITE,
  async run(progress) {
    const dataDir = mkdtempSync(join(tmpdir(), 'pulse-bench-security-'));
    const app = await createApp({
      env: {
        PULSE_DATA_DIR: dataDir,
        PULSE_AUTH_USER: 'admin',
        PULSE_AUTH_PASS: PASSWORD,
        API_TOKEN: TOKEN,
      },
      logDestination: new PassThrough().resume(),
    });
    try {
      progress('login');
      const login = await loginCost(app);
      const response = await app.http.inject({
        method: 'POST',
        url: '/api/login',
        remoteAddress: '10.201.0.1',
        payload: { username: 'admin', password: PASSWORD },
      });
      const cookie = response.cookies.map((entry) => `${entry.name}=${entry.value}`).join('; ');
      progress('guarded requests');
      return [
        login,
        await throughput(app, 'token request', () => ({
          url: '/api/security/audit?limit=1',
          headers: { 'x-api-token': TOKEN },
        })),
        await throughput(app, 'session request', () => ({
          url: '/api/security/audit?limit=1',
          headers: { cookie },
        })),
        await throughput(app, 'refused request (401)', () => ({
          url: '/api/security/audit?limit=1',
        })),
        await throughput(app, 'public request', () => ({ url: '/api/health' })),
      ];
    } finally {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
