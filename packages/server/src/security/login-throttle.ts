import { retryAfter } from './rate-limiter.ts';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;

interface FailureRecord {
  failures: number[];
  lockedUntil?: number;
}

export type LockState = { locked: false } | { locked: true; retryAfterSeconds: number };

/**
 * Locks out a client address after repeated failed logins. The key is the address the
 * attempts come from, never the user name alone: an attacker elsewhere can lock only
 * themselves out, not the admin. A lock that has run out starts the count afresh.
 */
// LIMITATION: lock-outs live in memory, so a restart of Pulse lifts them early; an attacker
// cannot trigger a restart, and the per-minute limit on login attempts still applies.
export class LoginThrottle {
  private readonly records = new Map<string, FailureRecord>();

  constructor(private readonly now: () => number) {}

  state(client: string): LockState {
    const record = this.records.get(client);
    const now = this.now();
    if (record?.lockedUntil === undefined) return { locked: false };
    if (record.lockedUntil <= now) {
      this.records.delete(client);
      return { locked: false };
    }
    return { locked: true, retryAfterSeconds: retryAfter(record.lockedUntil - now) };
  }

  /** Records a failure; returns true when this failure locked the client out. */
  recordFailure(client: string): boolean {
    const now = this.now();
    const record = this.records.get(client) ?? { failures: [] };
    record.failures = record.failures.filter((at) => at > now - LOCKOUT_MS);
    record.failures.push(now);

    if (record.failures.length >= MAX_FAILED_LOGINS) {
      record.lockedUntil = now + LOCKOUT_MS;
      record.failures = [];
    }
    this.records.set(client, record);
    return record.lockedUntil !== undefined;
  }

  recordSuccess(client: string): void {
    this.records.delete(client);
  }
}
