import { useCallback } from 'react';
import type { DirectoryRow } from '../../../../shared/ipc/directory-contract';
import { api } from '../../api/client';
import { useLoad } from '../../api/useLoad';
import { useDebounced } from '../search/useDebounced';

/** How many services the picker offers at once: enough to scan, few enough to read. */
const PICKER_PAGE = 20;

/**
 * Directory services for a picker, through the directory's own search channel (the same FTS
 * search as the Directory screen), 250 ms after typing stops. With no words, the first services by name.
 */
export function useServiceSearch(typed: string): { rows: DirectoryRow[]; total: number; searching: boolean; error: string | null } {
  const text = useDebounced(typed.trim(), 250);
  const load = useCallback(() => api.directory.list({ text, pageSize: PICKER_PAGE, sort: text ? 'relevance' : 'name' }), [text]);
  const found = useLoad(load);
  return {
    rows: found.data?.rows ?? [],
    total: found.data?.total ?? 0,
    searching: found.loading || typed.trim() !== text,
    error: found.error,
  };
}
