import type { Session } from './session-store.ts';

/** How a request proved who it is. `anonymous` proved nothing. */
export type AuthMethod =
  | 'session'
  | 'token'
  | 'basic'
  | 'proxy'
  | 'disabled'
  | 'recovery'
  | 'anonymous';

/** What an identity may do: `viewer` reads, `admin` reads and changes, `none` only public. */
export type Role = 'admin' | 'viewer' | 'none';

export interface Identity {
  method: AuthMethod;
  role: Role;
  user?: string;
  /** The browser session and its cookie value, for session identities. */
  session?: Session & { token: string };
}

/**
 * How this installation authenticates. `setup` means nothing is configured yet: only the
 * first-run setup and public routes answer until the admin is created.
 */
export type SecurityMode = 'disabled' | 'setup' | 'password' | 'token' | 'password+token' | 'proxy';

export const ANONYMOUS: Identity = { method: 'anonymous', role: 'none' };
