/** What went wrong talking to a Proxmox endpoint; callers branch on it. */
export type ProxmoxErrorKind =
  | 'unreachable'
  | 'tls-mismatch'
  | 'tls'
  | 'auth'
  | 'permission'
  | 'timeout'
  | 'bad-response'
  | 'http'
  /** A cluster member answered, but the node the call was for is down (PVE 595/596). */
  | 'node-unreachable';

export interface ProxmoxErrorDetails {
  kind: ProxmoxErrorKind;
  /** Configured endpoint name, never a URL with credentials. */
  endpoint: string;
  /** API path without query, e.g. `/nodes/pve1/status`. */
  path?: string;
  status?: number;
  cause?: unknown;
}

/**
 * A failed call to a Proxmox endpoint. The message names the endpoint and the path and
 * never carries a credential, a ticket or a response body that could echo one.
 */
export class ProxmoxError extends Error {
  readonly kind: ProxmoxErrorKind;
  readonly endpoint: string;
  readonly path: string | undefined;
  readonly status: number | undefined;

  constructor(message: string, details: ProxmoxErrorDetails) {
    super(message, { cause: details.cause });
    this.name = 'ProxmoxError';
    this.kind = details.kind;
    this.endpoint = details.endpoint;
    this.path = details.path;
    this.status = details.status;
  }

  /** Worth retrying on the same endpoint: the request may not have been the problem. */
  get isTransient(): boolean {
    if (this.kind === 'unreachable' || this.kind === 'timeout') return true;
    return this.kind === 'http' && this.status !== undefined && this.status >= 500;
  }

  /** The endpoint itself is gone: a cluster should try another member. */
  get isConnectionFailure(): boolean {
    return this.kind === 'unreachable' || this.kind === 'timeout' || this.kind === 'tls';
  }
}

export function isProxmoxError(err: unknown): err is ProxmoxError {
  return err instanceof ProxmoxError;
}
