import type { Migration } from './migration';

/**
 * Casework: the rest of a person's details, referrals (episodes) with their reasons and status
 * history, contacts, notes, the GP coding queue, and full-text search over names and notes.
 *
 * - Code lists that will grow (sources, reasons, contact modes) are checked by the IPC schemas, not
 *   by CHECK constraints, so adding a code needs no table rebuild. The status machine is fixed and
 *   is checked here.
 * - Tables whose text is indexed for search have an INTEGER PRIMARY KEY (`seq`) beside their id:
 *   the FTS5 indexes point at it, and VACUUM (and VACUUM INTO backups) may renumber implicit rowids.
 * - Search indexes are FTS5 tables inside the encrypted database, kept in step by triggers, so
 *   every write path updates them in the same transaction. Notes are indexed as external content
 *   (no second copy of the text); names are small and indexed with their own copy.
 * - Episodes carry denormalised counters (attended contacts, first and last contact) so the
 *   caseload never has to aggregate the contacts table.
 */
export const migration0003Casework: Migration = {
  version: 3,
  name: 'casework',
  up(db) {
    db.exec(`
      ALTER TABLE people ADD COLUMN preferred_name TEXT;
      ALTER TABLE people ADD COLUMN pronouns TEXT;
      ALTER TABLE people ADD COLUMN phone TEXT;
      ALTER TABLE people ADD COLUMN email TEXT;
      ALTER TABLE people ADD COLUMN preferred_contact_method TEXT;
      ALTER TABLE people ADD COLUMN address_line1 TEXT;
      ALTER TABLE people ADD COLUMN address_line2 TEXT;
      ALTER TABLE people ADD COLUMN town TEXT;
      ALTER TABLE people ADD COLUMN postcode TEXT;
      ALTER TABLE people ADD COLUMN gp_practice TEXT;
      ALTER TABLE people ADD COLUMN interpreter_language TEXT;
      ALTER TABLE people ADD COLUMN accessibility_needs TEXT;
      ALTER TABLE people ADD COLUMN carer_or_next_of_kin TEXT;
      ALTER TABLE people ADD COLUMN consent_social_prescribing INTEGER NOT NULL DEFAULT 0 CHECK (consent_social_prescribing IN (0, 1));
      ALTER TABLE people ADD COLUMN social_prescribing_consent_date TEXT;
      ALTER TABLE people ADD COLUMN social_prescribing_consent_method TEXT;
      ALTER TABLE people ADD COLUMN consent_information_sharing INTEGER NOT NULL DEFAULT 0 CHECK (consent_information_sharing IN (0, 1));
      ALTER TABLE people ADD COLUMN information_sharing_consent_date TEXT;
      ALTER TABLE people ADD COLUMN information_sharing_consent_method TEXT;
      ALTER TABLE people ADD COLUMN updated_by TEXT REFERENCES users(id);
      CREATE INDEX people_by_date_of_birth ON people (date_of_birth);

      CREATE TABLE episodes (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        person_id TEXT NOT NULL REFERENCES people(id),
        worker_user_id TEXT REFERENCES users(id),
        source TEXT NOT NULL,
        referrer_name TEXT,
        referrer_organisation TEXT,
        referrer_contact TEXT,
        received_on TEXT NOT NULL CHECK (received_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        reason_other TEXT,
        urgency TEXT NOT NULL,
        notes TEXT,
        status TEXT NOT NULL DEFAULT 'received' CHECK (status IN ('received', 'contacted', 'accepted', 'declined', 'active', 'closed')),
        closure_reason TEXT,
        closure_note TEXT,
        closed_on TEXT,
        first_contact_due_on TEXT NOT NULL,
        next_contact_on TEXT,
        review_due_on TEXT,
        contact_count INTEGER NOT NULL DEFAULT 0 CHECK (contact_count >= 0),
        first_contact_at TEXT,
        last_contact_at TEXT,
        last_contact_on TEXT,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL REFERENCES users(id),
        updated_at TEXT NOT NULL,
        CHECK ((status = 'closed') = (closure_reason IS NOT NULL AND closed_on IS NOT NULL))
      ) STRICT;
      -- At most one open episode per person.
      CREATE UNIQUE INDEX episodes_one_open_per_person ON episodes (person_id) WHERE status <> 'closed';
      CREATE INDEX episodes_by_person ON episodes (person_id, received_on);
      CREATE INDEX episodes_by_received_on ON episodes (received_on);
      CREATE INDEX episodes_by_status ON episodes (status, received_on);
      CREATE INDEX episodes_by_worker ON episodes (worker_user_id, status, received_on);
      CREATE INDEX episodes_by_source ON episodes (source, received_on);
      CREATE INDEX episodes_awaiting_first_contact ON episodes (first_contact_due_on) WHERE first_contact_at IS NULL AND status <> 'closed';
      -- The open caseload (a few thousand of perhaps 60,000 episodes) with every column its sorting,
      -- filtering and flags read, so those queries never touch the table's pages.
      CREATE INDEX episodes_open_caseload ON episodes (
        received_on, status, worker_user_id, source, person_id, first_contact_at, first_contact_due_on,
        contact_count, last_contact_on, next_contact_on, review_due_on, closed_on, id
      ) WHERE status <> 'closed';

      CREATE TABLE episode_reasons (
        episode_id TEXT NOT NULL REFERENCES episodes(id),
        reason TEXT NOT NULL,
        PRIMARY KEY (episode_id, reason)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX episode_reasons_by_reason ON episode_reasons (reason, episode_id);

      CREATE TABLE contacts (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        episode_id TEXT NOT NULL REFERENCES episodes(id),
        person_id TEXT NOT NULL REFERENCES people(id),
        at TEXT NOT NULL,
        contact_on TEXT NOT NULL,
        mode TEXT NOT NULL,
        duration_minutes INTEGER NOT NULL DEFAULT 0 CHECK (duration_minutes >= 0),
        attendees TEXT,
        notes TEXT,
        did_not_attend INTEGER NOT NULL DEFAULT 0 CHECK (did_not_attend IN (0, 1)),
        decision TEXT CHECK (decision IS NULL OR decision IN ('accepted', 'declined')),
        recorded_by TEXT NOT NULL REFERENCES users(id),
        recorded_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX contacts_by_episode ON contacts (episode_id, at);
      CREATE INDEX contacts_by_person ON contacts (person_id, at);

      CREATE TABLE episode_status_history (
        id INTEGER PRIMARY KEY,
        episode_id TEXT NOT NULL REFERENCES episodes(id),
        from_status TEXT,
        to_status TEXT NOT NULL,
        at TEXT NOT NULL,
        changed_by TEXT NOT NULL REFERENCES users(id),
        contact_id TEXT REFERENCES contacts(id),
        closure_reason TEXT
      ) STRICT;
      CREATE INDEX episode_status_history_by_episode ON episode_status_history (episode_id, id);

      CREATE TABLE person_notes (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        person_id TEXT NOT NULL REFERENCES people(id),
        episode_id TEXT REFERENCES episodes(id),
        text TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL REFERENCES users(id)
      ) STRICT;
      CREATE INDEX person_notes_by_person ON person_notes (person_id, created_at);

      CREATE TABLE coding_queue (
        id TEXT PRIMARY KEY,
        episode_id TEXT NOT NULL REFERENCES episodes(id),
        person_id TEXT NOT NULL REFERENCES people(id),
        contact_id TEXT REFERENCES contacts(id),
        code TEXT NOT NULL,
        contact_on TEXT NOT NULL,
        due_on TEXT NOT NULL,
        queued_at TEXT NOT NULL,
        queued_by TEXT NOT NULL REFERENCES users(id),
        recorded_on TEXT,
        recorded_by TEXT REFERENCES users(id),
        recorded_at TEXT,
        CHECK ((recorded_on IS NULL) = (recorded_by IS NULL))
      ) STRICT;
      -- A code reaches the GP record once per episode, however the episode got there.
      CREATE UNIQUE INDEX coding_queue_once_per_episode ON coding_queue (episode_id, code);
      CREATE INDEX coding_queue_pending ON coding_queue (due_on) WHERE recorded_on IS NULL;
      CREATE INDEX coding_queue_by_recorded_on ON coding_queue (recorded_on) WHERE recorded_on IS NOT NULL;

      -- Search. unicode61 with remove_diacritics 2 makes "Zoe" find "Zoë".
      CREATE VIRTUAL TABLE people_fts USING fts5(person_id UNINDEXED, names, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
      CREATE TRIGGER people_fts_after_insert AFTER INSERT ON people BEGIN
        INSERT INTO people_fts (person_id, names) VALUES (new.id, concat_ws(' ', new.given_name, new.family_name, new.preferred_name));
      END;
      CREATE TRIGGER people_fts_after_update AFTER UPDATE OF given_name, family_name, preferred_name ON people BEGIN
        DELETE FROM people_fts WHERE person_id = old.id;
        INSERT INTO people_fts (person_id, names) VALUES (new.id, concat_ws(' ', new.given_name, new.family_name, new.preferred_name));
      END;
      CREATE TRIGGER people_fts_after_delete AFTER DELETE ON people BEGIN
        DELETE FROM people_fts WHERE person_id = old.id;
      END;
      INSERT INTO people_fts (person_id, names) SELECT id, concat_ws(' ', given_name, family_name, preferred_name) FROM people;
    `);
    indexNotes(db, { fts: 'contact_notes_fts', table: 'contacts', column: 'notes' });
    indexNotes(db, { fts: 'person_notes_fts', table: 'person_notes', column: 'text' });
    indexNotes(db, { fts: 'episode_notes_fts', table: 'episodes', column: 'notes' });
  },
};

/**
 * An external-content FTS5 index over one text column, keyed by the table's `seq`, with the
 * triggers that keep it in step. Every row is indexed, NULL notes too (as an empty document):
 * FTS5's integrity check expects one entry per row of the content table.
 */
function indexNotes(db: Parameters<Migration['up']>[0], { fts, table, column }: { fts: string; table: string; column: string }): void {
  db.exec(`
    CREATE VIRTUAL TABLE ${fts} USING fts5(${column}, content = '${table}', content_rowid = 'seq', tokenize = 'unicode61 remove_diacritics 2');
    CREATE TRIGGER ${fts}_after_insert AFTER INSERT ON ${table} BEGIN
      INSERT INTO ${fts} (rowid, ${column}) VALUES (new.seq, new.${column});
    END;
    CREATE TRIGGER ${fts}_after_delete AFTER DELETE ON ${table} BEGIN
      INSERT INTO ${fts} (${fts}, rowid, ${column}) VALUES ('delete', old.seq, old.${column});
    END;
    CREATE TRIGGER ${fts}_before_update BEFORE UPDATE OF ${column} ON ${table} BEGIN
      INSERT INTO ${fts} (${fts}, rowid, ${column}) VALUES ('delete', old.seq, old.${column});
    END;
    CREATE TRIGGER ${fts}_after_update AFTER UPDATE OF ${column} ON ${table} BEGIN
      INSERT INTO ${fts} (rowid, ${column}) VALUES (new.seq, new.${column});
    END;
  `);
}
