/**
 * A router for a handful of addresses (/s/<code>, /r/<code>, /t, /t/<code>, /p, /p/suggestions,
 * /p/suggestions/<id>, /p/disclosure/s|r/<code>?month=, /p/performance/method, /p/honours; the
 * server sends public.html for all of them): the path and the query string in hooks,
 * history.pushState to move, and the back button honoured. Steps inside a page (the form, the
 * receipt) push a history entry too, so "back" on a phone returns to the page, not out of it.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';

const EVENT = 'liaison:navigate';

export function navigate(to: string, options: { replace?: boolean; state?: unknown } = {}): void {
  if (options.replace) history.replaceState(options.state ?? null, '', to);
  else history.pushState(options.state ?? null, '', to);
  window.dispatchEvent(new Event(EVENT));
  window.scrollTo(0, 0);
}

/** The query string (?month=2026-03), kept in step with moves and back/forward like the path. */
export function useSearch(): URLSearchParams {
  const [search, setSearch] = useState(location.search);
  useEffect(() => {
    const update = () => setSearch(location.search);
    window.addEventListener('popstate', update);
    window.addEventListener(EVENT, update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener(EVENT, update);
    };
  }, []);
  return useMemo(() => new URLSearchParams(search), [search]);
}

export function usePath(): string {
  const [path, setPath] = useState(location.pathname);
  useEffect(() => {
    const update = () => setPath(location.pathname);
    window.addEventListener('popstate', update);
    window.addEventListener(EVENT, update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener(EVENT, update);
    };
  }, []);
  return path;
}

/** The page's step from the history entry's state ('view' when none), kept in step with back/forward. */
export function useStep<T extends string>(
  initial: T,
): [T, (next: T, replace?: boolean, extra?: Record<string, unknown>) => void] {
  const read = () => ((history.state as { step?: T } | null)?.step ?? initial) as T;
  const [step, setStep] = useState<T>(read);
  useEffect(() => {
    const update = () => setStep(read());
    window.addEventListener('popstate', update);
    return () => window.removeEventListener('popstate', update);
  }, []);
  const go = (next: T, replace = false, extra: Record<string, unknown> = {}) => {
    if (replace) history.replaceState({ ...extra, step: next }, '');
    else history.pushState({ ...extra, step: next }, '');
    setStep(next);
    window.scrollTo(0, 0);
  };
  return [step, go];
}

/** A click on an in-app link moves without reloading the page (modifier keys keep the browser's way). */
export function onLinkClick(e: MouseEvent): void {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const a = (e.target as Element | null)?.closest('a');
  if (!a || a.target || a.origin !== location.origin) return;
  if (!/^\/(?:[sr]\/|t(?:\/|$)|p(?:\/|$))/.test(a.pathname)) return;
  e.preventDefault();
  navigate(a.pathname + a.search);
}
