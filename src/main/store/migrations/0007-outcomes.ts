import type { Migration } from './migration';

/**
 * Outcome measures (ONS4, SWEMWBS, UCLA-3), follow-ups, system use and episode closure summaries.
 * (Reserved; its tables arrive with the feature.)
 */
export const migration0007Outcomes: Migration = {
  version: 7,
  name: 'outcomes',
  up() {
    // Intentionally empty until the feature's tables are designed.
  },
};
