/**
 * Small-number suppression for aggregate figures, the common NHS rule: a count from 1 to 7 is
 * shown as "<8", any other count is rounded to the nearest 5 (0 stays 0). Statistics about fewer
 * than 8 people are not shown at all.
 */
export const SMALLEST_SHOWN = 8;

export interface ShownCount {
  /** The count as published: null when suppressed. */
  value: number | null;
  /** What the screen shows: "<8", "0", "15". */
  text: string;
}

export function shownCount(count: number): ShownCount {
  if (count === 0) return { value: 0, text: '0' };
  if (count < SMALLEST_SHOWN) return { value: null, text: `<${SMALLEST_SHOWN}` };
  const rounded = Math.round(count / 5) * 5;
  return { value: rounded, text: rounded.toLocaleString('en-GB') };
}
