// Who is signed in, for which brand, and what they may do; shared by every page through React context.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, api, setCsrfToken, setUnauthorizedHandler } from './api';
import type { Brand, Permission, Session } from './types';

interface SessionState {
  /** undefined while the first GET /session is in flight; null when signed out. */
  session: Session | null | undefined;
  signIn(email: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  can(permission: Permission): boolean;
  /** Brand settings change the header and theme at once, without a reload. */
  replaceBrand(brand: Brand): void;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSessionState] = useState<Session | null | undefined>(undefined);

  const setSession = useCallback((next: Session | null) => {
    setCsrfToken(next?.csrfToken ?? null);
    setSessionState(next);
  }, []);

  useEffect(() => {
    setUnauthorizedHandler(() => setSession(null));
    api
      .get<Session>('/session')
      .then(setSession)
      .catch((error: unknown) => {
        if (!(error instanceof ApiError) || error.status !== 401) console.error(error);
        setSession(null);
      });
    return () => setUnauthorizedHandler(null);
  }, [setSession]);

  const value = useMemo<SessionState>(
    () => ({
      session,
      async signIn(email, password) {
        setSession(await api.post<Session>('/session', { email, password }));
      },
      async signOut() {
        try {
          await api.delete('/session');
        } finally {
          setSession(null);
        }
      },
      can: (permission) => session?.principal.permissions.includes(permission) ?? false,
      replaceBrand: (brand) => setSessionState((current) => (current ? { ...current, brand } : current)),
    }),
    [session, setSession],
  );

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession must be used inside <SessionProvider>');
  return state;
}

/** For pages that only render once signed in. */
export function useSignedInSession(): Session {
  const { session } = useSession();
  if (!session) throw new Error('useSignedInSession used while signed out');
  return session;
}
