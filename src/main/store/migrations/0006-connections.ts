import type { Migration } from './migration';

const DATE = `GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'`;

/**
 * Connections, the group support log.
 *
 * - A connection links a person, from one episode, to one directory service (and optionally a goal
 *   of the episode's plan). Its status moves suggested → introduced → attending → completed, or to
 *   stopped with a reason; completed and stopped connections are final, enforced here by a trigger
 *   as well as by the service. Every status change is kept in connection_status_history, which is
 *   never changed afterwards.
 * - At most one connection in progress per episode and service.
 * - The group support log records support given to a directory organisation (or one of its services).
 */
export const migration0006Connections: Migration = {
  version: 6,
  name: 'connections',
  up(db) {
    db.exec(`
      CREATE TABLE connections (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        episode_id TEXT NOT NULL REFERENCES episodes(id),
        person_id TEXT NOT NULL REFERENCES people(id),
        service_id TEXT NOT NULL REFERENCES directory_services(id),
        goal_id TEXT,
        status TEXT NOT NULL CHECK (status IN ('suggested', 'introduced', 'attending', 'completed', 'stopped')),
        status_on TEXT NOT NULL CHECK (status_on ${DATE}),
        stop_reason TEXT CHECK (stop_reason IS NULL OR stop_reason IN ('not_suitable', 'person_choice', 'service_full', 'service_closed', 'moved_away', 'other')),
        stop_note TEXT,
        handover_note TEXT,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL REFERENCES users(id),
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL REFERENCES users(id),
        CHECK ((status = 'stopped') = (stop_reason IS NOT NULL))
      ) STRICT;
      CREATE INDEX connections_by_service ON connections (service_id, person_id);
      CREATE INDEX connections_by_episode ON connections (episode_id);
      CREATE INDEX connections_by_person ON connections (person_id);
      CREATE UNIQUE INDEX connections_one_open_per_service ON connections (episode_id, service_id) WHERE status NOT IN ('completed', 'stopped');
      CREATE TRIGGER connections_final BEFORE UPDATE ON connections WHEN old.status IN ('completed', 'stopped') BEGIN
        SELECT RAISE(ABORT, 'A completed or stopped connection cannot be changed');
      END;
      CREATE TRIGGER connections_kept BEFORE DELETE ON connections BEGIN
        SELECT RAISE(ABORT, 'A connection cannot be deleted');
      END;

      CREATE TABLE connection_status_history (
        id INTEGER PRIMARY KEY,
        connection_id TEXT NOT NULL REFERENCES connections(id),
        from_status TEXT CHECK (from_status IS NULL OR from_status IN ('suggested', 'introduced', 'attending')),
        to_status TEXT NOT NULL CHECK (to_status IN ('suggested', 'introduced', 'attending', 'completed', 'stopped')),
        changed_on TEXT NOT NULL CHECK (changed_on ${DATE}),
        at TEXT NOT NULL,
        changed_by TEXT NOT NULL REFERENCES users(id),
        stop_reason TEXT CHECK (stop_reason IS NULL OR stop_reason IN ('not_suitable', 'person_choice', 'service_full', 'service_closed', 'moved_away', 'other'))
      ) STRICT;
      CREATE INDEX connection_status_history_by_connection ON connection_status_history (connection_id, id);
      CREATE TRIGGER connection_status_history_read_only BEFORE UPDATE ON connection_status_history BEGIN
        SELECT RAISE(ABORT, 'Connection history cannot be changed');
      END;
      CREATE TRIGGER connection_status_history_kept BEFORE DELETE ON connection_status_history BEGIN
        SELECT RAISE(ABORT, 'Connection history cannot be deleted');
      END;

      CREATE TABLE group_support_log (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        organisation_id TEXT NOT NULL REFERENCES directory_organisations(id),
        service_id TEXT REFERENCES directory_services(id),
        support_type TEXT NOT NULL CHECK (support_type IN ('capacity_building', 'funding_advice', 'volunteers', 'training', 'promotion', 'other')),
        given_on TEXT NOT NULL CHECK (given_on ${DATE}),
        minutes INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 1440),
        note TEXT,
        given_by TEXT NOT NULL REFERENCES users(id),
        recorded_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX group_support_by_organisation ON group_support_log (organisation_id, given_on);
      CREATE INDEX group_support_by_service ON group_support_log (service_id, given_on);
    `);
  },
};
