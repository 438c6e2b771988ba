import type { SecurityStatus } from '@pulse/contract';
import { createContext, useContext } from 'solid-js';

/** The caller's security status, shared with every page below the auth gate. */
export interface AuthState {
  status(): SecurityStatus | undefined;
  /** Reads the status again, e.g. after a password change. */
  refresh(): void;
  /** Ends the session (or leaves through the proxy's logout page) and shows the login. */
  logout(): Promise<void>;
}

export const AuthContext = createContext<AuthState>();

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth needs the AuthGate above it');
  return state;
}
