import type { Migration } from './migration';

/** The person at the centre of every record. Later migrations add contact details, consent and more. */
export const migration0002People: Migration = {
  version: 2,
  name: 'people',
  up(db) {
    db.exec(`
      CREATE TABLE people (
        id TEXT PRIMARY KEY,
        nhs_number TEXT CHECK (nhs_number IS NULL OR (length(nhs_number) = 10 AND nhs_number NOT GLOB '*[^0-9]*')),
        given_name TEXT NOT NULL,
        family_name TEXT NOT NULL,
        date_of_birth TEXT,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL REFERENCES users(id),
        updated_at TEXT NOT NULL,
        row_version INTEGER NOT NULL DEFAULT 1
      ) STRICT;
      CREATE UNIQUE INDEX people_by_nhs_number ON people (nhs_number) WHERE nhs_number IS NOT NULL;
      CREATE INDEX people_by_name_and_birth ON people (family_name COLLATE NOCASE, given_name COLLATE NOCASE, date_of_birth);
    `);
  },
};
