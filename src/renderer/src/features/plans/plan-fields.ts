import type { FieldValues, Path } from 'react-hook-form';
import { ApiError } from '../../api/client';

/**
 * Main names a failing field by the channel's input path ("steps.0.ownerName"); the plan forms use
 * the same names, so each error maps to itself. Paths outside `known` stay unplaced.
 */
export function sameNameFieldMap<T extends FieldValues>(error: unknown, known: readonly string[]): Partial<Record<string, Path<T>>> {
  const map: Partial<Record<string, Path<T>>> = {};
  if (!(error instanceof ApiError) || !error.fields) return map;
  for (const name of Object.keys(error.fields)) {
    if (known.some((root) => name === root || name.startsWith(`${root}.`))) map[name] = name as Path<T>;
  }
  return map;
}

/** Text kept exactly as typed: spaces and line breaks shown as they were. */
export const verbatimSx = { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' } as const;
