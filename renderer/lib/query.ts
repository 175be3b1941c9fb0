import { type DependencyList, useCallback, useEffect, useRef, useState } from 'react';

interface QueryOptions<T> {
  /** false: nothing is fetched (e.g. a folded section); the last data stays */
  enabled?: boolean;
  /** what to show when the fetch fails; return undefined to keep the last data */
  onError?(err: unknown): T | undefined;
}

/**
 * Server data a component shows: fetched when `deps` change, answers that arrive after a newer
 * request (or after unmount) are dropped, and `reload` fetches again after a command or an event.
 */
export function useQuery<T>(fetcher: () => Promise<T>, deps: DependencyList, options: QueryOptions<T> = {}) {
  const [data, setData] = useState<T | null>(null);
  const seq = useRef(0);
  const latest = useRef({ fetcher, options });
  latest.current = { fetcher, options };
  const enabled = options.enabled ?? true;

  const reload = useCallback(async () => {
    const mine = ++seq.current;
    try {
      const value = await latest.current.fetcher();
      if (mine === seq.current) setData(value);
    } catch (err) {
      if (mine !== seq.current) return;
      const fallback = latest.current.options.onError?.(err);
      if (fallback !== undefined) setData(fallback);
    }
  }, []);

  useEffect(() => {
    if (!enabled) return;
    void reload();
    return () => {
      seq.current++; // a key change or unmount makes the answer in flight stale
    };
    // the caller's deps are the query's key; `reload` is stable
    // biome-ignore lint/correctness/useExhaustiveDependencies: deps are passed through by design
  }, [...deps, enabled, reload]);

  return { data, setData, reload };
}
