/**
 * Autosave of a draft: changes are sent as a PATCH with the version last saved, once typing has
 * paused (`delay`), one request at a time. A 409 means the draft changed elsewhere (another tab,
 * another device): saving stops and the page says so, rather than overwrite it.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { isApiError } from '../../api/client.ts';

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'conflict' }
  | { kind: 'error'; error: unknown };

export function useAutosave<P extends object>({
  save,
  delay = 1500,
}: {
  /** Send the patch; resolve when the server has it. */
  save: (patch: P) => Promise<void>;
  delay?: number;
}) {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const pending = useRef<P | null>(null);
  const running = useRef<Promise<void> | null>(null);
  const timer = useRef<number | null>(null);
  const stopped = useRef(false);
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  }, [save]);

  const flush = useCallback(async (): Promise<boolean> => {
    if (timer.current !== null) {
      window.clearTimeout(timer.current);
      timer.current = null;
    }
    if (running.current) await running.current.catch(() => undefined);
    const patch = pending.current;
    if (!patch || stopped.current) return !stopped.current;
    pending.current = null;
    setState({ kind: 'saving' });
    let ok = true;
    const run = saveRef
      .current(patch)
      .then(() => setState(pending.current ? { kind: 'dirty' } : { kind: 'saved', at: new Date() }))
      .catch((error: unknown) => {
        ok = false;
        if (isApiError(error) && error.code === 'CONFLICT') {
          stopped.current = true;
          setState({ kind: 'conflict' });
        } else {
          // Keep what was not saved for the next try.
          pending.current = { ...patch, ...(pending.current ?? {}) };
          setState({ kind: 'error', error });
        }
      });
    running.current = run;
    await run;
    running.current = null;
    if (ok && pending.current) return flush();
    return ok;
  }, []);

  /** Record a change; it is saved once typing pauses. */
  const change = useCallback(
    (patch: P) => {
      if (stopped.current) return;
      pending.current = { ...(pending.current ?? {}), ...patch } as P;
      setState({ kind: 'dirty' });
      if (timer.current !== null) window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void flush(), delay);
    },
    [delay, flush],
  );

  /** Start again after a conflict, from what the server has now. */
  const reset = useCallback(() => {
    stopped.current = false;
    pending.current = null;
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
    setState({ kind: 'idle' });
  }, []);

  const dirty = state.kind === 'dirty' || state.kind === 'saving' || state.kind === 'error';

  // Leaving with unsaved text: the browser asks first.
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  // Leaving the page inside the pause: send what is waiting anyway.
  useEffect(
    () => () => {
      if (timer.current !== null) window.clearTimeout(timer.current);
      const patch = pending.current;
      if (patch && !stopped.current && !running.current) void saveRef.current(patch).catch(() => undefined);
    },
    [],
  );

  return { state, change, flush, reset, dirty };
}
