import { createContext, useContext } from 'react';
import type { SessionUser } from './types.js';

export type SessionStatus = 'loading' | 'anonymous' | 'authenticated';

export interface SessionValue {
  status: SessionStatus;
  user: SessionUser | null;
  /** Why the session could not be loaded (network, server down); null when it simply does not exist. */
  loadError: unknown;
  login(username: string, password: string): Promise<SessionUser>;
  logout(): Promise<void>;
  /** Re-reads /api/auth/me, e.g. after the password was changed. */
  refresh(): Promise<void>;
}

export const SessionContext = createContext<SessionValue | null>(null);

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession() needs a <SessionProvider> above it');
  return value;
}
