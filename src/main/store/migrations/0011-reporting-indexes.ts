import type { Migration } from './migration';

/**
 * Indexes for the activity report, found by the benchmark suite (docs/performance.md). Every
 * section of the report counts rows dated within a period — contacts by the day they happened,
 * GP codes by code and day, connections by the day their status changed, referrals by the day
 * they closed — and without these each count read its whole table. On the PCN-scale dataset
 * (600,000 contacts) the twelve-month report's queries went from 2.3 s to 0.34 s on a plain copy,
 * and to 0.24 s with the covering columns below.
 * Only indexes: no row changes, so an older backup restored into this version simply gains them.
 */
export const migration0011ReportingIndexes: Migration = {
  version: 11,
  name: 'reporting-indexes',
  up(db) {
    db.exec(`
      -- Covering: the contact counts (by mode, missed, per person) read the index alone, never the
      -- contact rows themselves, which are wide (notes) and, encrypted, each page costs a decryption.
      CREATE INDEX contacts_by_contact_on ON contacts (contact_on, did_not_attend, mode, person_id);
      CREATE INDEX coding_queue_by_code ON coding_queue (code, contact_on);
      CREATE INDEX connection_status_history_by_changed_on ON connection_status_history (changed_on, from_status, to_status, connection_id);
      -- Closures in a period, with their reasons, from the index alone.
      CREATE INDEX episodes_by_closed_on ON episodes (closed_on, status, closure_reason);
    `);
  },
};
