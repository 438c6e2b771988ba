import type { Database } from 'better-sqlite3';
import { generateOpaqueToken, secretMatchesHash, sha3Hex } from './secret-hash.ts';

/** A browser session lasts 24 hours from login; it is not extended by use. */
export const SESSION_TTL_MS = 24 * 60 * 60 * 1000;

export interface Session {
  user: string;
  expiresAt: number;
  /** SHA3-256 of the CSRF token bound to this session. */
  csrfHash: string;
}

/** What a login hands to the browser; the raw values exist only in its cookies. */
export interface IssuedSession {
  token: string;
  csrfToken: string;
  expiresAt: number;
}

export interface SessionClient {
  ip: string;
  userAgent: string;
}

interface SessionRow {
  user: string;
  csrf_hash: string;
  expires_at: number;
}

/**
 * Sessions in SQLite, so a restart logs nobody out. Rows are keyed by the SHA3-256 of the
 * cookie value: reading the database does not let anyone take over a session.
 */
export class SessionStore {
  constructor(
    private readonly db: Database,
    private readonly now: () => number,
  ) {}

  create(user: string, client: SessionClient): IssuedSession {
    const token = generateOpaqueToken();
    const csrfToken = generateOpaqueToken();
    const createdAt = this.now();
    const expiresAt = createdAt + SESSION_TTL_MS;

    this.purgeExpired();
    this.db
      .prepare(
        `INSERT INTO sessions (id_hash, user, csrf_hash, created_at, expires_at, ip, user_agent)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        sha3Hex(token),
        user,
        sha3Hex(csrfToken),
        createdAt,
        expiresAt,
        client.ip,
        client.userAgent,
      );
    return { token, csrfToken, expiresAt };
  }

  /** The live session behind a cookie value, or undefined if unknown or expired. */
  find(token: string): Session | undefined {
    const row = this.db
      .prepare('SELECT user, csrf_hash, expires_at FROM sessions WHERE id_hash = ?')
      .get(sha3Hex(token)) as SessionRow | undefined;
    if (!row || row.expires_at <= this.now()) return undefined;
    return { user: row.user, expiresAt: row.expires_at, csrfHash: row.csrf_hash };
  }

  /** Whether a presented CSRF token is the one bound to this session. */
  csrfMatches(session: Session, presented: string): boolean {
    return secretMatchesHash(presented, session.csrfHash);
  }

  revoke(token: string): void {
    this.db.prepare('DELETE FROM sessions WHERE id_hash = ?').run(sha3Hex(token));
  }

  /** Ends every session of a user, e.g. after a password change. Returns how many ended. */
  revokeUser(user: string): number {
    return this.db.prepare('DELETE FROM sessions WHERE user = ?').run(user).changes;
  }

  revokeAll(): number {
    return this.db.prepare('DELETE FROM sessions').run().changes;
  }

  count(): number {
    const now = this.now();
    return this.db
      .prepare('SELECT COUNT(*) FROM sessions WHERE expires_at > ?')
      .pluck()
      .get(now) as number;
  }

  private purgeExpired(): void {
    this.db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(this.now());
  }
}
