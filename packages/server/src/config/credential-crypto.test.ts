import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CredentialCrypto, KEY_FILE } from './credential-crypto.ts';
import { normalizeHost } from './nodes-input.ts';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'pulse-crypto-'));
  dirs.push(dir);
  return dir;
};

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('CredentialCrypto', () => {
  it('creates a 0600 key once and opens what it sealed, across instances', () => {
    const dir = tempDir();
    const sealed = CredentialCrypto.forDataDir(dir).seal('s3cret');
    expect(statSync(join(dir, KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(sealed.includes(Buffer.from('s3cret'))).toBe(false);
    expect(CredentialCrypto.forDataDir(dir).open(sealed)).toBe('s3cret');
    expect(Buffer.from(readFileSync(join(dir, KEY_FILE), 'utf8').trim(), 'base64')).toHaveLength(
      32,
    );
  });

  it('refuses a tampered value or another folder key', () => {
    const sealed = CredentialCrypto.forDataDir(tempDir()).seal('s3cret');
    const tampered = Buffer.from(sealed);
    tampered[14] = (tampered[14] ?? 0) ^ 1;
    const crypto = CredentialCrypto.forDataDir(tempDir());
    expect(() => crypto.open(sealed)).toThrow();
    expect(() => crypto.open(tampered)).toThrow();
  });
});

describe('normalizeHost', () => {
  it('adds the scheme and the product port, keeps what is given', () => {
    expect(normalizeHost('10.0.0.5', 'pve')).toBe('https://10.0.0.5:8006');
    expect(normalizeHost('pbs.lan', 'pbs')).toBe('https://pbs.lan:8007');
    expect(normalizeHost('https://pve.lan:443/', 'pve')).toBe('https://pve.lan:443');
    expect(() => normalizeHost('https://user:pw@pve.lan', 'pve')).toThrow(/credentials/);
  });
});
