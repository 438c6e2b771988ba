import type { Database } from 'better-sqlite3';
import { ConfigError } from '../errors.ts';
import { passwordHashFromEnv } from './passwords.ts';
import { secretMatchesHash, sha3Hex } from './secret-hash.ts';

/** Credentials given in the environment; they win over anything stored from the UI. */
export interface EnvCredentials {
  authUser: string;
  authPass: string;
  apiToken: string;
}

export type CredentialSource = 'env' | 'stored' | 'none';

type StoredKey = 'admin_user' | 'admin_password_hash' | 'api_token_hash' | 'api_token_hint';

const DEFAULT_USER = 'admin';

/**
 * The admin's credentials: user name and bcrypt hash of the password, and the SHA3-256 hash
 * of the API token. Nothing reversible is kept, in memory or on disk. Values from the
 * environment are hashed at load and take precedence over the ones stored in the database.
 */
export class CredentialStore {
  private readonly envUser: string | undefined;
  private readonly envPasswordHash: Promise<string> | undefined;
  private readonly envTokenHash: string | undefined;
  private stored = new Map<StoredKey, string>();

  constructor(
    private readonly db: Database,
    env: EnvCredentials,
  ) {
    if (env.authUser !== '' && env.authPass === '') {
      throw new ConfigError('PULSE_AUTH_USER is set but PULSE_AUTH_PASS is empty');
    }
    this.envUser = env.authPass === '' ? undefined : env.authUser || DEFAULT_USER;
    this.envPasswordHash = env.authPass === '' ? undefined : passwordHashFromEnv(env.authPass);
    // Keeps a rejected hash from surfacing as an unhandled rejection before first use.
    this.envPasswordHash?.catch(() => {});
    this.envTokenHash = env.apiToken === '' ? undefined : sha3Hex(env.apiToken);
    this.reload();
  }

  get passwordSource(): CredentialSource {
    if (this.envPasswordHash) return 'env';
    return this.stored.has('admin_password_hash') ? 'stored' : 'none';
  }

  get tokenSource(): CredentialSource {
    if (this.envTokenHash) return 'env';
    return this.stored.has('api_token_hash') ? 'stored' : 'none';
  }

  get hasPassword(): boolean {
    return this.passwordSource !== 'none';
  }

  get hasToken(): boolean {
    return this.tokenSource !== 'none';
  }

  /** The admin user name, when password login is configured. */
  get user(): string | undefined {
    if (this.envUser) return this.envUser;
    return this.stored.get('admin_user');
  }

  passwordHash(): Promise<string | undefined> {
    return this.envPasswordHash ?? Promise.resolve(this.stored.get('admin_password_hash'));
  }

  /** Whether a presented API token is the configured one (constant time). */
  tokenMatches(presented: string): boolean {
    const hash = this.envTokenHash ?? this.stored.get('api_token_hash');
    return hash !== undefined && secretMatchesHash(presented, hash);
  }

  /** The last four characters of a token set from the UI, so the admin can tell which it is. */
  get tokenHint(): string | undefined {
    return this.tokenSource === 'stored' ? this.stored.get('api_token_hint') : undefined;
  }

  savePassword(user: string, passwordHash: string): void {
    this.write({ admin_user: user, admin_password_hash: passwordHash });
  }

  saveToken(token: string): void {
    this.write({ api_token_hash: sha3Hex(token), api_token_hint: `…${token.slice(-4)}` });
  }

  private write(values: Partial<Record<StoredKey, string>>): void {
    const upsert = this.db.prepare(
      `INSERT INTO security_credentials (key, value, updated_at) VALUES (?, ?, ?)
       ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    );
    const now = Date.now();
    this.db.transaction(() => {
      for (const [key, value] of Object.entries(values)) upsert.run(key, value, now);
    })();
    this.reload();
  }

  private reload(): void {
    const rows = this.db.prepare('SELECT key, value FROM security_credentials').all() as {
      key: StoredKey;
      value: string;
    }[];
    this.stored = new Map(rows.map((row) => [row.key, row.value]));
  }
}
