import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { Agent, fetch as undiciFetch } from 'undici';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.ts';
import { makeTempDir, startTestApp } from '../helpers/test-app.ts';

function makeCertificate(dir: string): { cert: string; key: string } {
  const cert = join(dir, 'cert.pem');
  const key = join(dir, 'key.pem');
  const result = spawnSync('openssl', [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-days',
    '2',
    '-subj',
    '/CN=localhost',
    '-keyout',
    key,
    '-out',
    cert,
  ]);
  if (result.status !== 0) throw new Error(`openssl failed: ${result.stderr}`);
  return { cert, key };
}

describe('native HTTPS', () => {
  it('serves the API over TLS and reports it in the security status', async () => {
    const files = makeCertificate(makeTempDir('pulse-tls-'));
    const t = await startTestApp({
      HTTPS_ENABLED: 'true',
      TLS_CERT_FILE: files.cert,
      TLS_KEY_FILE: files.key,
    });
    const address = t.app.http.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const dispatcher = new Agent({ connect: { rejectUnauthorized: false } });

    const health = await undiciFetch(`https://127.0.0.1:${port}/api/health`, { dispatcher });
    const status = await undiciFetch(`https://127.0.0.1:${port}/api/security/status`, {
      dispatcher,
    });

    expect(health.status).toBe(200);
    expect(((await status.json()) as { hasHTTPS: boolean }).hasHTTPS).toBe(true);
    await dispatcher.close();
    await t.close();
  });

  it('refuses to start without readable files, leaving the data folder usable', async () => {
    const dataDir = makeTempDir();
    const env = { HTTPS_ENABLED: 'true', TLS_CERT_FILE: '/nonexistent/cert.pem' };

    const failed = startTestApp(env, { dataDir, listen: false });
    await expect(failed).rejects.toBeInstanceOf(ConfigError);
    await expect(failed).rejects.toThrow(/^TLS_CERT_FILE: cannot read \/nonexistent\/cert.pem/);

    const next = await startTestApp({}, { dataDir, listen: false });
    await next.close();
  });
});
