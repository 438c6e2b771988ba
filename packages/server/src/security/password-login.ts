import { AppError } from '../errors.ts';
import type { AuditActor, AuditLog } from './audit-log.ts';
import type { CredentialStore } from './credential-store.ts';
import type { LoginThrottle } from './login-throttle.ts';
import { verifyPassword } from './passwords.ts';
import { secretsEqual, sha3Hex } from './secret-hash.ts';

/** Scripts send Basic credentials on every call; a bcrypt check each time would be costly. */
const VERIFIED_TTL_MS = 5 * 60 * 1000;
const VERIFIED_MAX = 100;

/**
 * Checks a user name and password for a login or a Basic-authenticated call: lockout first,
 * then the check (timing-equal for a wrong name), then the audit entry and the lockout
 * count. The only way passwords are verified, so the lockout cannot be side-stepped.
 */
export class PasswordLogin {
  private readonly verified = new Map<string, number>();

  constructor(
    private readonly credentials: CredentialStore,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditLog,
    private readonly now: () => number,
  ) {}

  /** Resolves to the user name, or throws 401 (wrong) or 429 (locked out). */
  async verify(user: string, password: string, actor: AuditActor): Promise<string> {
    const lock = this.throttle.state(actor.ip);
    if (lock.locked) throw lockedError(lock.retryAfterSeconds);

    const expectedUser = this.credentials.user;
    const hash = await this.credentials.passwordHash();
    const cacheKey = sha3Hex(`${user}\u0000${password}\u0000${hash ?? ''}`);
    if ((this.verified.get(cacheKey) ?? 0) > this.now()) return user;

    const passwordOk = await verifyPassword(password, hash);
    const userOk = expectedUser !== undefined && secretsEqual(user, expectedUser);
    if (passwordOk && userOk) {
      this.throttle.recordSuccess(actor.ip);
      this.remember(cacheKey);
      return user;
    }
    this.fail(user, actor);
  }

  /** Forgets cached verifications, e.g. after the password changed. */
  forget(): void {
    this.verified.clear();
  }

  private fail(user: string, actor: AuditActor): never {
    const locked = this.throttle.recordFailure(actor.ip);
    this.audit.record({ ...actor, user, event: 'login', outcome: 'failure' });
    if (!locked) throw new AppError('unauthorized', 'invalid user name or password');

    this.audit.record({ ...actor, user, event: 'lockout', outcome: 'failure' });
    const state = this.throttle.state(actor.ip);
    throw lockedError(state.locked ? state.retryAfterSeconds : 1);
  }

  private remember(cacheKey: string): void {
    if (this.verified.size >= VERIFIED_MAX) this.verified.clear();
    this.verified.set(cacheKey, this.now() + VERIFIED_TTL_MS);
  }
}

export function lockedError(retryAfterSeconds: number): AppError {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return new AppError(
    'rate_limited',
    `too many failed logins; try again in ${minutes} minute${minutes === 1 ? '' : 's'}`,
    { headers: { 'Retry-After': String(retryAfterSeconds) } },
  );
}
