import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../src/main/store/migrate';
import { MIGRATIONS } from '../../../src/main/store/migrations';
import { migration0004Directory } from '../../../src/main/store/migrations/0004-directory';
import type { RawDatabase } from '../../../src/main/store/open-database';
import { columns, freshDatabase, isStrict, schemaObjects, tableNames } from '../../support/database';

const DIRECTORY_TABLES = ['directory_oruk_records', 'directory_organisations', 'directory_schedules', 'directory_service_features', 'directory_services'];

/** A database at schema 3 with a user and a person (casework data that must survive), then migrated to 4. */
function atSchema4(): RawDatabase {
  const { raw } = freshDatabase();
  expect(migrate(raw, MIGRATIONS, 3)).toBe(3);
  raw.exec(`INSERT INTO users (id, username, display_name, role, created_at) VALUES ('u1', 'lw', 'Link Worker', 'link_worker', '2026-03-02')`);
  raw.exec(`INSERT INTO people (id, given_name, family_name, created_at, created_by, updated_at) VALUES ('p1', 'Given', 'Family', 'now', 'u1', 'now')`);
  expect(migrate(raw, MIGRATIONS, 4)).toBe(4);
  return raw;
}

function addOrganisation(raw: RawDatabase, id = 'o1', name = 'Brook Lane Trust'): void {
  raw.prepare(`INSERT INTO directory_organisations (id, oruk_id, name, created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, 'now', 'u1', 'now', 'u1')`).run(id, `oruk-${id}`, name);
}

function addService(raw: RawDatabase, id: string, values: Record<string, unknown> = {}): void {
  const row: Record<string, unknown> = {
    id,
    oruk_id: `oruk-${id}`,
    organisation_id: 'o1',
    name: 'Knit and Natter',
    description: 'A knitting group',
    category: 'knitting_crafts',
    status: 'active',
    source: 'linkdesk',
    created_at: 'now',
    created_by: 'u1',
    updated_at: 'now',
    updated_by: 'u1',
    ...values,
  };
  const names = Object.keys(row);
  raw.prepare(`INSERT INTO directory_services (${names.join(', ')}) VALUES (${names.map((n) => `@${n}`).join(', ')})`).run(row);
}

describe('migration 0004 directory', () => {
  it('takes schema 3 to schema 4, adding the directory tables and keeping the casework rows', () => {
    expect(MIGRATIONS[3]).toBe(migration0004Directory);
    expect(migration0004Directory.version).toBe(4);
    const raw = atSchema4();
    expect(schemaVersion(raw)).toBe(4);
    expect(tableNames(raw)).toEqual(expect.arrayContaining([...DIRECTORY_TABLES, 'directory_fts']));
    for (const table of DIRECTORY_TABLES) expect(isStrict(raw, table), `${table} is STRICT`).toBe(true);
    expect(raw.prepare('SELECT given_name FROM people').all()).toEqual([{ given_name: 'Given' }]);
    expect(columns(raw, 'directory_services').map((c) => c.name)).toEqual([
      'seq',
      'id',
      'oruk_id',
      'organisation_id',
      'name',
      'description',
      'category',
      'status',
      'min_age',
      'max_age',
      'eligibility',
      'cost',
      'cost_description',
      'venue_name',
      'address',
      'town',
      'postcode',
      'postcode_district',
      'area',
      'accessibility',
      'contact_name',
      'phone',
      'email',
      'website',
      'capacity',
      'places_used',
      'waiting_list',
      'last_checked_on',
      'last_checked_by',
      'source',
      'imported_at',
      'created_at',
      'created_by',
      'updated_at',
      'updated_by',
      'row_version',
      ]);
    expect(columns(raw, 'directory_oruk_records').map((c) => `${c.name} ${c.type}${c.notnull ? ' NOT NULL' : ''}`)).toEqual([
      'seq INTEGER',
      'kind TEXT NOT NULL',
      'oruk_id TEXT NOT NULL',
      'record_json TEXT NOT NULL',
    ]);
    expect(schemaObjects(raw, 'trigger', 'directory_services')).toEqual(['directory_fts_after_delete', 'directory_fts_after_insert', 'directory_fts_after_update']);
    expect(schemaObjects(raw, 'trigger', 'directory_organisations')).toEqual(['directory_fts_after_organisation_rename']);
    expect(schemaObjects(raw, 'index', 'directory_services')).toContain('directory_services_by_district');
  });

  it('refuses statuses, costs, ages and check dates that make no sense', () => {
    const raw = atSchema4();
    addOrganisation(raw);
    addService(raw, 's1');
    const bad: [string, Record<string, unknown>][] = [
      ['status', { status: 'open' }],
      ['cost', { cost: 'cheap' }],
      ['negative age', { min_age: -1 }],
      ['ages the wrong way round', { min_age: 40, max_age: 18 }],
      ['negative capacity', { capacity: -5 }],
      ['waiting list flag', { waiting_list: 2 }],
      ['check date', { last_checked_on: '1 May 2026' }],
      ['empty name', { name: '' }],
      ['unknown source', { source: 'web' }],
      ['unknown organisation', { organisation_id: 'nobody' }],
    ];
    for (const [what, values] of bad) expect(() => addService(raw, `bad-${what}`, values), what).toThrow(/CHECK|FOREIGN KEY/);
    expect(() => addService(raw, 's2', { oruk_id: 'oruk-s1' }), 'ORUK ids are unique').toThrow(/UNIQUE/);
    expect(() => raw.prepare(`INSERT INTO directory_schedules (service_id, position, weekday) VALUES ('s1', 0, 'monday')`).run()).toThrow(/CHECK/);
    expect(() => raw.prepare(`INSERT INTO directory_schedules (service_id, position, start_time) VALUES ('s1', 0, '9am')`).run()).toThrow(/CHECK/);
    expect(() => raw.prepare(`INSERT INTO directory_oruk_records (kind, oruk_id, record_json) VALUES ('service', 'x', 'not json')`).run()).toThrow(/CHECK/);
    raw.prepare(`INSERT INTO directory_oruk_records (kind, oruk_id, record_json) VALUES ('service', 'x', '{}')`).run();
    expect(() => raw.prepare(`INSERT INTO directory_oruk_records (kind, oruk_id, record_json) VALUES ('service', 'x', '{}')`).run(), 'one record per table and id').toThrow(/UNIQUE/);
    raw.prepare(`INSERT INTO directory_oruk_records (kind, oruk_id, record_json) VALUES ('location', 'x', '{}')`).run();
  });

  it('keeps the search index in step with entry and organisation names', () => {
    const raw = atSchema4();
    addOrganisation(raw, 'o1', 'Brook Lane Trust');
    addService(raw, 's1', { name: 'Knit and Natter', description: 'Wool provided' });
    const search = (match: string) => (raw.prepare(`SELECT s.id FROM directory_fts JOIN directory_services s ON s.seq = directory_fts.rowid WHERE directory_fts MATCH ? ORDER BY s.id`).all(match) as { id: string }[]).map((r) => r.id);
    expect(search('"knit"*')).toEqual(['s1']);
    expect(search('"wool"')).toEqual(['s1']);
    expect(search('"brook"')).toEqual(['s1']);
    raw.prepare(`UPDATE directory_organisations SET name = 'Riverside Crafts' WHERE id = 'o1'`).run();
    expect(search('"brook"')).toEqual([]);
    expect(search('"riverside"')).toEqual(['s1']);
    raw.prepare(`UPDATE directory_services SET name = 'Crochet Club' WHERE id = 's1'`).run();
    expect(search('"knit"*')).toEqual([]);
    expect(search('"crochet"')).toEqual(['s1']);
    raw.prepare(`DELETE FROM directory_services WHERE id = 's1'`).run();
    expect(search('"crochet"')).toEqual([]);
    raw.exec(`INSERT INTO directory_fts (directory_fts) VALUES ('integrity-check')`);
  });
});
