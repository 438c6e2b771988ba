import { setTimeout as sleep } from 'node:timers/promises';
import { type Agent, fetch } from 'undici';
import type { Authenticator, TicketGrant } from './auth.ts';
import { ProxmoxError } from './errors.ts';
import type { Limiter } from './limiter.ts';
import { createDispatcher, FingerprintMismatch, type TlsPolicy } from './tls.ts';

/** API calls made through a client, read and reset by the poller after each cycle. */
export interface CallCounter {
  calls: number;
  failed: number;
}

export interface TransportOptions {
  /** Configured endpoint name, used in every error message. */
  endpoint: string;
  /** `https://host:port`, without `/api2/json`. */
  baseUrl: string;
  tls: TlsPolicy;
  auth: Authenticator;
  limiter: Limiter;
  counter: CallCounter;
  timeoutMs: number;
  /** Extra attempts for idempotent reads that failed transiently. */
  retries: number;
}

export interface RequestOptions {
  method?: 'GET' | 'POST';
  query?: Record<string, string | number | boolean | undefined>;
  form?: Record<string, string>;
  /** Aborts the call, e.g. when the poll cycle runs out of time. */
  signal?: AbortSignal;
}

const RETRY_BASE_MS = 250;

function describeCause(err: unknown): { code?: string; message: string } {
  let current: unknown = err;
  for (let depth = 0; depth < 5 && current; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return { code, message: (current as Error).message };
    current = (current as { cause?: unknown }).cause;
  }
  return { message: err instanceof Error ? err.message : String(err) };
}

function findMismatch(err: unknown): FingerprintMismatch | undefined {
  let current: unknown = err;
  for (let depth = 0; depth < 5 && current; depth += 1) {
    if (current instanceof FingerprintMismatch) return current;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

const TLS_CODES = /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/;

/**
 * HTTPS to one Proxmox server: the dispatcher with its TLS policy, authentication, the
 * per-endpoint concurrency limit, timeouts, retries of reads, and error classification.
 */
export class Transport {
  readonly baseUrl: string;
  private readonly dispatcher: Agent;

  constructor(private readonly options: TransportOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.dispatcher = createDispatcher({
      policy: options.tls,
      connectTimeoutMs: options.timeoutMs,
      connections: 8,
    });
  }

  /** Calls `/api2/json<path>` and returns its `data`. */
  async request<T = unknown>(path: string, options: RequestOptions = {}): Promise<T> {
    const method = options.method ?? 'GET';
    const attempts = method === 'GET' ? 1 + this.options.retries : 1;
    let reauthenticated = false;
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.options.limiter.run(() => this.once<T>(path, options));
      } catch (err) {
        if (!(err instanceof ProxmoxError)) throw err;
        if (err.kind === 'auth' && !reauthenticated && this.options.auth.invalidate()) {
          reauthenticated = true;
          attempt -= 1;
          continue;
        }
        if (!err.isTransient || attempt >= attempts || options.signal?.aborted) throw err;
        await sleep(RETRY_BASE_MS * 2 ** (attempt - 1) * (0.5 + Math.random()));
      }
    }
  }

  async close(): Promise<void> {
    await this.dispatcher.close();
  }

  private async once<T>(path: string, options: RequestOptions): Promise<T> {
    const method = options.method ?? 'GET';
    const url = this.url(path, options.query);
    const auth = path === '/access/ticket' ? {} : await this.authHeaders(method, options.signal);
    const headers: Record<string, string> = { accept: 'application/json', ...auth };
    let body: string | undefined;
    if (options.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(options.form).toString();
    }

    this.options.counter.calls += 1;
    try {
      const response = await this.fetch(url, { method, headers, body }, path, options.signal);
      return await this.readData<T>(response, path);
    } catch (err) {
      this.options.counter.failed += 1;
      throw err;
    }
  }

  private authHeaders(method: string, signal?: AbortSignal): Promise<Record<string, string>> {
    return this.options.auth.headers(method, (form) => this.login(form, signal));
  }

  private async login(form: Record<string, string>, signal?: AbortSignal): Promise<TicketGrant> {
    const data = await this.once<{ ticket?: unknown; CSRFPreventionToken?: unknown }>(
      '/access/ticket',
      { method: 'POST', form, signal },
    );
    if (typeof data?.ticket !== 'string' || typeof data.CSRFPreventionToken !== 'string') {
      throw this.error('auth', 'login did not return a ticket', '/access/ticket');
    }
    return { ticket: data.ticket, csrfToken: data.CSRFPreventionToken };
  }

  private url(path: string, query: RequestOptions['query']): string {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined)
        params.set(key, typeof value === 'boolean' ? (value ? '1' : '0') : String(value));
    }
    const search = params.size > 0 ? `?${params.toString()}` : '';
    return `${this.baseUrl}/api2/json${path}${search}`;
  }

  private async fetch(
    url: string,
    init: { method: string; headers: Record<string, string>; body?: string },
    path: string,
    signal?: AbortSignal,
  ) {
    const timeout = AbortSignal.timeout(this.options.timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    try {
      return await fetch(url, { ...init, dispatcher: this.dispatcher, signal: combined });
    } catch (err) {
      throw this.classifyFailure(err, path, timeout.aborted);
    }
  }

  private classifyFailure(err: unknown, path: string, timedOut: boolean): ProxmoxError {
    const mismatch = findMismatch(err);
    if (mismatch) return this.error('tls-mismatch', mismatch.message, path, undefined, err);
    if (timedOut) {
      return this.error('timeout', `no answer within ${this.options.timeoutMs} ms`, path);
    }
    if ((err as Error)?.name === 'AbortError') return this.error('timeout', 'poll cancelled', path);

    const { code, message } = describeCause(err);
    if (code && TLS_CODES.test(code)) {
      return this.error('tls', `certificate not trusted (${code})`, path, undefined, err);
    }
    if (code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'UND_ERR_HEADERS_TIMEOUT') {
      return this.error('timeout', `no answer within ${this.options.timeoutMs} ms`, path);
    }
    return this.error('unreachable', `cannot connect (${code ?? message})`, path, undefined, err);
  }

  private async readData<T>(response: Awaited<ReturnType<typeof fetch>>, path: string): Promise<T> {
    const text = await response.text().catch(() => '');
    const status = response.status;
    if (status === 200) return this.parse<T>(text, path);

    const reason = this.reason(response.statusText, text);
    if (status === 401)
      return Promise.reject(this.error('auth', `authentication failed${reason}`, path, status));
    if (status === 403)
      return Promise.reject(this.error('permission', `permission denied${reason}`, path, status));
    if (status >= 590 && status <= 599) {
      return Promise.reject(
        this.error('node-unreachable', `target node unreachable${reason}`, path, status),
      );
    }
    return Promise.reject(this.error('http', `HTTP ${status}${reason}`, path, status));
  }

  private parse<T>(text: string, path: string): T {
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw this.error('bad-response', 'answer is not JSON', path, 200);
    }
    if (!body || typeof body !== 'object' || !('data' in body)) {
      throw this.error('bad-response', 'answer has no data field', path, 200);
    }
    return (body as { data: T }).data;
  }

  /** Proxmox puts the error in the reason phrase (PVE) or the body (PBS, PVE 8.3+). */
  private reason(statusText: string, body: string): string {
    let message = statusText;
    try {
      const parsed = JSON.parse(body) as { message?: unknown };
      if (typeof parsed?.message === 'string') message = parsed.message;
    } catch {
      if (body && body.length < 300 && !body.includes('<')) message = body;
    }
    const cleaned = message.replace(/\s+/g, ' ').trim().slice(0, 200);
    return cleaned ? `: ${cleaned}` : '';
  }

  private error(
    kind: ProxmoxError['kind'],
    detail: string,
    path: string,
    status?: number,
    cause?: unknown,
  ): ProxmoxError {
    const endpoint = this.options.endpoint;
    return new ProxmoxError(`${endpoint} ${path}: ${detail}`, {
      kind,
      endpoint,
      path,
      status,
      cause,
    });
  }
}
