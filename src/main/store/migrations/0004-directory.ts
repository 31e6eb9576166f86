import type { Migration } from './migration';

/**
 * The community directory: organisations, their services (the directory entries link workers
 * search), each entry's sessions and access features, the Open Referral UK records behind them,
 * and full-text search over entry names, descriptions and organisation names.
 *
 * - Entries keep the fields Linkdesk works with in typed columns. `directory_oruk_records` keeps
 *   every Open Referral UK record as it was imported (one row per ORUK table row, keyed by the
 *   ORUK table and id), so an export gives back everything a feed held, and a re-import of the
 *   same ids updates instead of duplicating. Edits made in Linkdesk are written to both.
 * - Code lists (categories, features) are checked by the IPC schemas; statuses and costs are fixed
 *   and checked here.
 * - Services have an INTEGER PRIMARY KEY (`seq`) for the FTS5 index, as casework's tables do.
 */
export const migration0004Directory: Migration = {
  version: 4,
  name: 'directory',
  up(db) {
    db.exec(`
      CREATE TABLE directory_organisations (
        id TEXT PRIMARY KEY,
        oruk_id TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL CHECK (length(name) > 0),
        description TEXT,
        website TEXT,
        email TEXT,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL REFERENCES users(id),
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL REFERENCES users(id)
      ) STRICT;
      CREATE INDEX directory_organisations_by_name ON directory_organisations (name COLLATE NOCASE);

      CREATE TABLE directory_services (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        oruk_id TEXT NOT NULL UNIQUE,
        organisation_id TEXT NOT NULL REFERENCES directory_organisations(id),
        name TEXT NOT NULL CHECK (length(name) > 0),
        description TEXT,
        category TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('active', 'paused', 'closed')),
        min_age INTEGER CHECK (min_age IS NULL OR min_age BETWEEN 0 AND 150),
        max_age INTEGER CHECK (max_age IS NULL OR max_age BETWEEN 0 AND 150),
        eligibility TEXT,
        cost TEXT CHECK (cost IS NULL OR cost IN ('free', 'low_cost', 'paid')),
        cost_description TEXT,
        venue_name TEXT,
        address TEXT,
        town TEXT,
        postcode TEXT,
        postcode_district TEXT,
        area TEXT,
        accessibility TEXT,
        contact_name TEXT,
        phone TEXT,
        email TEXT,
        website TEXT,
        capacity INTEGER CHECK (capacity IS NULL OR capacity >= 0),
        places_used INTEGER CHECK (places_used IS NULL OR places_used >= 0),
        waiting_list INTEGER NOT NULL DEFAULT 0 CHECK (waiting_list IN (0, 1)),
        last_checked_on TEXT CHECK (last_checked_on IS NULL OR last_checked_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        last_checked_by TEXT REFERENCES users(id),
        source TEXT NOT NULL CHECK (source IN ('linkdesk', 'oruk_import')),
        imported_at TEXT,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL REFERENCES users(id),
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL REFERENCES users(id),
        row_version INTEGER NOT NULL DEFAULT 1,
        CHECK (min_age IS NULL OR max_age IS NULL OR min_age <= max_age)
      ) STRICT;
      CREATE INDEX directory_services_by_name ON directory_services (name COLLATE NOCASE);
      CREATE INDEX directory_services_by_organisation ON directory_services (organisation_id);
      CREATE INDEX directory_services_by_category ON directory_services (category, name COLLATE NOCASE);
      CREATE INDEX directory_services_by_status ON directory_services (status, name COLLATE NOCASE);
      CREATE INDEX directory_services_by_cost ON directory_services (cost);
      CREATE INDEX directory_services_by_district ON directory_services (postcode_district);
      CREATE INDEX directory_services_by_town ON directory_services (town COLLATE NOCASE);
      CREATE INDEX directory_services_by_last_checked ON directory_services (last_checked_on);

      -- When an entry runs: one row per session (a day, or none when it varies), in the order shown.
      CREATE TABLE directory_schedules (
        id INTEGER PRIMARY KEY,
        service_id TEXT NOT NULL REFERENCES directory_services(id),
        position INTEGER NOT NULL CHECK (position >= 0),
        weekday TEXT CHECK (weekday IS NULL OR weekday IN ('mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun')),
        start_time TEXT CHECK (start_time IS NULL OR start_time GLOB '[0-2][0-9]:[0-5][0-9]'),
        end_time TEXT CHECK (end_time IS NULL OR end_time GLOB '[0-2][0-9]:[0-5][0-9]'),
        frequency TEXT,
        UNIQUE (service_id, position)
      ) STRICT;
      CREATE INDEX directory_schedules_by_weekday ON directory_schedules (weekday, service_id);

      CREATE TABLE directory_service_features (
        service_id TEXT NOT NULL REFERENCES directory_services(id),
        feature TEXT NOT NULL,
        PRIMARY KEY (service_id, feature)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX directory_service_features_by_feature ON directory_service_features (feature, service_id);

      -- Every Open Referral UK record, as JSON with typed values, by ORUK table name and id.
      -- seq keeps the order records arrived in, so an export lists them in the same order.
      CREATE TABLE directory_oruk_records (
        seq INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        oruk_id TEXT NOT NULL,
        record_json TEXT NOT NULL CHECK (json_valid(record_json)),
        UNIQUE (kind, oruk_id)
      ) STRICT;
      -- Finding the records that belong to a service, location, contact or organisation.
      CREATE INDEX directory_oruk_records_by_service ON directory_oruk_records (json_extract(record_json, '$.service_id'), kind);
      CREATE INDEX directory_oruk_records_by_location ON directory_oruk_records (json_extract(record_json, '$.location_id'), kind);
      CREATE INDEX directory_oruk_records_by_contact ON directory_oruk_records (json_extract(record_json, '$.contact_id'), kind);
      CREATE INDEX directory_oruk_records_by_sal ON directory_oruk_records (json_extract(record_json, '$.service_at_location_id'), kind);

      -- Search over entry name, description and organisation name, kept in step by triggers.
      CREATE VIRTUAL TABLE directory_fts USING fts5(name, description, organisation, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
      CREATE TRIGGER directory_fts_after_insert AFTER INSERT ON directory_services BEGIN
        INSERT INTO directory_fts (rowid, name, description, organisation)
          VALUES (new.seq, new.name, new.description, (SELECT name FROM directory_organisations WHERE id = new.organisation_id));
      END;
      CREATE TRIGGER directory_fts_after_update AFTER UPDATE OF name, description, organisation_id ON directory_services BEGIN
        DELETE FROM directory_fts WHERE rowid = old.seq;
        INSERT INTO directory_fts (rowid, name, description, organisation)
          VALUES (new.seq, new.name, new.description, (SELECT name FROM directory_organisations WHERE id = new.organisation_id));
      END;
      CREATE TRIGGER directory_fts_after_delete AFTER DELETE ON directory_services BEGIN
        DELETE FROM directory_fts WHERE rowid = old.seq;
      END;
      CREATE TRIGGER directory_fts_after_organisation_rename AFTER UPDATE OF name ON directory_organisations BEGIN
        DELETE FROM directory_fts WHERE rowid IN (SELECT seq FROM directory_services WHERE organisation_id = new.id);
        INSERT INTO directory_fts (rowid, name, description, organisation)
          SELECT seq, name, description, new.name FROM directory_services WHERE organisation_id = new.id;
      END;
    `);
  },
};
