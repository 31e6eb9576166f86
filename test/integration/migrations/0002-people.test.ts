import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../src/main/store/migrate';
import { MIGRATIONS } from '../../../src/main/store/migrations';
import { migration0002People } from '../../../src/main/store/migrations/0002-people';
import type { RawDatabase } from '../../../src/main/store/open-database';
import { columns, freshDatabase, isStrict, schemaObjects, tableNames } from '../../support/database';

/** A database at schema 1 with one user (people rows need a creator), then migrated to 2. */
function atSchema2(): RawDatabase {
  const { raw } = freshDatabase();
  expect(migrate(raw, MIGRATIONS, 1)).toBe(1);
  raw.exec(`INSERT INTO users (id, username, display_name, role, created_at) VALUES ('u1', 'lw', 'Link Worker', 'link_worker', '2026-03-02')`);
  expect(migrate(raw, MIGRATIONS, 2)).toBe(2);
  return raw;
}

function addPerson(raw: RawDatabase, id: string, nhsNumber: string | null, createdBy = 'u1'): void {
  raw
    .prepare(`INSERT INTO people (id, nhs_number, given_name, family_name, created_at, created_by, updated_at) VALUES (?, ?, 'Given', 'Family', 'now', ?, 'now')`)
    .run(id, nhsNumber, createdBy);
}

describe('migration 0002 people', () => {
  it('takes schema 1 to schema 2 by adding the people table and keeps the rows already there', () => {
    expect(MIGRATIONS[1]).toBe(migration0002People);
    expect(migration0002People.version).toBe(2);
    const raw = atSchema2();
    expect(schemaVersion(raw)).toBe(2);
    expect(tableNames(raw)).toEqual(['audit_log', 'people', 'settings', 'users', 'workspace']);
    expect(isStrict(raw, 'people')).toBe(true);
    expect(raw.prepare('SELECT username FROM users').all()).toEqual([{ username: 'lw' }]);
    expect(columns(raw, 'people').map((c) => `${c.name} ${c.type}${c.notnull ? ' NOT NULL' : ''}${c.pk ? ' PK' : ''}`)).toEqual([
      'id TEXT NOT NULL PK',
      'nhs_number TEXT',
      'given_name TEXT NOT NULL',
      'family_name TEXT NOT NULL',
      'date_of_birth TEXT',
      'created_at TEXT NOT NULL',
      'created_by TEXT NOT NULL',
      'updated_at TEXT NOT NULL',
      'row_version INTEGER NOT NULL',
    ]);
    expect(columns(raw, 'people').find((c) => c.name === 'row_version')?.dflt_value).toBe('1');
    expect(schemaObjects(raw, 'index', 'people')).toEqual(['people_by_name_and_birth', 'people_by_nhs_number']);
  });

  it('accepts only a 10-digit NHS number, or none', () => {
    const raw = atSchema2();
    addPerson(raw, 'p1', '9434765919');
    addPerson(raw, 'p2', null);
    addPerson(raw, 'p3', null); // several people may have no NHS number yet
    for (const bad of ['943476591', '94347659190', '943 476 591', '943476591X', '', '-943476591', '９４３４７６５９１９']) {
      expect(() => addPerson(raw, `bad-${bad}`, bad), `NHS number "${bad}"`).toThrow(/CHECK/);
    }
    expect(raw.prepare('SELECT count(*) AS n FROM people').get()).toEqual({ n: 3 });
  });

  it('allows each NHS number once', () => {
    const raw = atSchema2();
    addPerson(raw, 'p1', '9434765919');
    expect(() => addPerson(raw, 'p2', '9434765919')).toThrow(/UNIQUE/);
  });

  it('requires the creator to be a real user and starts every row at version 1', () => {
    const raw = atSchema2();
    expect(() => addPerson(raw, 'p1', null, 'nobody')).toThrow(/FOREIGN KEY/);
    addPerson(raw, 'p2', null);
    expect(raw.prepare(`SELECT row_version FROM people WHERE id = 'p2'`).get()).toEqual({ row_version: 1 });
  });
});
