import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../src/main/store/migrate';
import { MIGRATIONS } from '../../../src/main/store/migrations';
import { migration0008Supervision } from '../../../src/main/store/migrations/0008-supervision';
import type { RawDatabase } from '../../../src/main/store/open-database';
import { freshDatabase, isStrict, schemaObjects, tableNames } from '../../support/database';

const TABLES = [
  'person_flags',
  'supervision_action_completions',
  'supervision_actions',
  'supervision_addenda',
  'supervision_agenda_items',
  'supervision_pairs',
  'supervision_sessions',
  'supervision_wellbeing',
];
const SIGNED = 'A signed supervision session cannot be changed; add an addendum instead';

/** A database at schema 7 with a link worker, a GP supervisor, a person and an episode, then migrated to 8. */
function atSchema8(): RawDatabase {
  const { raw } = freshDatabase();
  expect(migrate(raw, MIGRATIONS, 7)).toBe(7);
  raw.exec(`
    INSERT INTO users (id, username, display_name, role, created_at) VALUES ('lw', 'lw', 'Link Worker', 'link_worker', '2026-03-02');
    INSERT INTO users (id, username, display_name, role, created_at) VALUES ('gp', 'gp', 'GP Supervisor', 'gp_supervisor', '2026-03-02');
    INSERT INTO users (id, username, display_name, role, created_at) VALUES ('ad', 'ad', 'Admin', 'admin', '2026-03-02');
    INSERT INTO people (id, given_name, family_name, created_at, created_by, updated_at) VALUES ('p1', 'Given', 'Family', 'now', 'lw', 'now');
    INSERT INTO episodes (id, person_id, worker_user_id, source, received_on, urgency, status, first_contact_due_on, created_at, created_by, updated_at)
      VALUES ('e1', 'p1', 'lw', 'gp_practice', '2026-03-02', 'routine', 'received', '2026-03-09', 'now', 'lw', 'now');
  `);
  expect(migrate(raw, MIGRATIONS, 8)).toBe(8);
  return raw;
}

function insert(raw: RawDatabase, table: string, row: Record<string, unknown>): void {
  const names = Object.keys(row);
  raw.prepare(`INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map((n) => `@${n}`).join(', ')})`).run(row);
}

/** A pair, an open session s1 with one agenda item, one action and a wellbeing check-in. */
function withOpenSession(): RawDatabase {
  const raw = atSchema8();
  insert(raw, 'supervision_pairs', { id: 'pair1', supervisor_user_id: 'gp', worker_user_id: 'lw', assigned_at: 'now', assigned_by: 'ad' });
  insert(raw, 'supervision_sessions', { id: 's1', pair_id: 'pair1', held_on: '2026-03-09', period_from: '2026-03-03', created_at: 'now', created_by: 'lw', updated_at: 'now', updated_by: 'lw' });
  insert(raw, 'supervision_agenda_items', { id: 'i1', session_id: 's1', episode_id: 'e1', person_id: 'p1', reasons_json: '["risk"]', created_at: 'now', updated_at: 'now', updated_by: 'lw' });
  insert(raw, 'supervision_actions', { id: 'a1', session_id: 's1', agenda_item_id: 'i1', text: 'Ring the GP', owner: 'link_worker', due_on: '2026-03-16', created_at: 'now', created_by: 'gp' });
  insert(raw, 'supervision_wellbeing', { session_id: 's1', feeling: 'okay', workload: 'heavy', updated_at: 'now', updated_by: 'lw' });
  return raw;
}

function sign(raw: RawDatabase, id = 's1'): void {
  raw.prepare(`UPDATE supervision_sessions SET signed_at = 'now', signed_by = 'gp', numbers_json = '{"contacts":3}' WHERE id = ?`).run(id);
}

describe('migration 0008 supervision', () => {
  it('takes schema 7 to schema 8, adding the supervision and person flag tables and keeping the casework rows', () => {
    expect(MIGRATIONS[7]).toBe(migration0008Supervision);
    expect(migration0008Supervision.version).toBe(8);
    const raw = atSchema8();
    expect(schemaVersion(raw)).toBe(8);
    expect(tableNames(raw)).toEqual(expect.arrayContaining(TABLES));
    for (const table of TABLES) expect(isStrict(raw, table), `${table} is STRICT`).toBe(true);
    expect(raw.prepare('SELECT id FROM episodes').all()).toEqual([{ id: 'e1' }]);
    expect(schemaObjects(raw, 'index', 'supervision_sessions')).toContain('supervision_sessions_one_open_per_pair');
    expect(schemaObjects(raw, 'trigger', 'supervision_agenda_items')).toEqual([
      'supervision_agenda_items_same_session',
      'supervision_agenda_items_signed_delete',
      'supervision_agenda_items_signed_insert',
      'supervision_agenda_items_signed_update',
    ]);
  });

  it('keeps one current pair per two people, never pairs someone with themselves, and keeps ended pairs as they were', () => {
    const raw = atSchema8();
    insert(raw, 'supervision_pairs', { id: 'pair1', supervisor_user_id: 'gp', worker_user_id: 'lw', assigned_at: 'now', assigned_by: 'ad' });
    expect(() => insert(raw, 'supervision_pairs', { id: 'pair2', supervisor_user_id: 'gp', worker_user_id: 'lw', assigned_at: 'now', assigned_by: 'ad' })).toThrow(/UNIQUE/);
    expect(() => insert(raw, 'supervision_pairs', { id: 'pair3', supervisor_user_id: 'lw', worker_user_id: 'lw', assigned_at: 'now', assigned_by: 'ad' })).toThrow(/CHECK/);
    expect(() => raw.exec(`UPDATE supervision_pairs SET worker_user_id = 'ad'`)).toThrow('A supervision pair cannot change its people');
    raw.exec(`UPDATE supervision_pairs SET ended_at = 'later', ended_by = 'ad' WHERE id = 'pair1'`);
    insert(raw, 'supervision_pairs', { id: 'pair2', supervisor_user_id: 'gp', worker_user_id: 'lw', assigned_at: 'now', assigned_by: 'ad' });
    expect(() => raw.exec(`UPDATE supervision_pairs SET ended_at = 'again' WHERE id = 'pair1'`)).toThrow('An ended supervision pair cannot be changed');
    expect(() => raw.exec(`DELETE FROM supervision_pairs WHERE id = 'pair2'`)).toThrow('A supervision pair cannot be deleted');
  });

  it('allows one open session per pair, checks dates, and needs the numbers frozen to sign', () => {
    const raw = withOpenSession();
    const session = (id: string, values: Record<string, unknown> = {}) =>
      insert(raw, 'supervision_sessions', { id, pair_id: 'pair1', held_on: '2026-03-16', period_from: '2026-03-10', created_at: 'now', created_by: 'lw', updated_at: 'now', updated_by: 'lw', ...values });
    expect(() => session('s2'), 'a second open session').toThrow(/UNIQUE/);
    expect(() => raw.exec(`UPDATE supervision_sessions SET signed_at = 'now', signed_by = 'gp' WHERE id = 's1'`), 'signed without numbers').toThrow(/CHECK/);
    sign(raw);
    expect(() => session('s3', { held_on: '16 March' })).toThrow(/CHECK/);
    expect(() => session('s4', { period_from: '2026-03-17' }), 'period after the session').toThrow(/CHECK/);
    expect(() => session('s5', { attendees_json: '"Dr Patel"' })).toThrow(/CHECK/);
    session('s2');
    expect(raw.prepare(`SELECT COUNT(*) AS n FROM supervision_sessions`).get()).toEqual({ n: 2 });
  });

  it('makes a signed session and everything recorded in it read-only, whatever writes to the database', () => {
    const raw = withOpenSession();
    // While open, everything can change.
    raw.exec(`UPDATE supervision_agenda_items SET discussion = 'Talked it through' WHERE id = 'i1'`);
    raw.exec(`UPDATE supervision_wellbeing SET workload = 'manageable'`);
    sign(raw);
    const refusals: [string, string][] = [
      ['session date', `UPDATE supervision_sessions SET held_on = '2026-03-10' WHERE id = 's1'`],
      ['session deleted', `DELETE FROM supervision_sessions WHERE id = 's1'`],
      ['discussion', `UPDATE supervision_agenda_items SET discussion = 'Rewritten' WHERE id = 'i1'`],
      ['decision', `UPDATE supervision_agenda_items SET decision = 'Something else' WHERE id = 'i1'`],
      ['agenda item removed', `DELETE FROM supervision_agenda_items WHERE id = 'i1'`],
      ['action changed', `UPDATE supervision_actions SET due_on = '2026-04-01' WHERE id = 'a1'`],
      ['action removed', `DELETE FROM supervision_actions WHERE id = 'a1'`],
      ['wellbeing', `UPDATE supervision_wellbeing SET feeling = 'good'`],
      ['wellbeing removed', `DELETE FROM supervision_wellbeing`],
    ];
    for (const [what, statement] of refusals) expect(() => raw.exec(statement), what).toThrow(/cannot be (changed|deleted)/);
    expect(() => insert(raw, 'supervision_actions', { id: 'a2', session_id: 's1', text: 'Late action', owner: 'supervisor', due_on: '2026-03-20', created_at: 'now', created_by: 'gp' })).toThrow(SIGNED);
    expect(() => insert(raw, 'supervision_agenda_items', { id: 'i2', session_id: 's1', episode_id: 'e1', person_id: 'p1', added_by: 'lw', created_at: 'now', updated_at: 'now', updated_by: 'lw' })).toThrow(SIGNED);
    expect(raw.prepare(`SELECT discussion FROM supervision_agenda_items WHERE id = 'i1'`).get()).toEqual({ discussion: 'Talked it through' });
  });

  it('takes addenda only after sign-off, and keeps them as written', () => {
    const raw = withOpenSession();
    const addendum = (id: string) => insert(raw, 'supervision_addenda', { id, session_id: 's1', text: 'Spoke to the safeguarding lead', added_at: 'now', added_by: 'gp' });
    expect(() => addendum('x1')).toThrow('Addenda are for signed sessions');
    sign(raw);
    addendum('x1');
    expect(() => insert(raw, 'supervision_addenda', { id: 'x2', session_id: 's1', text: '  ', added_at: 'now', added_by: 'gp' })).toThrow(/CHECK/);
    expect(() => raw.exec(`UPDATE supervision_addenda SET text = 'Changed'`)).toThrow('An addendum cannot be changed');
    expect(() => raw.exec(`DELETE FROM supervision_addenda`)).toThrow('An addendum cannot be deleted');
  });

  it('lets an action of a signed session be ticked off later, undone only in the open session it was ticked in', () => {
    const raw = withOpenSession();
    sign(raw);
    insert(raw, 'supervision_sessions', { id: 's2', pair_id: 'pair1', held_on: '2026-03-16', period_from: '2026-03-10', created_at: 'now', created_by: 'lw', updated_at: 'now', updated_by: 'lw' });
    const complete = (session: string | null) => insert(raw, 'supervision_action_completions', { action_id: 'a1', done_on: '2026-03-12', session_id: session, recorded_at: 'now', recorded_by: 'lw' });
    expect(() => complete('s1'), 'ticked in a signed session').toThrow(SIGNED);
    complete('s2');
    expect(() => raw.exec(`UPDATE supervision_action_completions SET done_on = '2026-03-13'`)).toThrow('A completed action cannot be changed');
    raw.exec(`DELETE FROM supervision_action_completions`);
    complete(null);
    expect(() => raw.exec(`DELETE FROM supervision_action_completions`), 'ticked off between sessions').toThrow('only be undone in the open session');
    sign(raw, 's2');
    expect(raw.prepare(`SELECT action_id, session_id FROM supervision_action_completions`).all()).toEqual([{ action_id: 'a1', session_id: null }]);
  });

  it('keeps a safeguarding concern with what was done, and an agenda item with its reason', () => {
    const raw = withOpenSession();
    expect(() => raw.exec(`UPDATE supervision_agenda_items SET safeguarding_raised = 1 WHERE id = 'i1'`), 'raised without an action').toThrow(/CHECK/);
    expect(() => raw.exec(`UPDATE supervision_agenda_items SET safeguarding_action = 'Told the lead' WHERE id = 'i1'`), 'an action without a concern').toThrow(/CHECK/);
    raw.exec(`UPDATE supervision_agenda_items SET safeguarding_raised = 1, safeguarding_action = 'Told the lead' WHERE id = 'i1'`);
    expect(() => raw.exec(`UPDATE supervision_agenda_items SET reasons_json = '[]' WHERE id = 'i1'`), 'no reason and not added').toThrow(/CHECK/);
    expect(() => raw.exec(`UPDATE supervision_agenda_items SET session_id = 's9' WHERE id = 'i1'`)).toThrow('cannot move to another session');
    expect(() => insert(raw, 'supervision_actions', { id: 'a9', session_id: 's1', text: ' ', owner: 'link_worker', due_on: '2026-03-16', created_at: 'now', created_by: 'gp' })).toThrow(/CHECK/);
    expect(() => insert(raw, 'supervision_actions', { id: 'a9', session_id: 's1', text: 'Do it', owner: 'admin', due_on: '2026-03-16', created_at: 'now', created_by: 'gp' })).toThrow(/CHECK/);
  });

  it('keeps person flags with their reasons: one current flag of each kind, cleared with a reason, never edited or deleted', () => {
    const raw = atSchema8();
    const flag = (id: string, values: Record<string, unknown> = {}) =>
      insert(raw, 'person_flags', { id, person_id: 'p1', kind: 'risk', reason: 'Said they feel unsafe at home', raised_at: 'now', raised_by: 'lw', ...values });
    flag('f1');
    expect(() => flag('f2'), 'a second current risk flag').toThrow(/UNIQUE/);
    flag('f3', { kind: 'safeguarding' });
    expect(() => flag('f4', { kind: 'worry' })).toThrow(/CHECK/);
    expect(() => flag('f5', { kind: 'safeguarding', reason: '' })).toThrow(/CHECK/);
    expect(() => raw.exec(`UPDATE person_flags SET reason = 'Changed' WHERE id = 'f1'`)).toThrow('A flag keeps the reason it was raised with');
    expect(() => raw.exec(`UPDATE person_flags SET cleared_at = 'later', cleared_by = 'lw' WHERE id = 'f1'`), 'cleared without a reason').toThrow(/CHECK/);
    raw.exec(`UPDATE person_flags SET cleared_at = 'later', cleared_by = 'lw', clear_reason = 'Moved to a safe address' WHERE id = 'f1'`);
    expect(() => raw.exec(`UPDATE person_flags SET clear_reason = 'Other' WHERE id = 'f1'`)).toThrow('A cleared flag cannot be changed');
    expect(() => raw.exec(`DELETE FROM person_flags WHERE id = 'f3'`)).toThrow('A flag cannot be deleted');
    flag('f2');
    expect(raw.prepare(`SELECT id FROM person_flags WHERE cleared_at IS NULL ORDER BY id`).all()).toEqual([{ id: 'f2' }, { id: 'f3' }]);
  });
});
