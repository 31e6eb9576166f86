import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../../shared/ipc/contract';
import { api, errorMessage } from '../../api/client';
import { useDebounced } from './useDebounced';

export type SearchResult = OutputOf<'people', 'search'>[number];
export const MIN_QUERY_LENGTH = 2;

interface Answer {
  query: string;
  results: SearchResult[];
  error: string | null;
}

/**
 * Searches people 300 ms after typing stops. Results live only in this hook's state, so they go
 * when the search box unmounts (on lock, with everything else).
 */
export function usePeopleSearch(typed: string): { results: SearchResult[]; searching: boolean; error: string | null; ready: boolean } {
  const query = useDebounced(typed.trim(), 300);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const ready = query.length >= MIN_QUERY_LENGTH;

  useEffect(() => {
    if (!ready) return undefined;
    let current = true;
    api.people.search({ query }).then(
      (results) => current && setAnswer({ query, results, error: null }),
      (error: unknown) => current && setAnswer({ query, results: [], error: errorMessage(error) }),
    );
    return () => {
      current = false;
    };
  }, [query, ready]);

  const answered = ready && answer?.query === query;
  const stillTyping = typed.trim() !== query;
  return {
    results: answered ? answer.results : [],
    error: answered ? answer.error : null,
    searching: typed.trim().length >= MIN_QUERY_LENGTH && (stillTyping || !answered),
    ready: typed.trim().length >= MIN_QUERY_LENGTH,
  };
}
