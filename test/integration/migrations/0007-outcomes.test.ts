import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../src/main/store/migrate';
import { MIGRATIONS } from '../../../src/main/store/migrations';
import { migration0007Outcomes } from '../../../src/main/store/migrations/0007-outcomes';
import type { RawDatabase } from '../../../src/main/store/open-database';
import { columns, freshDatabase, isStrict, schemaObjects, tableNames } from '../../support/database';

const TABLES = ['episode_closures', 'outcome_follow_ups', 'outcome_measures', 'system_use'];

/** A database at schema 6 with a user, a person and an episode, then migrated to 7. */
function atSchema7(): RawDatabase {
  const { raw } = freshDatabase();
  expect(migrate(raw, MIGRATIONS, 6)).toBe(6);
  raw.exec(`
    INSERT INTO users (id, username, display_name, role, created_at) VALUES ('u1', 'lw', 'Link Worker', 'link_worker', '2026-03-02');
    INSERT INTO people (id, given_name, family_name, created_at, created_by, updated_at) VALUES ('p1', 'Given', 'Family', 'now', 'u1', 'now');
    INSERT INTO episodes (id, person_id, worker_user_id, source, received_on, urgency, status, first_contact_due_on, created_at, created_by, updated_at)
      VALUES ('e1', 'p1', 'u1', 'gp_practice', '2026-03-02', 'routine', 'active', '2026-03-09', 'now', 'u1', 'now');
  `);
  expect(migrate(raw, MIGRATIONS, 7)).toBe(7);
  return raw;
}

function addMeasure(raw: RawDatabase, id: string, values: Record<string, unknown> = {}): void {
  const row: Record<string, unknown> = {
    id,
    episode_id: 'e1',
    person_id: 'p1',
    instrument: 'ons4',
    timepoint: 'review',
    recorded_on: '2026-03-02',
    declined: 0,
    answers_json: '[3,4,5,6]',
    total: null,
    metric: null,
    recorded_at: 'now',
    recorded_by: 'u1',
    ...values,
  };
  const names = Object.keys(row);
  raw.prepare(`INSERT INTO outcome_measures (${names.join(', ')}) VALUES (${names.map((n) => `@${n}`).join(', ')})`).run(row);
}

describe('migration 0007 outcomes', () => {
  it('takes schema 6 to schema 7, adding the outcome tables and keeping earlier rows', () => {
    expect(MIGRATIONS[6]).toBe(migration0007Outcomes);
    const raw = atSchema7();
    expect(schemaVersion(raw)).toBe(7);
    expect(tableNames(raw)).toEqual(expect.arrayContaining(TABLES));
    for (const table of TABLES) expect(isStrict(raw, table), `${table} is STRICT`).toBe(true);
    expect(raw.prepare('SELECT id FROM episodes').all()).toEqual([{ id: 'e1' }]);
    expect(columns(raw, 'outcome_measures').map((c) => c.name)).toEqual([
      'seq', 'id', 'episode_id', 'person_id', 'instrument', 'timepoint', 'recorded_on', 'declined', 'answers_json', 'total', 'metric', 'recorded_at', 'recorded_by',
    ]);
    expect(schemaObjects(raw, 'index', 'outcome_measures')).toContain('outcome_measures_one_baseline_and_end');
    expect(schemaObjects(raw, 'trigger', 'outcome_measures')).toEqual(['outcome_measures_read_only']);
  });

  it('keeps the scores consistent with the measure: ONS4 never summed, SWEMWBS and UCLA-3 in range', () => {
    const raw = atSchema7();
    addMeasure(raw, 'ok-ons4');
    addMeasure(raw, 'ok-swemwbs', { instrument: 'swemwbs', answers_json: '[3,4,2,3,4,3,5]', total: 24, metric: 21.54 });
    addMeasure(raw, 'ok-ucla', { instrument: 'ucla3', answers_json: '[2,3,1]', total: 6 });
    expect(() => addMeasure(raw, 'summed-ons4', { total: 18 })).toThrow(/CHECK constraint failed/);
    expect(() => addMeasure(raw, 'swemwbs-no-metric', { instrument: 'swemwbs', answers_json: '[3,4,2,3,4,3,5]', total: 24 })).toThrow(/CHECK constraint failed/);
    expect(() => addMeasure(raw, 'ucla-too-high', { instrument: 'ucla3', answers_json: '[3,3,3]', total: 10 })).toThrow(/CHECK constraint failed/);
    expect(() => addMeasure(raw, 'unknown', { instrument: 'phq9' })).toThrow(/CHECK constraint failed/);
    expect(() => addMeasure(raw, 'bad-date', { recorded_on: '2 March' })).toThrow(/CHECK constraint failed/);
  });

  it('holds all answers or none: partial answers refused, and declined never stored as zeros', () => {
    const raw = atSchema7();
    expect(() => addMeasure(raw, 'partial', { answers_json: '[3,4,5]' })).toThrow(/CHECK constraint failed/);
    expect(() => addMeasure(raw, 'not-json', { answers_json: 'three' })).toThrow(/CHECK constraint failed/);
    expect(() => addMeasure(raw, 'declined-with-answers', { declined: 1 })).toThrow(/CHECK constraint failed/);
    expect(() => addMeasure(raw, 'answered-without-answers', { answers_json: null })).toThrow(/CHECK constraint failed/);
    addMeasure(raw, 'declined', { declined: 1, answers_json: null });
    expect(raw.prepare(`SELECT answers_json, total FROM outcome_measures WHERE id = 'declined'`).get()).toEqual({ answers_json: null, total: null });
  });

  it('allows one baseline and one end per episode and measure, many follow-ups, and never changes a measure', () => {
    const raw = atSchema7();
    addMeasure(raw, 'b1', { timepoint: 'baseline' });
    expect(() => addMeasure(raw, 'b2', { timepoint: 'baseline' })).toThrow(/UNIQUE constraint failed/);
    addMeasure(raw, 'b-swemwbs', { timepoint: 'baseline', instrument: 'swemwbs', answers_json: '[3,3,3,3,3,3,3]', total: 21, metric: 19.25 });
    addMeasure(raw, 'r1');
    addMeasure(raw, 'r2');
    addMeasure(raw, 'end1', { timepoint: 'end' });
    expect(() => addMeasure(raw, 'end2', { timepoint: 'end', declined: 1, answers_json: null })).toThrow(/UNIQUE constraint failed/);
    expect(() => raw.exec(`UPDATE outcome_measures SET answers_json = '[9,9,9,9]' WHERE id = 'b1'`)).toThrow('An outcome measure cannot be changed');
  });

  it('enters system use a window at a time (both counts or neither) and keeps closing summaries as written', () => {
    const raw = atSchema7();
    raw.exec(`INSERT INTO system_use (episode_id, person_id, gp_before, ae_before, before_entered_at, before_entered_by) VALUES ('e1', 'p1', 4, 1, 'now', 'u1')`);
    expect(() => raw.exec(`UPDATE system_use SET gp_after = 2 WHERE episode_id = 'e1'`)).toThrow(/CHECK constraint failed/);
    expect(() => raw.exec(`UPDATE system_use SET gp_before = -1 WHERE episode_id = 'e1'`)).toThrow(/CHECK constraint failed/);
    raw.exec(`INSERT INTO episode_closures (episode_id, what_mattered, what_was_offered, what_happened, recorded_at, recorded_by) VALUES ('e1', 'a', 'b', 'c', 'now', 'u1')`);
    expect(() => raw.exec(`UPDATE episode_closures SET what_happened = 'd'`)).toThrow('A closure summary cannot be changed');
    raw.exec(`INSERT INTO outcome_follow_ups (episode_id, due_on, set_at, set_by) VALUES ('e1', '2026-04-13', 'now', 'u1')`);
    expect(() => raw.exec(`INSERT INTO outcome_follow_ups (episode_id, due_on, set_at, set_by) VALUES ('e1', '2026-05-13', 'now', 'u1')`)).toThrow(/UNIQUE constraint failed|PRIMARY KEY/);
  });
});
