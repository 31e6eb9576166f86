import type { Migration } from './migration';

const DATE = `GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'`;

/**
 * Outcome measures (ONS4, SWEMWBS, UCLA-3), follow-ups, system use and episode closure summaries.
 *
 * - outcome_measures: one row per measure taken (or declined) at a timepoint of an episode. The
 *   answers are a JSON array of whole numbers, all of them or none: a declined measure has no
 *   answers (never zeros). SWEMWBS keeps its raw total and metric score, UCLA-3 its total; ONS4
 *   keeps neither, because its four items are never summed. At most one baseline and one end
 *   measure per episode and instrument; any number of follow-ups in between. A measure is never
 *   changed once recorded.
 * - outcome_follow_ups: the next wellbeing follow-up due for an open episode (one per episode).
 * - system_use: GP consultations and A&E attendances in the 6 months before and after an episode,
 *   each window entered as a pair (both counts, or neither).
 * - episode_closures: the PRSB summary written when an episode closes: what mattered, what was
 *   offered and what happened. Final once written.
 */
export const migration0007Outcomes: Migration = {
  version: 7,
  name: 'outcomes',
  up(db) {
    db.exec(`
      CREATE TABLE outcome_measures (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        episode_id TEXT NOT NULL REFERENCES episodes(id),
        person_id TEXT NOT NULL REFERENCES people(id),
        instrument TEXT NOT NULL CHECK (instrument IN ('ons4', 'swemwbs', 'ucla3')),
        timepoint TEXT NOT NULL CHECK (timepoint IN ('baseline', 'review', 'end')),
        recorded_on TEXT NOT NULL CHECK (recorded_on ${DATE}),
        declined INTEGER NOT NULL CHECK (declined IN (0, 1)),
        answers_json TEXT,
        total INTEGER,
        metric REAL,
        recorded_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL REFERENCES users(id),
        CHECK ((declined = 1) = (answers_json IS NULL)),
        CHECK (answers_json IS NULL OR (json_valid(answers_json) AND json_type(answers_json) = 'array'
          AND json_array_length(answers_json) = CASE instrument WHEN 'ons4' THEN 4 WHEN 'swemwbs' THEN 7 ELSE 3 END)),
        CHECK (coalesce(CASE
          WHEN declined = 1 THEN total IS NULL AND metric IS NULL
          WHEN instrument = 'ons4' THEN total IS NULL AND metric IS NULL
          WHEN instrument = 'swemwbs' THEN total BETWEEN 7 AND 35 AND metric BETWEEN 7 AND 35
          ELSE total BETWEEN 3 AND 9 AND metric IS NULL
        END, 0))
      ) STRICT;
      CREATE INDEX outcome_measures_by_episode ON outcome_measures (episode_id, recorded_on);
      CREATE INDEX outcome_measures_by_person ON outcome_measures (person_id);
      CREATE UNIQUE INDEX outcome_measures_one_baseline_and_end ON outcome_measures (episode_id, instrument, timepoint) WHERE timepoint IN ('baseline', 'end');
      CREATE TRIGGER outcome_measures_read_only BEFORE UPDATE ON outcome_measures BEGIN
        SELECT RAISE(ABORT, 'An outcome measure cannot be changed');
      END;

      CREATE TABLE outcome_follow_ups (
        episode_id TEXT PRIMARY KEY REFERENCES episodes(id),
        due_on TEXT NOT NULL CHECK (due_on ${DATE}),
        set_at TEXT NOT NULL,
        set_by TEXT NOT NULL REFERENCES users(id)
      ) STRICT;
      CREATE INDEX outcome_follow_ups_by_due ON outcome_follow_ups (due_on);

      CREATE TABLE system_use (
        episode_id TEXT PRIMARY KEY REFERENCES episodes(id),
        person_id TEXT NOT NULL REFERENCES people(id),
        gp_before INTEGER CHECK (gp_before BETWEEN 0 AND 366),
        ae_before INTEGER CHECK (ae_before BETWEEN 0 AND 366),
        before_entered_at TEXT,
        before_entered_by TEXT REFERENCES users(id),
        gp_after INTEGER CHECK (gp_after BETWEEN 0 AND 366),
        ae_after INTEGER CHECK (ae_after BETWEEN 0 AND 366),
        after_entered_at TEXT,
        after_entered_by TEXT REFERENCES users(id),
        CHECK ((gp_before IS NULL) = (ae_before IS NULL) AND (gp_before IS NULL) = (before_entered_at IS NULL)),
        CHECK ((gp_after IS NULL) = (ae_after IS NULL) AND (gp_after IS NULL) = (after_entered_at IS NULL))
      ) STRICT;

      CREATE TABLE episode_closures (
        episode_id TEXT PRIMARY KEY REFERENCES episodes(id),
        what_mattered TEXT NOT NULL,
        what_was_offered TEXT NOT NULL,
        what_happened TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL REFERENCES users(id)
      ) STRICT;
      CREATE TRIGGER episode_closures_read_only BEFORE UPDATE ON episode_closures BEGIN
        SELECT RAISE(ABORT, 'A closure summary cannot be changed');
      END;
    `);
  },
};
