import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
// `node --import tsx` is what `npx tsx` runs, minus two wrappers that get signals wrong:
// npx does not forward SIGTERM (the server keeps running), and the tsx CLI kills its child
// with SIGKILL when the child does not acknowledge a relayed signal within 30 ms.
const NODE_ARGS = ['--import', 'tsx', 'packages/server/src/main.ts'];
const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 10_000;
const MAX_OUTPUT_CHARS = 200_000;

export interface PulseServerOptions {
  /** @default a free loopback port */
  port?: number;
  /** @default a new temp dir, deleted by `stop()` */
  dataDir?: string;
  /** Extra environment, e.g. `{ LOG_LEVEL: 'debug' }`. */
  env?: Record<string, string>;
}

export interface PulseServer {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  url: string;
  port: number;
  dataDir: string;
  /** Everything the server printed so far (stdout and stderr), for failure messages. */
  output(): string;
  /** SIGTERM, then waits for the exit; resolves the exit code. Same port and data dir stay. */
  restart(): Promise<number | null>;
  /** SIGTERM, waits for the exit and deletes the data dir if it was created here. */
  stop(): Promise<number | null>;
}

/**
 * Runs the real Pulse (`packages/server/src/main.ts serve` through tsx) on loopback with its own
 * data dir and resolves once `GET /api/health` answers.
 */
export async function startPulseServer(options: PulseServerOptions = {}): Promise<PulseServer> {
  const port = options.port ?? (await freePort());
  const ownsDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'pulse-e2e-')));
  const url = `http://127.0.0.1:${port}`;
  let output = '';
  let child = await launch();

  async function launch(): Promise<ChildProcess> {
    const next = spawn(process.execPath, [...NODE_ARGS, 'serve'], {
      cwd: REPO_ROOT,
      env: serverEnv(port, dataDir, options.env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const append = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-MAX_OUTPUT_CHARS);
    };
    next.stdout?.on('data', append);
    next.stderr?.on('data', append);

    try {
      await waitForHealth(url, next);
    } catch (err) {
      await terminate(next);
      throw new Error(`${(err as Error).message}\n--- server output ---\n${output}`);
    }
    return next;
  }

  return {
    url,
    port,
    dataDir,
    output: () => output,
    async restart() {
      const code = await terminate(child);
      child = await launch();
      return code;
    },
    async stop() {
      const code = await terminate(child);
      if (ownsDataDir) await rm(dataDir, { recursive: true, force: true });
      return code;
    },
  };
}

function serverEnv(
  port: number,
  dataDir: string,
  extra: Record<string, string> = {},
): NodeJS.ProcessEnv {
  // Vitest marks its own process as a test run; the server should run as users run it.
  const { NODE_ENV: _nodeEnv, VITEST: _vitest, ...inherited } = process.env;
  return {
    ...inherited,
    FRONTEND_PORT: String(port),
    BACKEND_HOST: '127.0.0.1',
    PULSE_DATA_DIR: dataDir,
    ...extra,
  };
}

async function waitForHealth(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`pulse exited during start-up (code ${child.exitCode ?? child.signalCode})`);
    }
    try {
      const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(1_000) });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`pulse did not answer ${url}/api/health within ${START_TIMEOUT_MS} ms`);
}

/** SIGTERM, as a service manager stops Pulse; SIGKILL if it hangs. Resolves the exit code. */
async function terminate(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;

  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  const [code] = (await exited) as [number | null];
  clearTimeout(timer);
  return code;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
