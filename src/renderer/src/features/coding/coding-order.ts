import type { CodingItem } from '../../../../shared/ipc/casework-schemas';

/** Overdue first, then by due date; anything already recorded goes to the end, latest first. */
export function inWorkingOrder(items: readonly CodingItem[]): CodingItem[] {
  return [...items].sort((a, b) => {
    const aDone = a.recordedOn !== null;
    const bDone = b.recordedOn !== null;
    if (aDone !== bDone) return aDone ? 1 : -1;
    if (aDone && bDone) return (b.recordedOn ?? '').localeCompare(a.recordedOn ?? '');
    if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
    return a.dueOn.localeCompare(b.dueOn) || a.personName.localeCompare(b.personName);
  });
}
