import type { TLSSocket } from 'node:tls';
import { Agent, buildConnector } from 'undici';

/**
 * How a connection proves it reached the right server: the system's certificate
 * authorities, a pinned SHA-256 fingerprint of the leaf certificate, or nothing at all
 * (only when the user turned verification off and pinned nothing).
 */
export type TlsPolicy =
  | { mode: 'verify' }
  | { mode: 'pin'; fingerprint: string }
  | { mode: 'insecure' };

/** Lower-case hex without separators, the form fingerprints are compared in. */
export function normalizeFingerprint(value: string): string {
  return value.replace(/[^0-9a-fA-F]/g, '').toLowerCase();
}

/** The peer presented a certificate other than the pinned one; nothing was sent. */
export class FingerprintMismatch extends Error {
  constructor(
    readonly expected: string,
    readonly actual: string,
  ) {
    super(`certificate fingerprint ${actual || 'missing'} does not match the pinned ${expected}`);
    this.name = 'FingerprintMismatch';
  }
}

export interface DispatcherOptions {
  policy: TlsPolicy;
  /** Milliseconds to establish a connection. */
  connectTimeoutMs: number;
  /** Sockets kept per origin; requests beyond wait for one. */
  connections: number;
}

/**
 * A connector that checks the pin right after the TLS handshake, before undici writes a
 * single byte of the request: a mismatching server never sees a path, header or token.
 * TLS session reuse is off so every handshake presents the certificate again.
 */
function pinningConnector(expected: string, timeout: number): buildConnector.connector {
  const connect = buildConnector({ rejectUnauthorized: false, maxCachedSessions: 0, timeout });
  return (options, callback) => {
    connect(options, (err, socket) => {
      if (err || !socket) return callback(err ?? new Error('no socket'), null);
      const cert = (socket as TLSSocket).getPeerCertificate?.();
      const actual = normalizeFingerprint(cert?.fingerprint256 ?? '');
      if (actual === expected) return callback(null, socket);
      socket.destroy();
      callback(new FingerprintMismatch(expected, actual), null);
    });
  };
}

/** One undici dispatcher per Proxmox endpoint, carrying that endpoint's TLS policy. */
export function createDispatcher(options: DispatcherOptions): Agent {
  const { policy, connectTimeoutMs: timeout } = options;
  const connect =
    policy.mode === 'pin'
      ? pinningConnector(normalizeFingerprint(policy.fingerprint), timeout)
      : buildConnector({ rejectUnauthorized: policy.mode === 'verify', timeout });
  return new Agent({
    connect,
    connections: options.connections,
    keepAliveTimeout: 30_000,
    pipelining: 1,
  });
}
