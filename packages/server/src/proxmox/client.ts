import { type Credentials, createAuthenticator, type Product } from './auth.ts';
import { isProxmoxError } from './errors.ts';
import { Limiter } from './limiter.ts';
import type { TlsPolicy } from './tls.ts';
import { type CallCounter, type RequestOptions, Transport } from './transport.ts';

/** One address the endpoint answers on: the configured one, or a cluster member. */
export interface Member {
  baseUrl: string;
  tls: TlsPolicy;
  /** PVE node name behind this address, when known. */
  node?: string;
}

export interface ClientOptions {
  product: Product;
  /** Configured endpoint name, used in error messages. */
  endpoint: string;
  /** The configured address first, then any cluster members to fail over to. */
  members: Member[];
  credentials: Credentials;
  timeoutMs: number;
  /** Requests in flight at once to this endpoint. @default 6 */
  concurrency?: number;
  /** Extra attempts for a read that failed transiently. @default 1 */
  retries?: number;
}

/**
 * A client for one configured Proxmox endpoint. Reads go to the member in use; when that
 * member cannot be reached, the same read is tried on the next member, which then stays
 * in use. Credentials, the concurrency limit and the call counter are shared by members.
 */
export class ProxmoxClient {
  readonly product: Product;
  readonly endpoint: string;
  readonly counter: CallCounter = { calls: 0, failed: 0 };
  private readonly limiter: Limiter;
  private readonly auth;
  private transports: Transport[] = [];
  private active = 0;

  constructor(private readonly options: ClientOptions) {
    this.product = options.product;
    this.endpoint = options.endpoint;
    this.limiter = new Limiter(options.concurrency ?? 6);
    this.auth = createAuthenticator(options.product, options.credentials);
    this.setMembers(options.members);
  }

  /** Base URL of the member requests go to now. */
  get activeUrl(): string {
    return this.transports[this.active]?.baseUrl ?? '';
  }

  get memberUrls(): string[] {
    return this.transports.map((transport) => transport.baseUrl);
  }

  /** Replaces the member list, keeping connections to members that stay. */
  setMembers(members: Member[]): void {
    const activeUrl = this.activeUrl;
    const previous = new Map(this.transports.map((t) => [t.baseUrl, t]));
    this.transports = members.map(
      (member) => previous.get(member.baseUrl.replace(/\/+$/, '')) ?? this.transport(member),
    );
    const kept = new Set(this.transports);
    for (const transport of previous.values()) {
      if (!kept.has(transport)) void transport.close().catch(() => {});
    }
    this.active = Math.max(
      0,
      this.transports.findIndex((t) => t.baseUrl === activeUrl),
    );
  }

  async get<T = unknown>(path: string, options: Omit<RequestOptions, 'method'> = {}): Promise<T> {
    return this.withFailover((transport) => transport.request<T>(path, options));
  }

  async close(): Promise<void> {
    await Promise.all(this.transports.map((transport) => transport.close()));
  }

  private async withFailover<T>(call: (transport: Transport) => Promise<T>): Promise<T> {
    const count = this.transports.length;
    let lastError: unknown;
    for (let step = 0; step < count; step += 1) {
      const index = (this.active + step) % count;
      const transport = this.transports[index];
      if (!transport) continue;
      try {
        const result = await call(transport);
        this.active = index;
        return result;
      } catch (err) {
        if (!isProxmoxError(err) || !err.isConnectionFailure) throw err;
        lastError = err;
      }
    }
    throw lastError;
  }

  private transport(member: Member): Transport {
    return new Transport({
      endpoint: this.endpoint,
      baseUrl: member.baseUrl,
      tls: member.tls,
      auth: this.auth,
      limiter: this.limiter,
      counter: this.counter,
      timeoutMs: this.options.timeoutMs,
      retries: this.options.retries ?? 1,
    });
  }
}
