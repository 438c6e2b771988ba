import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:https';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { BenchResult, BenchSuite, Progress } from '../types.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const CLI = join(ROOT, 'packages', 'simulator', 'src', 'cli.ts');

interface Endpoint {
  url: string;
  tokenId: string;
  tokenSecret: string;
}

interface Running {
  child: ChildProcess;
  endpoint: Endpoint;
  /** Milliseconds the simulator itself reported for building the world and binding. */
  startMs: number;
  /** From spawn to the endpoint list on stdout, including loading TypeScript. */
  wallMs: number;
}

/** Resident memory of a process in MiB, from /proc (Linux); NaN elsewhere. */
function rssMiB(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

function launch(scenario: string): Promise<Running> {
  const began = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, '--scenario', scenario], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let startMs = Number.NaN;
    createInterface({ input: child.stderr! }).on('line', (line) => {
      const parsed = /"ms":(\d+)/.exec(line);
      if (parsed) startMs = Number(parsed[1]);
    });
    createInterface({ input: child.stdout! }).once('line', (line) => {
      const endpoint = (JSON.parse(line) as { endpoints: Endpoint[] }).endpoints[0]!;
      // The log line with the start time follows the endpoint list; give it a moment.
      setTimeout(
        () => resolve({ child, endpoint, startMs, wallMs: performance.now() - began }),
        200,
      );
    });
    child.once('exit', (code) =>
      reject(new Error(`simulator exited with ${code} before listing endpoints`)),
    );
  });
}

const agent = new Agent({ keepAlive: true, rejectUnauthorized: false, maxSockets: 1 });

function fetchResources(endpoint: Endpoint): Promise<number> {
  const authorization = `PVEAPIToken=${endpoint.tokenId}=${endpoint.tokenSecret}`;
  return new Promise((resolve, reject) => {
    const req = request(
      `${endpoint.url}/api2/json/cluster/resources?type=vm`,
      { agent, headers: { authorization } },
      (res) => {
        let bytes = 0;
        res.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
        });
        res.on('end', () =>
          res.statusCode === 200 ? resolve(bytes) : reject(new Error(`status ${res.statusCode}`)),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function measure(
  scenario: string,
  requests: number,
  progress: Progress,
): Promise<BenchResult[]> {
  progress(`${scenario}: starting the simulator`);
  const run = await launch(scenario);
  try {
    const idleRss = rssMiB(run.child.pid!);
    progress(`${scenario}: ${requests} sequential /cluster/resources?type=vm requests`);
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < requests; i++) {
      const started = performance.now();
      bytes = await fetchResources(run.endpoint);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    const note = `${requests} requests, loopback, keep-alive, no compression`;
    return [
      {
        suite: 'simulator',
        name: `${scenario} start`,
        value: run.startMs,
        unit: 'ms',
        note: 'world built and listeners bound (as logged)',
      },
      {
        suite: 'simulator',
        name: `${scenario} start (process)`,
        value: run.wallMs,
        unit: 'ms',
        note: 'spawn to endpoint list, incl. tsx',
      },
      { suite: 'simulator', name: `${scenario} RSS idle`, value: idleRss, unit: 'MiB' },
      {
        suite: 'simulator',
        name: `${scenario} RSS after load`,
        value: rssMiB(run.child.pid!),
        unit: 'MiB',
      },
      {
        suite: 'simulator',
        name: `${scenario} /cluster/resources p50`,
        value: percentile(times, 50),
        unit: 'ms',
        note,
      },
      {
        suite: 'simulator',
        name: `${scenario} /cluster/resources p95`,
        value: percentile(times, 95),
        unit: 'ms',
        note,
      },
      {
        suite: 'simulator',
        name: `${scenario} /cluster/resources size`,
        value: bytes,
        unit: 'bytes',
      },
    ];
  } finally {
    run.child.kill('SIGTERM');
  }
}

/** Start time, memory and `/cluster/resources` latency of the simulator at scale. */
export const suite: BenchSuite = {
  name: 'simulator',
  async run(progress) {
    return [
      ...(await measure('scale-1000', 200, progress)),
      ...(await measure('scale-10000', 60, progress)),
    ];
  },
};
