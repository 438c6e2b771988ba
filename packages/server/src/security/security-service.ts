import type { Database } from 'better-sqlite3';
import type { FastifyRequest } from 'fastify';
import type { Settings } from '../config/settings-schema.ts';
import { AppError } from '../errors.ts';
import type { RouteDefinition } from '../http/route.ts';
import type { Logger } from '../logger.ts';
import { type AuditActor, AuditLog } from './audit-log.ts';
import { AddressSet, type ClientAddress, resolveClientAddress } from './client-address.ts';
import { CredentialStore } from './credential-store.ts';
import { ANONYMOUS, type Identity, type SecurityMode } from './identity.ts';
import { LoginThrottle } from './login-throttle.ts';
import { PasswordLogin } from './password-login.ts';
import { readProxyUser } from './proxy-auth.ts';
import { RATE_LIMITS, RateLimiter } from './rate-limiter.ts';
import { RecoveryMode } from './recovery.ts';
import {
  pathOf,
  presentedBasic,
  presentedSession,
  presentedToken,
  userAgentOf,
} from './request-credentials.ts';
import { SessionStore } from './session-store.ts';

export interface SecurityOptions {
  db: Database;
  dataDir: string;
  log: Logger;
  /** Current settings; read on every request, so stored changes apply at once. */
  settings(): Settings;
  /** Clock for sessions, limits and lockouts; tests pass their own. */
  now?: () => number;
}

/**
 * The security state of one Pulse: credentials, sessions, limits, lockouts, recovery and
 * the audit log, and the one function that turns a request into an identity.
 */
export class SecurityService {
  readonly credentials: CredentialStore;
  readonly sessions: SessionStore;
  readonly audit: AuditLog;
  readonly limiter: RateLimiter;
  readonly throttle: LoginThrottle;
  readonly passwords: PasswordLogin;
  readonly recovery: RecoveryMode;
  readonly log: Logger;
  private readonly proxies: AddressSet;
  private readonly clients = new WeakMap<FastifyRequest, ClientAddress>();

  constructor(private readonly options: SecurityOptions) {
    const now = options.now ?? Date.now;
    const settings = options.settings();
    this.log = options.log.child({ module: 'security' });
    this.credentials = new CredentialStore(options.db, settings);
    this.sessions = new SessionStore(options.db, now);
    this.audit = new AuditLog(options.db, this.log, now);
    this.limiter = new RateLimiter(RATE_LIMITS, now);
    this.throttle = new LoginThrottle(now);
    this.passwords = new PasswordLogin(this.credentials, this.throttle, this.audit, now);
    this.recovery = new RecoveryMode(options.dataDir, Date.now);
    this.proxies = new AddressSet(settings.trustedProxies, 'PULSE_TRUSTED_PROXIES');
    this.announceMode();
  }

  private announceMode(): void {
    const mode = this.mode;
    if (mode === 'disabled') {
      // Loud on purpose: this is the one setting that hands the whole system to anyone.
      const warning = 'authentication disabled: anyone who can reach pulse can change anything';
      this.log.warn({ mode, setting: 'DISABLE_AUTH' }, warning);
    } else if (mode === 'setup') {
      this.log.warn(
        { mode },
        'no credentials configured: open the web ui to run the first-run setup',
      );
    } else {
      this.log.info({ mode }, 'authentication configured');
    }
  }

  get settings(): Settings {
    return this.options.settings();
  }

  get mode(): SecurityMode {
    if (this.settings.disableAuth) return 'disabled';
    if (this.settings.proxyAuthSecret !== '') return 'proxy';
    const { hasPassword, hasToken } = this.credentials;
    if (hasPassword && hasToken) return 'password+token';
    if (hasPassword) return 'password';
    return hasToken ? 'token' : 'setup';
  }

  /** API-only mode: a token but no password, so the UI may read without logging in. */
  get isApiOnly(): boolean {
    return this.mode === 'token';
  }

  client(request: FastifyRequest): ClientAddress {
    let client = this.clients.get(request);
    if (!client) {
      client = resolveClientAddress(request, this.proxies);
      this.clients.set(request, client);
    }
    return client;
  }

  actor(request: FastifyRequest, user?: string): AuditActor {
    return {
      user,
      ip: this.client(request).ip,
      userAgent: userAgentOf(request),
      path: pathOf(request),
    };
  }

  /**
   * Who the request is. Presented credentials that are wrong are an error, never a quiet
   * fall-back to anonymous: a script with a stale token should hear about it.
   */
  async identify(request: FastifyRequest, route: RouteDefinition | undefined): Promise<Identity> {
    const token = presentedToken(request, route);
    const isTokenWrong = token !== undefined && !this.credentials.tokenMatches(token);
    if (this.mode === 'disabled') {
      // With authentication off a token is optional, but a configured one must still match.
      if (isTokenWrong && this.credentials.hasToken) throw invalidToken();
      return { method: 'disabled', role: 'admin', user: 'admin' };
    }
    if (isTokenWrong) throw invalidToken();
    if (this.client(request).isDirectLoopback && this.recovery.isActive) {
      return { method: 'recovery', role: 'admin', user: this.credentials.user ?? 'admin' };
    }

    const proxyUser = readProxyUser(request, this.settings);
    if (proxyUser) {
      return {
        method: 'proxy',
        role: proxyUser.isAdmin ? 'admin' : 'viewer',
        user: proxyUser.user,
      };
    }
    if (token !== undefined) return { method: 'token', role: 'admin', user: 'api-token' };
    return (await this.fromPassword(request)) ?? this.fromSession(request) ?? this.anonymous();
  }

  private async fromPassword(request: FastifyRequest): Promise<Identity | undefined> {
    const basic = presentedBasic(request);
    if (!basic || !this.credentials.hasPassword) return undefined;
    const user = await this.passwords.verify(basic.user, basic.password, this.actor(request));
    return { method: 'basic', role: 'admin', user };
  }

  private fromSession(request: FastifyRequest): Identity | undefined {
    const token = presentedSession(request);
    const session = token === undefined ? undefined : this.sessions.find(token);
    if (!token || !session) return undefined;
    return { method: 'session', role: 'admin', user: session.user, session: { ...session, token } };
  }

  private anonymous(): Identity {
    return this.isApiOnly ? { method: 'anonymous', role: 'viewer' } : ANONYMOUS;
  }
}

function invalidToken(): AppError {
  return new AppError('unauthorized', 'invalid API token');
}
