import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../src/main/store/migrate';
import { MIGRATIONS } from '../../../src/main/store/migrations';
import { migration0005Plans } from '../../../src/main/store/migrations/0005-plans';
import type { RawDatabase } from '../../../src/main/store/open-database';
import { columns, freshDatabase, isStrict, schemaObjects, tableNames } from '../../support/database';

const PLAN_TABLES = ['care_plan_review_goals', 'care_plan_reviews', 'care_plan_versions', 'care_plans', 'what_matters_conversations'];

/** A database at schema 4 with a user, a person and an episode (casework that must survive), then migrated to 5. */
function atSchema5(): RawDatabase {
  const { raw } = freshDatabase();
  expect(migrate(raw, MIGRATIONS, 4)).toBe(4);
  raw.exec(`
    INSERT INTO users (id, username, display_name, role, created_at) VALUES ('u1', 'lw', 'Link Worker', 'link_worker', '2026-03-02');
    INSERT INTO people (id, given_name, family_name, created_at, created_by, updated_at) VALUES ('p1', 'Given', 'Family', 'now', 'u1', 'now');
    INSERT INTO episodes (id, person_id, worker_user_id, source, received_on, urgency, status, first_contact_due_on, created_at, created_by, updated_at)
      VALUES ('e1', 'p1', 'u1', 'gp_practice', '2026-03-02', 'routine', 'received', '2026-03-09', 'now', 'u1', 'now');
  `);
  expect(migrate(raw, MIGRATIONS, 5)).toBe(5);
  return raw;
}

function addPlan(raw: RawDatabase): void {
  raw.exec(`INSERT INTO care_plans (id, episode_id, person_id, created_at, created_by) VALUES ('plan1', 'e1', 'p1', 'now', 'u1')`);
}

function addVersion(raw: RawDatabase, id: string, values: Record<string, unknown> = {}): void {
  const row: Record<string, unknown> = { id, plan_id: 'plan1', version: 1, status: 'draft', created_at: 'now', created_by: 'u1', updated_at: 'now', updated_by: 'u1', ...values };
  const names = Object.keys(row);
  raw.prepare(`INSERT INTO care_plan_versions (${names.join(', ')}) VALUES (${names.map((n) => `@${n}`).join(', ')})`).run(row);
}

const AGREED = { status: 'agreed', goals_json: '[{"id":"g1","text":"A goal"}]', agreement_method: 'verbal', agreed_on: '2026-03-02', agreed_at: 'now', agreed_by: 'u1' };

describe('migration 0005 plans', () => {
  it('takes schema 4 to schema 5, adding the conversation and plan tables and keeping the casework rows', () => {
    expect(MIGRATIONS[4]).toBe(migration0005Plans);
    expect(migration0005Plans.version).toBe(5);
    const raw = atSchema5();
    expect(schemaVersion(raw)).toBe(5);
    expect(tableNames(raw)).toEqual(expect.arrayContaining(PLAN_TABLES));
    for (const table of PLAN_TABLES) expect(isStrict(raw, table), `${table} is STRICT`).toBe(true);
    expect(raw.prepare('SELECT id FROM episodes').all()).toEqual([{ id: 'e1' }]);
    expect(columns(raw, 'what_matters_conversations').map((c) => c.name)).toEqual([
      'seq', 'id', 'episode_id', 'person_id', 'held_on', 'own_words', 'strengths', 'barriers', 'priorities', 'recorded_by', 'recorded_at',
    ]);
    expect(schemaObjects(raw, 'trigger', 'care_plan_versions')).toEqual(['care_plan_versions_agreed_kept', 'care_plan_versions_agreed_read_only']);
    expect(schemaObjects(raw, 'index', 'care_plan_versions')).toContain('care_plan_versions_one_draft');
  });

  it('keeps conversations verbatim and refuses empty words and bad dates', () => {
    const raw = atSchema5();
    const insert = raw.prepare(`INSERT INTO what_matters_conversations (id, episode_id, person_id, held_on, own_words, recorded_by, recorded_at) VALUES (?, 'e1', 'p1', ?, ?, 'u1', 'now')`);
    insert.run('c1', '2026-03-02', '  "As said"  ');
    expect(raw.prepare('SELECT own_words FROM what_matters_conversations').get()).toEqual({ own_words: '  "As said"  ' });
    expect(() => insert.run('c2', '2026-03-02', '   ')).toThrow(/CHECK/);
    expect(() => insert.run('c3', '2 March', 'Words')).toThrow(/CHECK/);
  });

  it('allows one plan per episode and one draft per plan, refuses an agreed version without goals or agreement, and freezes agreed versions', () => {
    const raw = atSchema5();
    addPlan(raw);
    expect(() => raw.exec(`INSERT INTO care_plans (id, episode_id, person_id, created_at, created_by) VALUES ('plan2', 'e1', 'p1', 'now', 'u1')`)).toThrow(/UNIQUE/);
    addVersion(raw, 'v1');
    expect(() => addVersion(raw, 'v2', { version: 2 }), 'one draft per plan').toThrow(/UNIQUE/);
    expect(() => addVersion(raw, 'v3', { version: 1, ...AGREED }), 'version numbers are unique').toThrow(/UNIQUE/);
    const bad: [string, Record<string, unknown>][] = [
      ['agreed with no goals', { ...AGREED, goals_json: '[]' }],
      ['agreed with no method', { ...AGREED, agreement_method: null }],
      ['draft with an agreement', { status: 'draft' }],
      ['unknown method', { ...AGREED, agreement_method: 'wink' }],
      ['unknown status', { status: 'final' }],
      ['goals not JSON', { goals_json: 'goals' }],
      ['steps not an array', { steps_json: '{}' }],
      ['review date', { review_on: 'April' }],
      ['version 0', { version: 0 }],
    ];
    for (const [what, values] of bad) expect(() => addVersion(raw, `bad-${what}`, { version: 9, ...AGREED, ...values }), what).toThrow(/CHECK/);
    raw.exec(`UPDATE care_plan_versions SET status = 'agreed', goals_json = '[{"id":"g1","text":"A goal"}]', agreement_method = 'signed', agreed_on = '2026-03-02', agreed_at = 'now', agreed_by = 'u1' WHERE id = 'v1'`);
    expect(() => raw.exec(`UPDATE care_plan_versions SET staff_notes = 'x' WHERE id = 'v1'`)).toThrow('An agreed plan version cannot be changed');
    expect(() => raw.exec(`DELETE FROM care_plan_versions WHERE id = 'v1'`)).toThrow('An agreed plan version cannot be deleted');
    addVersion(raw, 'v2', { version: 2 });
  });

  it('keeps reviews as recorded', () => {
    const raw = atSchema5();
    addPlan(raw);
    addVersion(raw, 'v1', AGREED);
    raw.exec(`INSERT INTO care_plan_reviews (id, version_id, reviewed_on, recorded_by, recorded_at) VALUES ('r1', 'v1', '2026-04-01', 'u1', 'now')`);
    raw.exec(`INSERT INTO care_plan_review_goals (review_id, goal_id, progress, note) VALUES ('r1', 'g1', 'started', NULL)`);
    expect(() => raw.exec(`INSERT INTO care_plan_review_goals (review_id, goal_id, progress) VALUES ('r1', 'g2', 'nearly')`)).toThrow(/CHECK/);
    expect(() => raw.exec(`UPDATE care_plan_review_goals SET progress = 'achieved'`)).toThrow('A plan review cannot be changed');
    expect(() => raw.exec(`DELETE FROM care_plan_reviews`)).toThrow('A plan review cannot be deleted');
  });
});
