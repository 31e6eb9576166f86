import type { Migration } from './migration';

/** Workspace identity, settings, staff accounts and the hash-chained audit log. */
export const migration0001Foundation: Migration = {
  version: 1,
  name: 'foundation',
  up(db) {
    db.exec(`
      CREATE TABLE workspace (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value_json TEXT NOT NULL
      ) STRICT;

      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        username TEXT NOT NULL UNIQUE COLLATE NOCASE,
        display_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('link_worker', 'gp_supervisor', 'admin')),
        disabled_at TEXT,
        created_at TEXT NOT NULL,
        created_by TEXT REFERENCES users(id),
        last_sign_in_at TEXT
      ) STRICT;

      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor_user_id TEXT,
        actor_username TEXT,
        action TEXT NOT NULL,
        entity_type TEXT,
        entity_id TEXT,
        details_json TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      ) STRICT;
      CREATE INDEX audit_log_by_entity ON audit_log (entity_id);
      CREATE INDEX audit_log_by_actor ON audit_log (actor_user_id, at);
      CREATE INDEX audit_log_by_action ON audit_log (action, at);

      -- Append-only: the hash chain detects edits made around these triggers.
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'The audit log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'The audit log is append-only'); END;
    `);
  },
};
