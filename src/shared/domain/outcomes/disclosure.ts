/**
 * Small-number suppression for the cohort outcomes' aggregate figures. The threshold is the
 * workspace's own (Reports settings, 8 unless an admin changed it; reports/report-settings.ts),
 * the same one the activity report uses: a count from 1 to threshold − 1 is shown as "<8", any
 * other count is rounded to the nearest 5 (0 stays 0), and statistics about fewer people than the
 * threshold are not shown at all.
 */
export interface ShownCount {
  /** The count as published: null when suppressed. */
  value: number | null;
  /** What the screen shows: "<8", "0", "15". */
  text: string;
}

export function shownCount(count: number, threshold: number): ShownCount {
  if (count === 0) return { value: 0, text: '0' };
  if (count < threshold) return { value: null, text: `<${threshold}` };
  const rounded = Math.round(count / 5) * 5;
  return { value: rounded, text: rounded.toLocaleString('en-GB') };
}
