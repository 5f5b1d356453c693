/**
 * The jurisdiction the organisation pages are looking at: chosen on the jurisdiction tree (or in any
 * list's filter) and shared by every list, for the browser tab's lifetime.
 */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { useSession } from '../session/SessionProvider.tsx';

const STORAGE_KEY = 'liaison.orgScope';

interface OrgScope {
  jurisdictionId: number | undefined;
  setJurisdictionId: (id: number | undefined) => void;
  /** Where a new record goes by default: the chosen jurisdiction, else the user's own. */
  forNewRecord: number | undefined;
}

const OrgScopeContext = createContext<Omit<OrgScope, 'forNewRecord'> | null>(null);

/** Forget the chosen jurisdiction (a new sign-in starts from the user's whole scope). */
export function clearOrgScope(): void {
  try {
    sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // nothing stored
  }
}

function initial(): number | undefined {
  try {
    const n = Number(sessionStorage.getItem(STORAGE_KEY));
    return Number.isInteger(n) && n > 0 ? n : undefined;
  } catch {
    return undefined;
  }
}

export function OrgScopeProvider({ children }: { children: ReactNode }) {
  const [jurisdictionId, setState] = useState<number | undefined>(initial);
  const setJurisdictionId = useCallback((id: number | undefined) => {
    try {
      if (id) sessionStorage.setItem(STORAGE_KEY, String(id));
      else sessionStorage.removeItem(STORAGE_KEY);
    } catch {
      // storage unavailable: the choice lasts for this page only
    }
    setState(id);
  }, []);
  const value = useMemo(() => ({ jurisdictionId, setJurisdictionId }), [jurisdictionId, setJurisdictionId]);
  return <OrgScopeContext.Provider value={value}>{children}</OrgScopeContext.Provider>;
}

export function useOrgScope(): OrgScope {
  const ctx = useContext(OrgScopeContext);
  const { user } = useSession();
  if (!ctx) throw new Error('useOrgScope outside OrgScopeProvider');
  const own = user && user.jurisdiction.id > 0 ? user.jurisdiction.id : undefined;
  return { ...ctx, forNewRecord: ctx.jurisdictionId ?? own };
}
