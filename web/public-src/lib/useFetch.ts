import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiError, getJson } from './api.ts';

export interface Fetched<T> {
  data: T | null;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
}

/** GET a URL (null: nothing to fetch yet) and keep the answer; `reload` asks again. */
export function useFetch<T>(url: string | null): Fetched<T> {
  const [state, setState] = useState<{ data: T | null; error: ApiError | null; loading: boolean }>({
    data: null,
    error: null,
    loading: url !== null,
  });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (url === null) {
      setState({ data: null, error: null, loading: false });
      return;
    }
    let live = true;
    setState((s) => ({ data: s.data, error: null, loading: true }));
    getJson<T>(url).then(
      (data) => live && setState({ data, error: null, loading: false }),
      (err: unknown) =>
        live &&
        setState({
          data: null,
          error: err instanceof ApiError ? err : new ApiError(0, 'NETWORK', '加载失败'),
          loading: false,
        }),
    );
    return () => {
      live = false;
    };
  }, [url, attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, reload };
}
