import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { type AppOptions, createApp, type PulseApp } from '../../src/app.ts';

export interface TestApp {
  app: PulseApp;
  dataDir: string;
  /** Every log line written so far, for asserting on events or the absence of secrets. */
  logs(): string;
  close(): Promise<void>;
}

export function makeTempDir(prefix = 'pulse-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/**
 * Builds the real app in-process on a fresh data folder, listening on a loopback port.
 * `env` is merged over a minimal environment; pass `dataDir` to reuse a folder (restarts).
 */
export async function startTestApp(
  env: NodeJS.ProcessEnv = {},
  options: { dataDir?: string; listen?: boolean } & Omit<AppOptions, 'env'> = {},
): Promise<TestApp> {
  const dataDir = options.dataDir ?? makeTempDir();
  const stream = new PassThrough();
  const chunks: string[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));

  const app = await createApp({
    ...options,
    env: {
      PULSE_DATA_DIR: dataDir,
      FRONTEND_PORT: '0',
      BACKEND_HOST: '127.0.0.1',
      LOG_LEVEL: 'debug',
      ...env,
    },
    logDestination: stream,
  });
  if (options.listen !== false) await app.listen();

  return {
    app,
    dataDir,
    logs: () => chunks.join(''),
    close: async () => {
      await app.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Base URL of a listening test app. */
export function baseUrl(app: PulseApp): string {
  const address = app.http.server.address();
  if (!address || typeof address === 'string') throw new Error('app is not listening');
  return `http://127.0.0.1:${address.port}`;
}

/** Fetches a URL and returns its JSON body as the type the test expects. */
export async function getJson<T>(url: string, init?: RequestInit): Promise<T> {
  return (await (await fetch(url, init)).json()) as T;
}
