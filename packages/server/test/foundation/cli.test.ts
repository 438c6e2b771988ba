import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import bcrypt from 'bcryptjs';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/config/version.ts';
import { makeTempDir } from '../helpers/test-app.ts';

const MAIN = join(REPO_ROOT, 'packages', 'server', 'src', 'main.ts');
const TSX = join(REPO_ROOT, 'node_modules', '.bin', 'tsx');

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function pulseEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: process.env.HOME, BACKEND_HOST: '127.0.0.1', ...extra };
}

async function waitForHealth(port: number): Promise<void> {
  for (let attempt = 0; attempt < 150; attempt++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('pulse did not become healthy');
}

describe('the pulse command', () => {
  it('serves until SIGTERM, then exits 0 without a stack trace', async () => {
    const port = await freePort();
    const env = pulseEnv({ FRONTEND_PORT: String(port), PULSE_DATA_DIR: makeTempDir() });
    const child = spawn(TSX, [MAIN, 'serve'], { env });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));

    await waitForHealth(port);
    child.kill('SIGTERM');

    expect(await exited).toBe(0);
    expect(stderr).not.toMatch(/\bat .+:\d+:\d+/);
  });

  it('stops at start-up with one readable line for a bad setting', () => {
    const env = pulseEnv({ FRONTEND_PORT: 'abc', PULSE_DATA_DIR: makeTempDir() });
    const result = spawnSync(TSX, [MAIN, 'serve'], { env, encoding: 'utf8' });

    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toBe('pulse: FRONTEND_PORT: must be a port number (got "abc")');
  });

  it('prints a bcrypt hash of cost 12 for a password read on stdin', async () => {
    const result = spawnSync(TSX, [MAIN, 'hash-password'], {
      input: 'correct horse battery\n',
      encoding: 'utf8',
      env: pulseEnv({}),
    });
    const hash = result.stdout.trim();

    expect(result.status).toBe(0);
    expect(hash).toMatch(/^\$2[aby]\$12\$/);
    expect(await bcrypt.compare('correct horse battery', hash)).toBe(true);
  });

  it('prints the version and the help', () => {
    const version = spawnSync(TSX, [MAIN, 'version'], { encoding: 'utf8', env: pulseEnv({}) });
    const help = spawnSync(TSX, [MAIN, '--help'], { encoding: 'utf8', env: pulseEnv({}) });

    expect(version.stdout).toMatch(/^Pulse \d+\.\d+\.\d+/);
    expect(help.stdout).toContain('hash-password');
  });
});
