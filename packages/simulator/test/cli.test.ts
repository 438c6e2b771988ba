import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';

const CLI = join(import.meta.dirname, '..', 'src', 'cli.ts');

function run(args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  const firstLine = new Promise<string>((resolve) =>
    createInterface({ input: child.stdout }).once('line', resolve),
  );
  return { child, exited, firstLine, stderr: () => stderr };
}

describe('simulator CLI', () => {
  it('prints the endpoint list as its first stdout line and exits 0 on SIGTERM', async () => {
    const cli = run(['--scenario', 'lab', '--host', '127.0.0.1', '--port', '0']);
    const listing = JSON.parse(await cli.firstLine) as {
      scenario: string;
      endpoints: Record<string, unknown>[];
    };
    expect(listing.scenario).toBe('lab');
    expect(listing.endpoints.map((e) => e.name)).toEqual(['homelab', 'pve-solo', 'pbs-main']);
    for (const endpoint of listing.endpoints) {
      expect(Object.keys(endpoint)).toEqual(
        expect.arrayContaining([
          'type',
          'name',
          'url',
          'fingerprint',
          'user',
          'password',
          'tokenId',
          'tokenSecret',
          'controlToken',
        ]),
      );
    }
    cli.child.kill('SIGTERM');
    expect(await cli.exited).toBe(0);
  });

  it.each([
    [['--port', 'abc'], '--port must be 0..65535'],
    [['--scenario', 'nope'], 'unknown scenario "nope"'],
    [['--bogus'], "Unknown option '--bogus'"],
  ])('refuses %j with one readable line and exit code 2', async (args, message) => {
    const cli = run(args);
    expect(await cli.exited).toBe(2);
    expect(cli.stderr()).toContain(message);
    expect(cli.stderr()).not.toMatch(/\n\s+at /);
  });
});
