import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../src/main/store/migrate';
import { MIGRATIONS } from '../../../src/main/store/migrations';
import { migration0003Casework } from '../../../src/main/store/migrations/0003-casework';
import type { RawDatabase } from '../../../src/main/store/open-database';
import { columns, freshDatabase, isStrict, schemaObjects, tableNames } from '../../support/database';

/** A database at schema 2 with a user and two people, then migrated to 3. */
function atSchema3(): RawDatabase {
  const { raw } = freshDatabase();
  expect(migrate(raw, MIGRATIONS, 2)).toBe(2);
  raw.exec(`
    INSERT INTO users (id, username, display_name, role, created_at) VALUES ('u1', 'lw', 'Link Worker', 'link_worker', '2026-03-02');
    INSERT INTO people (id, nhs_number, given_name, family_name, date_of_birth, created_at, created_by, updated_at)
      VALUES ('p1', '9434765919', 'Zoë', 'Ångström', '1954-06-30', 'now', 'u1', 'now'),
             ('p2', NULL, 'Sam', 'Okafor', NULL, 'now', 'u1', 'now');
  `);
  expect(migrate(raw, MIGRATIONS, 3)).toBe(3);
  return raw;
}

function addEpisode(raw: RawDatabase, id: string, personId: string, status = 'received', notes: string | null = null): void {
  const closed = status === 'closed';
  raw
    .prepare(
      `INSERT INTO episodes (id, person_id, worker_user_id, source, received_on, urgency, notes, status, closure_reason, closed_on, first_contact_due_on, created_at, created_by, updated_at)
       VALUES (?, ?, 'u1', 'gp_practice', '2026-03-02', 'routine', ?, ?, ?, ?, '2026-03-09', 'now', 'u1', 'now')`,
    )
    .run(id, personId, notes, status, closed ? 'goals_met' : null, closed ? '2026-04-01' : null);
}

function addContact(raw: RawDatabase, id: string, episodeId: string, notes: string | null): void {
  raw
    .prepare(
      `INSERT INTO contacts (id, episode_id, person_id, at, contact_on, mode, notes, recorded_by, recorded_at)
       VALUES (?, ?, (SELECT person_id FROM episodes WHERE id = ?), '2026-03-03T10:00:00.000Z', '2026-03-03', 'phone', ?, 'u1', 'now')`,
    )
    .run(id, episodeId, episodeId, notes);
}

function match(raw: RawDatabase, fts: string, query: string): number[] {
  return (raw.prepare(`SELECT rowid FROM ${fts} WHERE ${fts} MATCH ? ORDER BY rowid`).all(query) as { rowid: number }[]).map((row) => row.rowid);
}

function integrityCheck(raw: RawDatabase, fts: string): void {
  raw.prepare(`INSERT INTO ${fts} (${fts}, rank) VALUES ('integrity-check', 1)`).run();
}

describe('migration 0003 casework', () => {
  it('takes schema 2 to schema 3 with the casework tables, and keeps the people already there', () => {
    expect(MIGRATIONS[2]).toBe(migration0003Casework);
    expect(migration0003Casework.version).toBe(3);
    const raw = atSchema3();
    expect(schemaVersion(raw)).toBe(3);
    const tables = tableNames(raw);
    for (const table of ['episodes', 'episode_reasons', 'episode_status_history', 'contacts', 'person_notes', 'coding_queue', 'people_fts', 'contact_notes_fts', 'person_notes_fts', 'episode_notes_fts']) {
      expect(tables, table).toContain(table);
    }
    for (const table of ['episodes', 'episode_reasons', 'episode_status_history', 'contacts', 'person_notes', 'coding_queue']) expect(isStrict(raw, table), table).toBe(true);
    expect(raw.prepare('SELECT id, given_name, consent_social_prescribing, consent_information_sharing, preferred_name FROM people ORDER BY id').all()).toEqual([
      { id: 'p1', given_name: 'Zoë', consent_social_prescribing: 0, consent_information_sharing: 0, preferred_name: null },
      { id: 'p2', given_name: 'Sam', consent_social_prescribing: 0, consent_information_sharing: 0, preferred_name: null },
    ]);
    const personColumns = columns(raw, 'people').map((c) => c.name);
    for (const column of ['preferred_name', 'pronouns', 'phone', 'email', 'preferred_contact_method', 'address_line1', 'postcode', 'gp_practice', 'interpreter_language', 'accessibility_needs', 'carer_or_next_of_kin', 'social_prescribing_consent_date', 'information_sharing_consent_method', 'updated_by']) {
      expect(personColumns, column).toContain(column);
    }
    expect(columns(raw, 'episodes').map((c) => c.name)).toEqual(
      expect.arrayContaining(['contact_count', 'first_contact_at', 'last_contact_at', 'last_contact_on', 'first_contact_due_on', 'next_contact_on', 'review_due_on']),
    );
    expect(schemaObjects(raw, 'index', 'episodes')).toEqual(
      expect.arrayContaining(['episodes_one_open_per_person', 'episodes_by_status', 'episodes_by_worker', 'episodes_awaiting_first_contact']),
    );
    expect(schemaObjects(raw, 'index', 'coding_queue')).toEqual(expect.arrayContaining(['coding_queue_once_per_episode', 'coding_queue_pending']));
    expect(schemaObjects(raw, 'index', 'contacts')).toEqual(['contacts_by_episode', 'contacts_by_person']);
    expect(schemaObjects(raw, 'index', 'episode_reasons')).toEqual(['episode_reasons_by_reason']);
  });

  it('indexes the names of people who were there before, accents and all', () => {
    const raw = atSchema3();
    expect(raw.prepare(`SELECT person_id FROM people_fts WHERE people_fts MATCH '"zoe"*'`).all()).toEqual([{ person_id: 'p1' }]);
    expect(raw.prepare(`SELECT person_id FROM people_fts WHERE people_fts MATCH '"angs"*'`).all()).toEqual([{ person_id: 'p1' }]);
    expect(raw.prepare(`SELECT person_id FROM people_fts WHERE people_fts MATCH '"oka"*'`).all()).toEqual([{ person_id: 'p2' }]);
  });

  it('keeps the name index in step when a name changes', () => {
    const raw = atSchema3();
    raw.exec(`UPDATE people SET family_name = 'Okoro', preferred_name = 'Sammy' WHERE id = 'p2'`);
    expect(raw.prepare(`SELECT person_id FROM people_fts WHERE people_fts MATCH '"okafor"'`).all()).toEqual([]);
    expect(raw.prepare(`SELECT person_id FROM people_fts WHERE people_fts MATCH '"okoro" "sammy"'`).all()).toEqual([{ person_id: 'p2' }]);
    expect(raw.prepare(`SELECT count(*) AS n FROM people_fts`).get()).toEqual({ n: 2 });
  });

  it('allows only one open episode per person, and any number of closed ones', () => {
    const raw = atSchema3();
    addEpisode(raw, 'e1', 'p1', 'closed');
    addEpisode(raw, 'e2', 'p1', 'closed');
    addEpisode(raw, 'e3', 'p1', 'active');
    expect(() => addEpisode(raw, 'e4', 'p1', 'received')).toThrow(/UNIQUE/);
    addEpisode(raw, 'e5', 'p2', 'received');
  });

  it('refuses an unknown status, and a closed episode without a reason and date (or an open one with them)', () => {
    const raw = atSchema3();
    expect(() => addEpisode(raw, 'e1', 'p1', 'lost')).toThrow(/CHECK/);
    expect(() =>
      raw.exec(`INSERT INTO episodes (id, person_id, source, received_on, urgency, status, first_contact_due_on, created_at, created_by, updated_at)
                VALUES ('e2', 'p1', 'self', '2026-03-02', 'routine', 'closed', '2026-03-09', 'now', 'u1', 'now')`),
    ).toThrow(/CHECK/);
    expect(() =>
      raw.exec(`INSERT INTO episodes (id, person_id, source, received_on, urgency, status, closure_reason, closed_on, first_contact_due_on, created_at, created_by, updated_at)
                VALUES ('e3', 'p1', 'self', '2026-03-02', 'routine', 'active', 'died', '2026-03-03', '2026-03-09', 'now', 'u1', 'now')`),
    ).toThrow(/CHECK/);
    expect(() =>
      raw.exec(`INSERT INTO episodes (id, person_id, source, received_on, urgency, first_contact_due_on, created_at, created_by, updated_at)
                VALUES ('e4', 'p1', 'self', '2 March', 'routine', '2026-03-09', 'now', 'u1', 'now')`),
    ).toThrow(/CHECK/);
  });

  it('queues each code once per episode', () => {
    const raw = atSchema3();
    addEpisode(raw, 'e1', 'p1');
    const queue = raw.prepare(
      `INSERT INTO coding_queue (id, episode_id, person_id, code, contact_on, due_on, queued_at, queued_by) VALUES (?, 'e1', 'p1', ?, '2026-03-03', '2026-03-10', 'now', 'u1')`,
    );
    queue.run('q1', '871731000000106');
    expect(() => queue.run('q2', '871731000000106')).toThrow(/UNIQUE/);
    queue.run('q3', '871711000000103');
    expect(() => raw.exec(`UPDATE coding_queue SET recorded_on = '2026-03-04' WHERE id = 'q1'`)).toThrow(/CHECK/); // recorded by whom?
  });

  it('keeps the note indexes in step with contacts, notes and referrals as they are added, edited and removed', () => {
    const raw = atSchema3();
    addEpisode(raw, 'e1', 'p1', 'received', 'Referred after a fall; lives alone');
    addContact(raw, 'c1', 'e1', 'Talked about the café walking group');
    addContact(raw, 'c2', 'e1', null);
    addContact(raw, 'c3', 'e1', 'Debt advice booked');
    raw.exec(`INSERT INTO person_notes (id, person_id, text, created_at, created_by) VALUES ('n1', 'p1', 'Prefers mornings', 'now', 'u1')`);
    const seq = (table: string, id: string) => (raw.prepare(`SELECT seq FROM ${table} WHERE id = ?`).get(id) as { seq: number }).seq;

    expect(match(raw, 'contact_notes_fts', 'cafe')).toEqual([seq('contacts', 'c1')]);
    expect(match(raw, 'episode_notes_fts', 'alone')).toEqual([seq('episodes', 'e1')]);
    expect(match(raw, 'person_notes_fts', 'morning*')).toEqual([seq('person_notes', 'n1')]);

    raw.exec(`UPDATE contacts SET notes = 'Talked about the library' WHERE id = 'c1'`);
    raw.exec(`UPDATE contacts SET notes = 'Gardening club' WHERE id = 'c2'`);
    raw.exec(`UPDATE contacts SET notes = NULL WHERE id = 'c3'`);
    raw.exec(`UPDATE episodes SET status = 'contacted', contact_count = 1 WHERE id = 'e1'`); // other columns leave the index alone
    expect(match(raw, 'contact_notes_fts', 'cafe')).toEqual([]);
    expect(match(raw, 'contact_notes_fts', 'library')).toEqual([seq('contacts', 'c1')]);
    expect(match(raw, 'contact_notes_fts', 'gardening')).toEqual([seq('contacts', 'c2')]);
    expect(match(raw, 'contact_notes_fts', 'debt')).toEqual([]);
    raw.exec(`DELETE FROM contacts WHERE id = 'c1'`);
    expect(match(raw, 'contact_notes_fts', 'library')).toEqual([]);
    for (const fts of ['contact_notes_fts', 'person_notes_fts', 'episode_notes_fts', 'people_fts']) expect(() => integrityCheck(raw, fts), fts).not.toThrow();
  });
});
