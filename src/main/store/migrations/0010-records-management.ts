import type { Migration } from './migration';

/**
 * Records management: backups, retention policies and erasure.
 * (Reserved; its tables arrive with the feature.)
 */
export const migration0010RecordsManagement: Migration = {
  version: 10,
  name: 'records-management',
  up() {
    // Intentionally empty until the feature's tables are designed.
  },
};
