import type { Migration } from './migration';

/**
 * Exports: nothing to add. The export centre needs no table of its own: the register of past
 * exports is read from the audit log's `export.created` entries, export jobs live in memory for
 * one sign-in, and the pseudonymisation key is one row of the settings table, made on first use
 * (services/exports/pseudonym-key.ts). The version stays reserved so the numbering holds.
 */
export const migration0009Exports: Migration = {
  version: 9,
  name: 'exports',
  up() {
    // Intentionally empty (see above).
  },
};
