import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../src/main/store/migrate';
import { MIGRATIONS } from '../../../src/main/store/migrations';
import { migration0006Connections } from '../../../src/main/store/migrations/0006-connections';
import type { RawDatabase } from '../../../src/main/store/open-database';
import { columns, freshDatabase, isStrict, schemaObjects, tableNames } from '../../support/database';

const TABLES = ['connection_status_history', 'connections', 'group_support_log'];

/** A database at schema 5 with a user, a person, an episode and a directory entry, then migrated to 6. */
function atSchema6(): RawDatabase {
  const { raw } = freshDatabase();
  expect(migrate(raw, MIGRATIONS, 5)).toBe(5);
  raw.exec(`
    INSERT INTO users (id, username, display_name, role, created_at) VALUES ('u1', 'lw', 'Link Worker', 'link_worker', '2026-03-02');
    INSERT INTO people (id, given_name, family_name, created_at, created_by, updated_at) VALUES ('p1', 'Given', 'Family', 'now', 'u1', 'now');
    INSERT INTO episodes (id, person_id, worker_user_id, source, received_on, urgency, status, first_contact_due_on, created_at, created_by, updated_at)
      VALUES ('e1', 'p1', 'u1', 'gp_practice', '2026-03-02', 'routine', 'received', '2026-03-09', 'now', 'u1', 'now');
    INSERT INTO directory_organisations (id, oruk_id, name, created_at, created_by, updated_at, updated_by) VALUES ('o1', 'oo1', 'Trust', 'now', 'u1', 'now', 'u1');
    INSERT INTO directory_services (id, oruk_id, organisation_id, name, category, status, source, created_at, created_by, updated_at, updated_by)
      VALUES ('s1', 'os1', 'o1', 'Knit', 'knitting_crafts', 'active', 'linkdesk', 'now', 'u1', 'now', 'u1');
  `);
  expect(migrate(raw, MIGRATIONS, 6)).toBe(6);
  return raw;
}

function addConnection(raw: RawDatabase, id: string, values: Record<string, unknown> = {}): void {
  const row: Record<string, unknown> = {
    id,
    episode_id: 'e1',
    person_id: 'p1',
    service_id: 's1',
    status: 'suggested',
    status_on: '2026-03-02',
    created_at: 'now',
    created_by: 'u1',
    updated_at: 'now',
    updated_by: 'u1',
    ...values,
  };
  const names = Object.keys(row);
  raw.prepare(`INSERT INTO connections (${names.join(', ')}) VALUES (${names.map((n) => `@${n}`).join(', ')})`).run(row);
}

describe('migration 0006 connections', () => {
  it('takes schema 5 to schema 6, adding the connection and group support tables and keeping earlier rows', () => {
    expect(MIGRATIONS[5]).toBe(migration0006Connections);
    expect(migration0006Connections.version).toBe(6);
    const raw = atSchema6();
    expect(schemaVersion(raw)).toBe(6);
    expect(tableNames(raw)).toEqual(expect.arrayContaining(TABLES));
    for (const table of TABLES) expect(isStrict(raw, table), `${table} is STRICT`).toBe(true);
    expect(raw.prepare('SELECT id FROM episodes').all()).toEqual([{ id: 'e1' }]);
    expect(raw.prepare('SELECT id FROM directory_services').all()).toEqual([{ id: 's1' }]);
    expect(columns(raw, 'connections').map((c) => c.name)).toEqual([
      'seq', 'id', 'episode_id', 'person_id', 'service_id', 'goal_id', 'status', 'status_on', 'stop_reason', 'stop_note', 'handover_note',
      'created_at', 'created_by', 'updated_at', 'updated_by',
    ]);
    expect(schemaObjects(raw, 'trigger', 'connections')).toEqual(['connections_final', 'connections_kept']);
    expect(schemaObjects(raw, 'index', 'connections')).toContain('connections_one_open_per_service');
  });

  it('refuses an unknown status, a stop without a reason, and a reason without a stop', () => {
    const raw = atSchema6();
    expect(() => addConnection(raw, 'c1', { status: 'maybe' })).toThrow(/CHECK constraint failed/);
    expect(() => addConnection(raw, 'c2', { status: 'stopped' })).toThrow(/CHECK constraint failed/);
    expect(() => addConnection(raw, 'c3', { stop_reason: 'other' })).toThrow(/CHECK constraint failed/);
    expect(() => addConnection(raw, 'c4', { status_on: '2 March' })).toThrow(/CHECK constraint failed/);
  });

  it('keeps completed and stopped connections, and their history, as they are', () => {
    const raw = atSchema6();
    addConnection(raw, 'c1', { status: 'completed' });
    expect(() => raw.exec(`UPDATE connections SET status = 'attending' WHERE id = 'c1'`)).toThrow('A completed or stopped connection cannot be changed');
    expect(() => raw.exec(`DELETE FROM connections WHERE id = 'c1'`)).toThrow('A connection cannot be deleted');
    raw.exec(`INSERT INTO connection_status_history (connection_id, from_status, to_status, changed_on, at, changed_by) VALUES ('c1', NULL, 'suggested', '2026-03-02', 'now', 'u1')`);
    expect(() => raw.exec(`UPDATE connection_status_history SET changed_on = '2026-03-03'`)).toThrow('Connection history cannot be changed');
    expect(() => raw.exec(`DELETE FROM connection_status_history`)).toThrow('Connection history cannot be deleted');
  });

  it('allows one connection in progress per referral and service, and another once the first has ended', () => {
    const raw = atSchema6();
    addConnection(raw, 'c1');
    expect(() => addConnection(raw, 'c2')).toThrow(/UNIQUE constraint failed/);
    raw.exec(`UPDATE connections SET status = 'stopped', stop_reason = 'person_choice' WHERE id = 'c1'`);
    addConnection(raw, 'c2');
    expect(raw.prepare('SELECT COUNT(*) AS n FROM connections').get()).toEqual({ n: 2 });
  });

  it('checks the group support log’s type, date and minutes', () => {
    const raw = atSchema6();
    const insert = (values: Record<string, unknown>) => {
      const row = { id: 'g1', organisation_id: 'o1', support_type: 'training', given_on: '2026-03-02', minutes: 30, given_by: 'u1', recorded_at: 'now', ...values };
      const names = Object.keys(row);
      raw.prepare(`INSERT INTO group_support_log (${names.join(', ')}) VALUES (${names.map((n) => `@${n}`).join(', ')})`).run(row);
    };
    expect(() => insert({ support_type: 'cake' })).toThrow(/CHECK constraint failed/);
    expect(() => insert({ minutes: 0 })).toThrow(/CHECK constraint failed/);
    expect(() => insert({ given_on: 'yesterday' })).toThrow(/CHECK constraint failed/);
    insert({});
    expect(raw.prepare('SELECT support_type, minutes FROM group_support_log').all()).toEqual([{ support_type: 'training', minutes: 30 }]);
  });
});
