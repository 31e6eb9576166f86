import type { Migration } from './migration';

/**
 * Records management: the log of backup runs. Backup settings and the retention policy are
 * workspace settings (the settings table); erasure leaves only its audit entry, so it needs no table.
 *
 * - Every backup attempt is logged, failures too, so the admin page can say "the last scheduled
 *   backup failed" (a USB drive left unplugged must not fail silently). Holds no personal data:
 *   times, the backup's folder name (a date stamp), its size and SHA-256, and a failure message.
 */
export const migration0010RecordsManagement: Migration = {
  version: 10,
  name: 'records-management',
  up(db) {
    db.exec(`
      CREATE TABLE backup_runs (
        id INTEGER PRIMARY KEY,
        started_at TEXT NOT NULL,
        finished_at TEXT NOT NULL,
        trigger TEXT NOT NULL CHECK (trigger IN ('manual', 'scheduled')),
        outcome TEXT NOT NULL CHECK (outcome IN ('succeeded', 'failed')),
        name TEXT,
        bytes INTEGER CHECK (bytes IS NULL OR bytes > 0),
        sha256 TEXT CHECK (sha256 IS NULL OR length(sha256) = 64),
        failure TEXT,
        run_by TEXT REFERENCES users(id),
        CHECK ((outcome = 'succeeded') = (name IS NOT NULL AND bytes IS NOT NULL AND sha256 IS NOT NULL)),
        CHECK ((outcome = 'failed') = (failure IS NOT NULL))
      ) STRICT;
      CREATE INDEX backup_runs_by_outcome ON backup_runs (outcome, started_at);
    `);
  },
};
