import { readFileSync } from 'node:fs';
import { ConfigError } from '../errors.ts';
import type { Settings } from './settings-schema.ts';

export interface TlsFiles {
  cert: Buffer;
  key: Buffer;
}

function readPem(variable: string, path: string): Buffer {
  if (path === '') throw new ConfigError(`${variable}: required when HTTPS_ENABLED is set`);
  try {
    return readFileSync(path);
  } catch (err) {
    throw new ConfigError(`${variable}: cannot read ${path} (${(err as Error).message})`);
  }
}

/**
 * The certificate and key to serve HTTPS with, or undefined for plain HTTP. Asking for HTTPS
 * without usable files stops start-up: silently serving plain HTTP would send passwords
 * and session cookies in the clear.
 */
export function readTlsFiles(settings: Settings): TlsFiles | undefined {
  if (!settings.httpsEnabled) return undefined;
  return {
    cert: readPem('TLS_CERT_FILE', settings.tlsCertFile),
    key: readPem('TLS_KEY_FILE', settings.tlsKeyFile),
  };
}
