import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createApp, type PulseApp } from '../../../packages/server/src/app.ts';
import type { LabEndpoint } from '../../../packages/server/src/cli/demo.ts';
import type { BenchResult, BenchSuite, Progress } from '../types.ts';

const SUITE = 'monitor';
const SCALES = [1000, 10_000];
const STEADY_CYCLES = 4;
const STATE_REQUESTS = 20;
const REPO = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * The simulator runs in its own process, so the CPU time measured here is Pulse's alone.
 * Its first stdout line lists the endpoints.
 */
async function startSimulator(
  scenario: string,
): Promise<{ child: ChildProcess; endpoints: LabEndpoint[] }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(REPO, 'packages/simulator/src/cli.ts'), '--scenario', scenario],
    { cwd: REPO, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const lines = createInterface({ input: child.stdout! });
  const first = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`simulator exited with ${code}`)));
  });
  lines.close();
  return { child, endpoints: (JSON.parse(first) as { endpoints: LabEndpoint[] }).endpoints };
}

async function configure(app: PulseApp, endpoints: LabEndpoint[]): Promise<void> {
  for (const e of endpoints) {
    const res = await app.http.inject({
      method: 'POST',
      url: '/api/config/nodes',
      payload: {
        type: e.type,
        name: e.name,
        host: e.url,
        tokenName: e.tokenId,
        tokenValue: e.tokenSecret,
        fingerprint: e.fingerprint,
      },
    });
    if (res.statusCode !== 201) throw new Error(`configuring ${e.name}: ${res.body}`);
  }
}

/** Runs one cycle of every endpoint; returns its API calls and this process's CPU time. */
async function cycle(app: PulseApp): Promise<{ calls: number; cpuMs: number; wallMs: number }> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const infos = await app.monitor.pollOnce();
  const used = process.cpuUsage(cpu);
  const failed = infos.filter((info) => !info.ok);
  if (failed.length > 0)
    throw new Error(`poll failed: ${failed.map((f) => f.endpoint).join(', ')}`);
  return {
    calls: infos.reduce((sum, info) => sum + info.apiCalls, 0),
    cpuMs: (used.user + used.system) / 1000,
    wallMs: performance.now() - started,
  };
}

/** Over real loopback HTTP; the monitor's own schedule is not started, cycles stay explicit. */
async function stateLatency(app: PulseApp): Promise<{ medianMs: number; bytes: number }> {
  const url = `${await app.http.listen({ port: 0, host: '127.0.0.1' })}/api/state`;
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < STATE_REQUESTS; i++) {
    const started = performance.now();
    const body = await (await fetch(url)).arrayBuffer();
    times.push(performance.now() - started);
    bytes = body.byteLength;
  }
  times.sort((a, b) => a - b);
  return { medianMs: times[Math.floor(times.length / 2)] ?? 0, bytes };
}

async function measure(guests: number, progress: Progress): Promise<BenchResult[]> {
  const scenario = `scale-${guests}`;
  const { child, endpoints } = await startSimulator(scenario);
  const dir = mkdtempSync(join(tmpdir(), 'pulse-bench-monitor-'));
  const app = await createApp({
    env: {
      PULSE_DATA_DIR: dir,
      DISABLE_AUTH: 'true',
      LOG_LEVEL: 'silent',
      CONNECTION_TIMEOUT: '30',
    },
  });
  try {
    await configure(app, endpoints);
    progress(`${scenario}: first cycle`);
    const first = await cycle(app);
    const steady: Awaited<ReturnType<typeof cycle>>[] = [];
    for (let i = 0; i < STEADY_CYCLES; i++) steady.push(await cycle(app));
    const state = await stateLatency(app);
    const rss = process.memoryUsage().rss / 1024 ** 2;
    const mean = (key: 'calls' | 'cpuMs' | 'wallMs') =>
      steady.reduce((sum, c) => sum + c[key], 0) / steady.length;
    const scope = `${scenario}, ${endpoints.length} endpoints`;
    const note = `${scope}; steady = mean of ${STEADY_CYCLES} cycles`;
    return [
      {
        suite: SUITE,
        name: `${scenario} API calls/first cycle`,
        value: first.calls,
        unit: 'calls',
        note: `${note}; includes backups, snapshots, tasks`,
      },
      {
        suite: SUITE,
        name: `${scenario} API calls/steady cycle`,
        value: mean('calls'),
        unit: 'calls',
        note,
      },
      { suite: SUITE, name: `${scenario} CPU/first cycle`, value: first.cpuMs, unit: 'ms', note },
      {
        suite: SUITE,
        name: `${scenario} CPU/steady cycle`,
        value: mean('cpuMs'),
        unit: 'ms',
        note,
      },
      {
        suite: SUITE,
        name: `${scenario} wall/steady cycle`,
        value: mean('wallMs'),
        unit: 'ms',
        note,
      },
      {
        suite: SUITE,
        name: `${scenario} RSS`,
        value: rss,
        unit: 'MiB',
        note: 'after the cycles, whole Pulse process',
      },
      {
        suite: SUITE,
        name: `${scenario} /api/state latency`,
        value: state.medianMs,
        unit: 'ms',
        note: `median of ${STATE_REQUESTS} GETs over loopback HTTP`,
      },
      { suite: SUITE, name: `${scenario} /api/state size`, value: state.bytes / 1024, unit: 'KiB' },
    ];
  } finally {
    await app.close();
    child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

export const suite: BenchSuite = {
  name: SUITE,
  async run(progress) {
    const results: BenchResult[] = [];
    for (const guests of SCALES) results.push(...(await measure(guests, progress)));
    return results;
  },
};
