import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateApiToken, secretMatchesHash, secretsEqual, sha3Hex } from './secret-hash.ts';

const SERVER_SRC = join(import.meta.dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('secret comparison', () => {
  it('hashes with SHA3-256 (FIPS 202 test vector)', () => {
    expect(sha3Hex('abc')).toBe('3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532');
  });

  it('accepts only the exact token: no prefix, extension or case variant', () => {
    const token = generateApiToken();
    const stored = sha3Hex(token);

    expect(token).toMatch(/^[0-9a-f]{48}$/);
    expect(secretMatchesHash(token, stored)).toBe(true);
    for (const near of [token.slice(0, -1), `${token}0`, token.toUpperCase(), '', stored]) {
      expect(secretMatchesHash(near, stored)).toBe(false);
    }
    expect(secretsEqual('proxy-secret', 'proxy-secret')).toBe(true);
    expect(secretsEqual('proxy-secre', 'proxy-secret')).toBe(false);
  });

  it('compares fixed-length digests whatever the length of the presented value', () => {
    const stored = sha3Hex('short');

    expect(secretMatchesHash('x'.repeat(100_000), stored)).toBe(false);
    expect(secretMatchesHash('short', 'not-hex')).toBe(false);
  });

  it('is the only place in the server that compares secrets', () => {
    const users = sourceFiles(SERVER_SRC).filter((file) =>
      /timingSafeEqual|bcrypt\.compare/.test(readFileSync(file, 'utf8')),
    );

    expect(users.map((file) => file.slice(SERVER_SRC.length + 1)).sort()).toEqual([
      'security/passwords.ts',
      'security/secret-hash.ts',
    ]);
  });
});
