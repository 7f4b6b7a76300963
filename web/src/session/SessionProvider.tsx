import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, getJson, onUnauthenticated, postJson, setCsrfToken } from '../api.js';
import { SessionContext, type SessionStatus, type SessionValue } from './SessionContext.js';
import type { SessionResponse, SessionUser } from './types.js';

interface State {
  status: SessionStatus;
  user: SessionUser | null;
  loadError: unknown;
}

/** Loads who is logged in (the cookie is httpOnly, so only the API can tell) and keeps the CSRF token in memory. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<State>({ status: 'loading', user: null, loadError: null });

  const apply = useCallback((session: SessionResponse | null, loadError: unknown = null) => {
    setCsrfToken(session?.csrfToken ?? null);
    setState({ status: session ? 'authenticated' : 'anonymous', user: session?.user ?? null, loadError });
  }, []);

  const refresh = useCallback(async () => {
    try {
      apply(await getJson<SessionResponse>('/api/auth/me'));
    } catch (error) {
      apply(null, error instanceof ApiError && error.status === 401 ? null : error);
    }
  }, [apply]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  // Any 401 elsewhere means the session expired or was ended (password reset, logout in another tab).
  useEffect(() => onUnauthenticated(() => apply(null)), [apply]);

  const login = useCallback(
    async (username: string, password: string) => {
      const session = await postJson<SessionResponse>('/api/auth/login', { username, password });
      apply(session);
      return session.user;
    },
    [apply],
  );

  const logout = useCallback(async () => {
    try {
      await postJson<null>('/api/auth/logout');
    } finally {
      apply(null);
    }
  }, [apply]);

  const value = useMemo<SessionValue>(() => ({ ...state, login, logout, refresh }), [state, login, logout, refresh]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
