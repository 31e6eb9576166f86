import type { Migration } from './migration';

/**
 * "What matters to me" conversations and personalised care and support plans.
 *
 * - Conversations keep the person's words exactly as typed (no trimming, no rewriting).
 * - A plan belongs to one episode; its content lives in numbered versions. Goals and steps are JSON
 *   arrays on the version (they are always read and written with it, and an agreed version is
 *   frozen as a whole). At most one draft per plan; an agreed version is read-only, enforced here by
 *   triggers as well as by the services, so no code path can change what the person agreed to.
 * - Reviews record progress per goal of an agreed version, and are never changed afterwards.
 */
export const migration0005Plans: Migration = {
  version: 5,
  name: 'plans',
  up(db) {
    db.exec(`
      CREATE TABLE what_matters_conversations (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        episode_id TEXT NOT NULL REFERENCES episodes(id),
        person_id TEXT NOT NULL REFERENCES people(id),
        held_on TEXT NOT NULL CHECK (held_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        own_words TEXT NOT NULL CHECK (length(trim(own_words)) > 0),
        strengths TEXT,
        barriers TEXT,
        priorities TEXT,
        recorded_by TEXT NOT NULL REFERENCES users(id),
        recorded_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX what_matters_by_episode ON what_matters_conversations (episode_id, held_on);

      CREATE TABLE care_plans (
        id TEXT PRIMARY KEY,
        episode_id TEXT NOT NULL UNIQUE REFERENCES episodes(id),
        person_id TEXT NOT NULL REFERENCES people(id),
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL REFERENCES users(id)
      ) STRICT;
      CREATE INDEX care_plans_by_person ON care_plans (person_id);

      CREATE TABLE care_plan_versions (
        id TEXT PRIMARY KEY,
        plan_id TEXT NOT NULL REFERENCES care_plans(id),
        version INTEGER NOT NULL CHECK (version >= 1),
        status TEXT NOT NULL CHECK (status IN ('draft', 'agreed')),
        goals_json TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(goals_json) AND json_type(goals_json) = 'array'),
        steps_json TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(steps_json) AND json_type(steps_json) = 'array'),
        present_json TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(present_json) AND json_type(present_json) = 'array'),
        support_offered TEXT,
        review_on TEXT CHECK (review_on IS NULL OR review_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        staff_notes TEXT,
        agreement_method TEXT CHECK (agreement_method IS NULL OR agreement_method IN ('verbal', 'signed', 'online')),
        agreed_on TEXT CHECK (agreed_on IS NULL OR agreed_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        agreed_at TEXT,
        agreed_by TEXT REFERENCES users(id),
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL REFERENCES users(id),
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL REFERENCES users(id),
        UNIQUE (plan_id, version),
        CHECK ((status = 'agreed') = (agreement_method IS NOT NULL AND agreed_on IS NOT NULL AND agreed_at IS NOT NULL AND agreed_by IS NOT NULL)),
        -- No plan is agreed without a goal.
        CHECK (status = 'draft' OR json_array_length(goals_json) > 0)
      ) STRICT;
      -- At most one draft per plan: the version being worked on.
      CREATE UNIQUE INDEX care_plan_versions_one_draft ON care_plan_versions (plan_id) WHERE status = 'draft';
      CREATE TRIGGER care_plan_versions_agreed_read_only BEFORE UPDATE ON care_plan_versions WHEN old.status = 'agreed' BEGIN
        SELECT RAISE(ABORT, 'An agreed plan version cannot be changed');
      END;
      CREATE TRIGGER care_plan_versions_agreed_kept BEFORE DELETE ON care_plan_versions WHEN old.status = 'agreed' BEGIN
        SELECT RAISE(ABORT, 'An agreed plan version cannot be deleted');
      END;

      CREATE TABLE care_plan_reviews (
        id TEXT PRIMARY KEY,
        version_id TEXT NOT NULL REFERENCES care_plan_versions(id),
        reviewed_on TEXT NOT NULL CHECK (reviewed_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        recorded_by TEXT NOT NULL REFERENCES users(id),
        recorded_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX care_plan_reviews_by_version ON care_plan_reviews (version_id, reviewed_on);

      CREATE TABLE care_plan_review_goals (
        review_id TEXT NOT NULL REFERENCES care_plan_reviews(id),
        goal_id TEXT NOT NULL,
        progress TEXT NOT NULL CHECK (progress IN ('not_started', 'started', 'achieved', 'changed')),
        note TEXT,
        PRIMARY KEY (review_id, goal_id)
      ) STRICT, WITHOUT ROWID;
      CREATE TRIGGER care_plan_reviews_read_only BEFORE UPDATE ON care_plan_reviews BEGIN
        SELECT RAISE(ABORT, 'A plan review cannot be changed');
      END;
      CREATE TRIGGER care_plan_reviews_kept BEFORE DELETE ON care_plan_reviews BEGIN
        SELECT RAISE(ABORT, 'A plan review cannot be deleted');
      END;
      CREATE TRIGGER care_plan_review_goals_read_only BEFORE UPDATE ON care_plan_review_goals BEGIN
        SELECT RAISE(ABORT, 'A plan review cannot be changed');
      END;
      CREATE TRIGGER care_plan_review_goals_kept BEFORE DELETE ON care_plan_review_goals BEGIN
        SELECT RAISE(ABORT, 'A plan review cannot be deleted');
      END;
    `);
  },
};
