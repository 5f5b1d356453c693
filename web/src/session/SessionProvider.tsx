/**
 * The signed-in user, the CSRF token and the session's idle limit, from GET /auth/me. Wires the
 * API client's redirects: a 401 sends the user to the log-in page, an expired password to the
 * change-password page.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useLocation, useNavigate } from 'react-router';
import { configureClient, setCsrfToken } from '../api/client.ts';
import { getSession, logout as apiLogout } from '../api/auth.ts';
import { clearOrgScope } from '../components/OrgScope.tsx';
import { keys } from '../api/keys.ts';
import type { SessionResponse, SessionUser } from '../api/types.ts';
import type { Permission } from '../../../src/modules/auth/auth.policy.ts';

/** Why the user is on the log-in page (shown as a notice there). */
export type SignOutReason = 'idle' | 'expired' | 'signedOut' | 'required';

export interface Session {
  loading: boolean;
  user: SessionUser | null;
  idleMinutes: number;
  can: (permission: Permission) => boolean;
  /** Why the user was last sent to the log-in page (for its notice), or null. */
  signOutReason: SignOutReason | null;
  /** Store the session a successful log-in returned. */
  signedIn: (session: SessionResponse) => void;
  signOut: (reason?: SignOutReason) => Promise<void>;
  refresh: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

async function fetchSession(signal?: AbortSignal): Promise<SessionResponse> {
  const session = await getSession(signal);
  setCsrfToken(session.csrfToken);
  return session;
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const qc = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const query = useQuery({
    queryKey: keys.session,
    queryFn: ({ signal }) => fetchSession(signal),
    staleTime: Infinity,
    retry: 1,
  });

  const [signOutReason, setSignOutReason] = useState<SignOutReason | null>(null);

  const goToLogin = useCallback(
    (reason: SignOutReason) => {
      setSignOutReason(reason);
      // Forget everything the previous user could see.
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== keys.session[0] });
      void qc.invalidateQueries({ queryKey: keys.session });
      const from = location.pathname.startsWith('/login') ? undefined : location.pathname + location.search;
      void navigate('/login', { replace: true, state: { reason, from } });
    },
    [qc, navigate, location.pathname, location.search],
  );

  useEffect(() => {
    configureClient({
      onUnauthenticated: (code) => {
        goToLogin(code === 'SESSION_EXPIRED' ? 'expired' : 'required');
        const current = qc.getQueryData<SessionResponse>(keys.session);
        if (current?.user) qc.setQueryData<SessionResponse>(keys.session, { ...current, user: null });
      },
      onPasswordExpired: () => {
        const current = qc.getQueryData<SessionResponse>(keys.session);
        if (current?.user)
          qc.setQueryData<SessionResponse>(keys.session, {
            ...current,
            user: { ...current.user, passwordExpired: true },
          });
        void navigate('/password', { replace: true });
      },
      refreshCsrf: async () => {
        try {
          const s = await fetchSession();
          qc.setQueryData(keys.session, s);
          return s.csrfToken;
        } catch {
          return null;
        }
      },
    });
  }, [qc, navigate, goToLogin]);

  const signedIn = useCallback(
    (session: SessionResponse) => {
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== keys.session[0] });
      setSignOutReason(null);
      clearOrgScope();
      setCsrfToken(session.csrfToken);
      qc.setQueryData(keys.session, session);
    },
    [qc],
  );

  const signOut = useCallback(
    async (reason: SignOutReason = 'signedOut') => {
      try {
        await apiLogout();
      } catch {
        // already signed out on the server (idle, expired): nothing to undo
      }
      goToLogin(reason);
      const current = qc.getQueryData<SessionResponse>(keys.session);
      if (current) qc.setQueryData<SessionResponse>(keys.session, { ...current, user: null });
    },
    [qc, goToLogin],
  );

  const refresh = useCallback(async () => {
    await qc.invalidateQueries({ queryKey: keys.session });
  }, [qc]);

  const data = query.data;
  const value = useMemo<Session>(() => {
    const user = data?.user ?? null;
    const permissions = new Set<string>(user?.permissions ?? []);
    return {
      loading: query.isPending,
      user,
      idleMinutes: data?.idleMinutes ?? 30,
      can: (p) => permissions.has(p),
      signOutReason,
      signedIn,
      signOut,
      refresh,
    };
  }, [data, query.isPending, signOutReason, signedIn, signOut, refresh]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}
