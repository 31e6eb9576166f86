import type { Migration } from './migration';

const DATE = `GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'`;

/** Refuses a change to a row of `table` whose session (`which`.session_id) has been signed. */
function frozenAfterSignOff(table: string, event: 'INSERT' | 'UPDATE' | 'DELETE', which: 'new' | 'old'): string {
  return `
    CREATE TRIGGER ${table}_signed_${event.toLowerCase()} BEFORE ${event} ON ${table}
    WHEN (SELECT signed_at FROM supervision_sessions WHERE id = ${which}.session_id) IS NOT NULL BEGIN
      SELECT RAISE(ABORT, 'A signed supervision session cannot be changed; add an addendum instead');
    END;`;
}

/** A child table of a session: writable while the session is open, read-only once it is signed. */
function sessionChild(table: string): string {
  return [
    frozenAfterSignOff(table, 'INSERT', 'new'),
    frozenAfterSignOff(table, 'UPDATE', 'old'),
    frozenAfterSignOff(table, 'DELETE', 'old'),
    `CREATE TRIGGER ${table}_same_session BEFORE UPDATE OF session_id ON ${table} WHEN new.session_id IS NOT old.session_id BEGIN
      SELECT RAISE(ABORT, 'A supervision record cannot move to another session');
    END;`,
  ].join('\n');
}

/**
 * Supervision: who supervises whom, weekly sessions with their agenda, per-case discussion,
 * decisions and actions, the link worker's wellbeing check-in, sign-off and addenda; and the
 * risk and safeguarding flags a link worker sets on a person.
 *
 * - A pair (GP supervisor, link worker) is current until an admin ends it; ended pairs are kept,
 *   so past sessions still say who was in them. One current pair per two people.
 * - A session belongs to a pair, one open (unsigned) session per pair at a time. Once signed,
 *   triggers make the session and everything recorded in it read-only — agenda items, actions,
 *   the wellbeing check-in — whatever code path tries; only addenda can be added, and only then.
 *   The period numbers are frozen into the session row at sign-off.
 * - Ticking an action off is a row of its own (supervision_action_completions), so an action
 *   agreed in a signed session can still be marked done later without touching the signed record.
 *   A completion can be undone only while the session it was recorded in is still open.
 * - Person flags keep their history: a flag is raised with a reason and cleared with a reason,
 *   never edited or deleted; at most one current flag of each kind per person.
 */
export const migration0008Supervision: Migration = {
  version: 8,
  name: 'supervision',
  up(db) {
    db.exec(`
      CREATE TABLE supervision_pairs (
        id TEXT PRIMARY KEY,
        supervisor_user_id TEXT NOT NULL REFERENCES users(id),
        worker_user_id TEXT NOT NULL REFERENCES users(id),
        assigned_at TEXT NOT NULL,
        assigned_by TEXT NOT NULL REFERENCES users(id),
        ended_at TEXT,
        ended_by TEXT REFERENCES users(id),
        CHECK (supervisor_user_id <> worker_user_id),
        CHECK ((ended_at IS NULL) = (ended_by IS NULL))
      ) STRICT;
      CREATE UNIQUE INDEX supervision_pairs_one_current ON supervision_pairs (supervisor_user_id, worker_user_id) WHERE ended_at IS NULL;
      CREATE INDEX supervision_pairs_by_worker ON supervision_pairs (worker_user_id, supervisor_user_id);
      CREATE TRIGGER supervision_pairs_ended_kept BEFORE UPDATE ON supervision_pairs WHEN old.ended_at IS NOT NULL BEGIN
        SELECT RAISE(ABORT, 'An ended supervision pair cannot be changed');
      END;
      CREATE TRIGGER supervision_pairs_same_people BEFORE UPDATE OF supervisor_user_id, worker_user_id ON supervision_pairs BEGIN
        SELECT RAISE(ABORT, 'A supervision pair cannot change its people; end it and assign a new one');
      END;
      CREATE TRIGGER supervision_pairs_kept BEFORE DELETE ON supervision_pairs BEGIN
        SELECT RAISE(ABORT, 'A supervision pair cannot be deleted');
      END;

      CREATE TABLE supervision_sessions (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        pair_id TEXT NOT NULL REFERENCES supervision_pairs(id),
        held_on TEXT NOT NULL CHECK (held_on ${DATE}),
        period_from TEXT NOT NULL CHECK (period_from ${DATE}),
        attendees_json TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(attendees_json) AND json_type(attendees_json) = 'array'),
        numbers_json TEXT CHECK (numbers_json IS NULL OR (json_valid(numbers_json) AND json_type(numbers_json) = 'object')),
        signed_at TEXT,
        signed_by TEXT REFERENCES users(id),
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL REFERENCES users(id),
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL REFERENCES users(id),
        CHECK (period_from <= held_on),
        CHECK ((signed_at IS NULL) = (signed_by IS NULL)),
        CHECK (signed_at IS NULL OR numbers_json IS NOT NULL)
      ) STRICT;
      CREATE UNIQUE INDEX supervision_sessions_one_open_per_pair ON supervision_sessions (pair_id) WHERE signed_at IS NULL;
      CREATE INDEX supervision_sessions_by_pair ON supervision_sessions (pair_id, held_on);
      CREATE TRIGGER supervision_sessions_signed_read_only BEFORE UPDATE ON supervision_sessions WHEN old.signed_at IS NOT NULL BEGIN
        SELECT RAISE(ABORT, 'A signed supervision session cannot be changed; add an addendum instead');
      END;
      CREATE TRIGGER supervision_sessions_kept BEFORE DELETE ON supervision_sessions BEGIN
        SELECT RAISE(ABORT, 'A supervision session cannot be deleted');
      END;

      CREATE TABLE supervision_agenda_items (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        session_id TEXT NOT NULL REFERENCES supervision_sessions(id),
        episode_id TEXT NOT NULL REFERENCES episodes(id),
        person_id TEXT NOT NULL REFERENCES people(id),
        reasons_json TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(reasons_json) AND json_type(reasons_json) = 'array'),
        added_by TEXT REFERENCES users(id),
        added_note TEXT,
        discussion TEXT,
        decision TEXT,
        safeguarding_raised INTEGER NOT NULL DEFAULT 0 CHECK (safeguarding_raised IN (0, 1)),
        safeguarding_action TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL REFERENCES users(id),
        UNIQUE (session_id, episode_id),
        -- A raised concern always says what was done about it; none raised, nothing said.
        CHECK ((safeguarding_raised = 1) = (safeguarding_action IS NOT NULL)),
        -- On the agenda for a reason: the caseload put it there, or someone added it.
        CHECK (json_array_length(reasons_json) > 0 OR added_by IS NOT NULL)
      ) STRICT;
      CREATE INDEX supervision_agenda_items_by_episode ON supervision_agenda_items (episode_id);
      ${sessionChild('supervision_agenda_items')}

      CREATE TABLE supervision_actions (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        session_id TEXT NOT NULL REFERENCES supervision_sessions(id),
        agenda_item_id TEXT REFERENCES supervision_agenda_items(id),
        text TEXT NOT NULL CHECK (length(trim(text)) > 0),
        owner TEXT NOT NULL CHECK (owner IN ('link_worker', 'supervisor')),
        due_on TEXT NOT NULL CHECK (due_on ${DATE}),
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL REFERENCES users(id)
      ) STRICT;
      CREATE INDEX supervision_actions_by_session ON supervision_actions (session_id, seq);
      CREATE INDEX supervision_actions_by_item ON supervision_actions (agenda_item_id);
      ${sessionChild('supervision_actions')}

      CREATE TABLE supervision_action_completions (
        action_id TEXT PRIMARY KEY REFERENCES supervision_actions(id),
        done_on TEXT NOT NULL CHECK (done_on ${DATE}),
        session_id TEXT REFERENCES supervision_sessions(id),
        recorded_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL REFERENCES users(id)
      ) STRICT, WITHOUT ROWID;
      CREATE TRIGGER supervision_action_completions_open_session BEFORE INSERT ON supervision_action_completions
      WHEN new.session_id IS NOT NULL AND (SELECT signed_at FROM supervision_sessions WHERE id = new.session_id) IS NOT NULL BEGIN
        SELECT RAISE(ABORT, 'A signed supervision session cannot be changed; add an addendum instead');
      END;
      CREATE TRIGGER supervision_action_completions_read_only BEFORE UPDATE ON supervision_action_completions BEGIN
        SELECT RAISE(ABORT, 'A completed action cannot be changed');
      END;
      CREATE TRIGGER supervision_action_completions_kept BEFORE DELETE ON supervision_action_completions
      WHEN old.session_id IS NULL OR (SELECT signed_at FROM supervision_sessions WHERE id = old.session_id) IS NOT NULL BEGIN
        SELECT RAISE(ABORT, 'A completed action can only be undone in the open session it was ticked off in');
      END;

      CREATE TABLE supervision_wellbeing (
        session_id TEXT PRIMARY KEY REFERENCES supervision_sessions(id),
        feeling TEXT NOT NULL CHECK (feeling IN ('good', 'okay', 'struggling')),
        feeling_note TEXT,
        workload TEXT NOT NULL CHECK (workload IN ('light', 'manageable', 'heavy', 'too_much')),
        training_needs TEXT,
        support_agreed TEXT,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL REFERENCES users(id)
      ) STRICT, WITHOUT ROWID;
      ${sessionChild('supervision_wellbeing')}

      CREATE TABLE supervision_addenda (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        session_id TEXT NOT NULL REFERENCES supervision_sessions(id),
        text TEXT NOT NULL CHECK (length(trim(text)) > 0),
        added_at TEXT NOT NULL,
        added_by TEXT NOT NULL REFERENCES users(id)
      ) STRICT;
      CREATE INDEX supervision_addenda_by_session ON supervision_addenda (session_id, seq);
      CREATE TRIGGER supervision_addenda_after_sign_off BEFORE INSERT ON supervision_addenda
      WHEN (SELECT signed_at FROM supervision_sessions WHERE id = new.session_id) IS NULL BEGIN
        SELECT RAISE(ABORT, 'Addenda are for signed sessions; an open session can still be changed');
      END;
      CREATE TRIGGER supervision_addenda_read_only BEFORE UPDATE ON supervision_addenda BEGIN
        SELECT RAISE(ABORT, 'An addendum cannot be changed');
      END;
      CREATE TRIGGER supervision_addenda_kept BEFORE DELETE ON supervision_addenda BEGIN
        SELECT RAISE(ABORT, 'An addendum cannot be deleted');
      END;

      CREATE TABLE person_flags (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        person_id TEXT NOT NULL REFERENCES people(id),
        kind TEXT NOT NULL CHECK (kind IN ('risk', 'safeguarding')),
        reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
        raised_at TEXT NOT NULL,
        raised_by TEXT NOT NULL REFERENCES users(id),
        cleared_at TEXT,
        cleared_by TEXT REFERENCES users(id),
        clear_reason TEXT,
        CHECK ((cleared_at IS NULL) = (cleared_by IS NULL) AND (cleared_at IS NULL) = (clear_reason IS NULL)),
        CHECK (clear_reason IS NULL OR length(trim(clear_reason)) > 0)
      ) STRICT;
      CREATE UNIQUE INDEX person_flags_one_current ON person_flags (person_id, kind) WHERE cleared_at IS NULL;
      CREATE INDEX person_flags_by_person ON person_flags (person_id, raised_at);
      CREATE TRIGGER person_flags_cleared_kept BEFORE UPDATE ON person_flags WHEN old.cleared_at IS NOT NULL BEGIN
        SELECT RAISE(ABORT, 'A cleared flag cannot be changed; raise a new one');
      END;
      CREATE TRIGGER person_flags_as_raised BEFORE UPDATE OF person_id, kind, reason, raised_at, raised_by ON person_flags BEGIN
        SELECT RAISE(ABORT, 'A flag keeps the reason it was raised with; clear it and raise a new one');
      END;
      CREATE TRIGGER person_flags_kept BEFORE DELETE ON person_flags BEGIN
        SELECT RAISE(ABORT, 'A flag cannot be deleted; clear it with a reason');
      END;
    `);
  },
};
