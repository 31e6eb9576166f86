import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../src/main/store/migrate';
import { MIGRATIONS } from '../../../src/main/store/migrations';
import { migration0001Foundation } from '../../../src/main/store/migrations/0001-foundation';
import { columns, freshDatabase, isStrict, schemaObjects, tableNames } from '../../support/database';

const AUDIT_ROW = `INSERT INTO audit_log (id, at, actor_user_id, actor_username, action, entity_type, entity_id, details_json, prev_hash, hash)
  VALUES (1, '2026-03-02T09:00:00.000Z', NULL, NULL, 'workspace.created', NULL, NULL, '{}', '${'0'.repeat(64)}', '${'a'.repeat(64)}')`;

describe('migration 0001 foundation', () => {
  it('is the first migration and takes an empty database to schema 1', () => {
    expect(MIGRATIONS[0]).toBe(migration0001Foundation);
    expect(migration0001Foundation.version).toBe(1);
    const { raw } = freshDatabase();
    expect(migrate(raw, MIGRATIONS, 0)).toBe(0);
    expect(tableNames(raw)).toEqual([]);

    expect(migrate(raw, MIGRATIONS, 1)).toBe(1);
    expect(schemaVersion(raw)).toBe(1);
    expect(tableNames(raw)).toEqual(['audit_log', 'settings', 'users', 'workspace']);
    for (const table of tableNames(raw)) expect(isStrict(raw, table), `${table} is STRICT`).toBe(true);
  });

  it('creates the workspace, settings, users and audit_log columns', () => {
    const { raw } = freshDatabase();
    migrate(raw, MIGRATIONS, 1);
    const shape = (table: string) => columns(raw, table).map((c) => `${c.name} ${c.type}${c.notnull ? ' NOT NULL' : ''}${c.pk ? ' PK' : ''}`);
    expect(shape('workspace')).toEqual(['id TEXT NOT NULL PK', 'name TEXT NOT NULL', 'created_at TEXT NOT NULL']);
    expect(shape('settings')).toEqual(['key TEXT NOT NULL PK', 'value_json TEXT NOT NULL']);
    expect(shape('users')).toEqual([
      'id TEXT NOT NULL PK',
      'username TEXT NOT NULL',
      'display_name TEXT NOT NULL',
      'role TEXT NOT NULL',
      'disabled_at TEXT',
      'created_at TEXT NOT NULL',
      'created_by TEXT',
      'last_sign_in_at TEXT',
    ]);
    expect(shape('audit_log')).toEqual([
      'id INTEGER PK',
      'at TEXT NOT NULL',
      'actor_user_id TEXT',
      'actor_username TEXT',
      'action TEXT NOT NULL',
      'entity_type TEXT',
      'entity_id TEXT',
      'details_json TEXT NOT NULL',
      'prev_hash TEXT NOT NULL',
      'hash TEXT NOT NULL',
    ]);
    expect(schemaObjects(raw, 'index', 'audit_log')).toEqual(['audit_log_by_action', 'audit_log_by_actor', 'audit_log_by_entity']);
    expect(schemaObjects(raw, 'trigger', 'audit_log')).toEqual(['audit_log_no_delete', 'audit_log_no_update']);
  });

  it('makes user names unique regardless of case and allows only the three roles', () => {
    const { raw } = freshDatabase();
    migrate(raw, MIGRATIONS, 1);
    const insert = raw.prepare(`INSERT INTO users (id, username, display_name, role, created_at) VALUES (?, ?, 'Someone', ?, '2026-03-02')`);
    insert.run('u1', 'sam.jones', 'link_worker');
    expect(() => insert.run('u2', 'Sam.Jones', 'admin')).toThrow(/UNIQUE/);
    expect(() => insert.run('u3', 'other', 'superuser')).toThrow(/CHECK/);
    insert.run('u4', 'gp', 'gp_supervisor');
    insert.run('u5', 'boss', 'admin');
  });

  it('refuses UPDATE and DELETE on the audit log', () => {
    const { raw } = freshDatabase();
    migrate(raw, MIGRATIONS, 1);
    raw.exec(AUDIT_ROW);
    expect(() => raw.exec(`UPDATE audit_log SET details_json = '{"edited":true}' WHERE id = 1`)).toThrow('The audit log is append-only');
    expect(() => raw.exec(`DELETE FROM audit_log WHERE id = 1`)).toThrow('The audit log is append-only');
    expect(() => raw.exec(`DELETE FROM audit_log`)).toThrow('The audit log is append-only');
    expect(raw.prepare('SELECT details_json FROM audit_log').all()).toEqual([{ details_json: '{}' }]);
  });
});
