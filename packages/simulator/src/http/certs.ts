import { createHash, randomBytes, X509Certificate } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from 'selfsigned';

export interface CertPair {
  key: string;
  cert: string;
  /** SHA-256 of the DER certificate: uppercase hex pairs joined by colons, as Proxmox shows it. */
  fingerprint: string;
}

export function defaultCertDir(): string {
  return join(tmpdir(), 'pulse-simulator');
}

/** A folder per scenario; file scenarios are told apart by a hash of their path. */
export function scenarioDir(certDir: string, scenario: string): string {
  const safe = scenario.replace(/[^A-Za-z0-9_-]+/g, '_').slice(-40);
  const hash = createHash('sha256').update(scenario).digest('hex').slice(0, 8);
  return join(certDir, `${safe}-${hash}`);
}

/** Writes through a temporary file so a concurrent reader never sees half a file. */
async function writeAtomic(path: string, content: string | Buffer): Promise<void> {
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
  await writeFile(temp, content, { mode: 0o600 });
  await rename(temp, path);
}

async function readIfPresent(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch {
    return undefined;
  }
}

/** The scenario's secret: credentials derive from it, so they survive restarts. */
export async function scenarioKey(dir: string): Promise<Buffer> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, 'secret.key');
  const existing = await readIfPresent(path);
  if (existing?.length === 32) return existing;
  const key = randomBytes(32);
  await writeAtomic(path, key);
  return key;
}

function withFingerprint(key: string, cert: string): CertPair {
  return { key, cert, fingerprint: new X509Certificate(cert).fingerprint256 };
}

/**
 * The certificate of one listener, generated once and then reused so its fingerprint is
 * stable. EC keys keep first start fast even with a hundred cluster members.
 */
export async function loadCert(dir: string, name: string, ip: string, dns: string) {
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${name.replace(/[^A-Za-z0-9_.-]/g, '_')}.json`);
  const cached = await readIfPresent(path);
  if (cached) {
    const { key, cert } = JSON.parse(cached.toString()) as { key: string; cert: string };
    return withFingerprint(key, cert);
  }
  const now = Date.now();
  const made = await generate(
    [
      { name: 'commonName', value: dns },
      { name: 'organizationName', value: 'PVE Cluster Node' },
    ],
    {
      keyType: 'ec',
      curve: 'P-256',
      algorithm: 'sha256',
      notBeforeDate: new Date(now - 86_400_000),
      notAfterDate: new Date(now + 2 * 365 * 86_400_000),
      extensions: [
        {
          name: 'subjectAltName',
          altNames: [
            { type: 2, value: dns },
            { type: 2, value: 'localhost' },
            { type: 7, ip },
          ],
        },
      ],
    },
  );
  await writeAtomic(path, JSON.stringify({ key: made.private, cert: made.cert }));
  return withFingerprint(made.private, made.cert);
}
