import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { ApiError } from './client';

/**
 * Puts main's field errors (`error.fields`, keyed by the channel's input names) onto a form's
 * fields. `fieldMap` names the form field for each input name where the two differ.
 * Returns true when every field error found a field, so the caller can skip a general message.
 */
export function applyFieldErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fieldMap: Partial<Record<string, Path<T>>>,
): boolean {
  if (!(error instanceof ApiError) || !error.fields) return false;
  let allPlaced = true;
  let first = true;
  for (const [inputName, message] of Object.entries(error.fields)) {
    const field = fieldMap[inputName];
    if (!field) {
      allPlaced = false;
      continue;
    }
    setError(field, { type: 'server', message }, { shouldFocus: first });
    first = false;
  }
  return allPlaced;
}
