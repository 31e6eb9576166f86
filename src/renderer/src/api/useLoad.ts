import { useEffect, useState } from 'react';
import { errorMessage } from './client';

export interface Loaded<T> {
  /** The latest data; kept while a reload is under way so lists do not flash empty. */
  data: T | undefined;
  error: string | null;
  loading: boolean;
}

interface Result<T> {
  load: () => Promise<T>;
  reloadKey: number;
  data: T | undefined;
  error: string | null;
}

/**
 * Runs `load` on mount and again whenever `load` (memoise it) or `reloadKey` changes. Loading is
 * derived from which request the stored result answers, so nothing is set synchronously in the effect.
 */
export function useLoad<T>(load: () => Promise<T>, reloadKey = 0): Loaded<T> {
  const [result, setResult] = useState<Result<T> | null>(null);
  useEffect(() => {
    let current = true;
    load().then(
      (data) => {
        if (current) setResult({ load, reloadKey, data, error: null });
      },
      (error: unknown) => {
        if (current) setResult((previous) => ({ load, reloadKey, data: previous?.data, error: errorMessage(error) }));
      },
    );
    return () => {
      current = false;
    };
  }, [load, reloadKey]);
  const loading = !result || result.load !== load || result.reloadKey !== reloadKey;
  return { data: result?.data, error: result?.error ?? null, loading };
}
