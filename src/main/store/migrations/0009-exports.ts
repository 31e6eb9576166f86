import type { Migration } from './migration';

/**
 * Exports: what the export centre needs beyond the audit log (for example the pseudonymisation secret).
 * (Reserved; its tables arrive with the feature.)
 */
export const migration0009Exports: Migration = {
  version: 9,
  name: 'exports',
  up() {
    // Intentionally empty until the feature's tables are designed.
  },
};
