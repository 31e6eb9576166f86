import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planErasure } from '../../../src/main/services/records/erasure-plan';
import { workspaceFiles } from '../../../src/main/store/workspace-files';
import type { ErasureResult, RetentionReviewRow } from '../../../src/shared/ipc/records-schemas';
import { auditOf, casework } from '../../support/casework';
import { findInFiles, ok, refused } from '../../support/workspace';
import { dataKeyOf, decryptedBytes, dumpEverything, fullRecord, occurrences, twoClosedRecords as closedPair } from './support';

const VICTIM = { given: 'Quorravel', family: 'Zindleworth', seed: 424_242 };
const BYSTANDER = { given: 'Bellamina', family: 'Keepworthy', seed: 515_151 };

const twoClosedRecords = () => closedPair(VICTIM, BYSTANDER);

describe('erasure', () => {
  it('finds every table that holds a person’s rows from the schema, children before the tables they point at', async () => {
    const { admin } = await twoClosedRecords();
    const order = planErasure(admin.requireUnlocked().raw).map((step) => step.table);
    for (const table of ['people', 'episodes', 'episode_reasons', 'episode_status_history', 'contacts', 'person_notes', 'coding_queue', 'what_matters_conversations', 'care_plans', 'care_plan_versions', 'care_plan_reviews', 'care_plan_review_goals', 'connections', 'connection_status_history']) {
      expect(order, table).toContain(table);
    }
    for (const kept of ['audit_log', 'users', 'settings', 'workspace', 'directory_services', 'backup_runs']) expect(order).not.toContain(kept);
    const before = (child: string, parent: string) => expect(order.indexOf(child), `${child} before ${parent}`).toBeLessThan(order.indexOf(parent));
    before('care_plan_review_goals', 'care_plan_reviews');
    before('care_plan_reviews', 'care_plan_versions');
    before('care_plan_versions', 'care_plans');
    before('connection_status_history', 'connections');
    before('episode_status_history', 'contacts');
    before('contacts', 'episodes');
    before('episodes', 'people');
  });

  it('removes the person everywhere, keeps everyone else, and leaves one audit entry that holds no name', async () => {
    const { admin, as, victim, bystander, folder } = await twoClosedRecords();
    const review = await ok<{ rows: RetentionReviewRow[]; total: number }>(admin, 'retention.review', { page: 0, pageSize: 50 });
    expect(review.rows.map((row) => row.personId).sort()).toEqual([victim.personId, bystander.personId].sort());

    const result = await ok<ErasureResult>(admin, 'retention.erase', { personId: victim.personId, confirmName: '  quorravel   ZINDLEWORTH ', reason: 'retention_period_ended' });
    expect(result.rowsRemoved).toBeGreaterThanOrEqual(15);
    expect(result.tables.map((t) => t.table)).toEqual(expect.arrayContaining(['people', 'episodes', 'contacts', 'care_plan_reviews', 'connection_status_history', 'coding_queue']));
    // The WAL was checkpointed and truncated: no frame written before the erasure survives.
    expect(statSync(`${workspaceFiles(folder).database}-wal`).size).toBe(0);

    const raw = admin.requireUnlocked().raw;
    expect(raw.pragma('secure_delete', { simple: true })).toBe(1);
    for (const fts of ['people_fts', 'contact_notes_fts', 'person_notes_fts', 'episode_notes_fts', 'directory_fts']) {
      expect(() => raw.prepare(`INSERT INTO ${fts} (${fts}) VALUES ('integrity-check')`).run(), fts).not.toThrow();
    }
    // The triggers lifted for the erasure are back: an agreed plan version still cannot be deleted.
    expect(() => raw.prepare(`DELETE FROM care_plan_versions WHERE status = 'agreed'`).run()).toThrow(/cannot be deleted/);
    expect(raw.pragma('foreign_key_check')).toEqual([]);

    const erased = auditOf(admin, 'person.erased');
    expect(erased).toHaveLength(1);
    expect(erased[0]).toMatchObject({ entity_type: 'person', entity_id: victim.personId });
    expect(JSON.parse(erased[0]!.details_json)).toEqual({ reason: 'retention_period_ended', rowsRemoved: result.rowsRemoved, tables: result.tables.length, episodes: 1 });
    expect(occurrences(JSON.stringify(auditOf(admin)), [VICTIM.given, VICTIM.family, victim.nhs])).toEqual([]);
    expect(await ok(admin, 'audit.verify')).toMatchObject({ ok: true });
    expect((await ok<{ total: number }>(admin, 'retention.review', { page: 0, pageSize: 50 })).total).toBe(1);

    const worker = await as('worker');
    expect((await refused(worker, 'people.get', { personId: victim.personId })).code).toBe('not_found');
    const kept = await ok<{ person: { givenName: string } }>(worker, 'people.get', { personId: bystander.personId });
    expect(kept.person.givenName).toBe(BYSTANDER.given);
    const found = await ok<{ personId: string }[]>(worker, 'people.search', { query: 'Keepworthy' });
    expect(found.map((row) => row.personId)).toEqual([bystander.personId]);
    expect(await ok(worker, 'people.search', { query: 'Zindleworth' })).toEqual([]);
    expect(await ok(worker, 'people.search', { query: 'prefers mornings' })).toHaveLength(1);
  });

  it('proves the erased name and NHS number are nowhere in the database files: not in any table, FTS index or decrypted page', async () => {
    const { admin, victim, folder } = await twoClosedRecords();
    const key = dataKeyOf(admin);
    await ok(admin, 'retention.erase', { personId: victim.personId, confirmName: 'Quorravel Zindleworth', reason: 'erasure_request' });
    const { database } = workspaceFiles(folder);
    const needles = [VICTIM.given, VICTIM.family, victim.nhs];
    // While still open: the database and its WAL, decrypted together.
    expect(occurrences(decryptedBytes(database, key), needles)).toEqual([]);
    await admin.close();

    expect(occurrences(dumpEverything(database, key), needles)).toEqual([]);
    // Ids are not personal data, but nothing else should still point at the person either.
    expect(occurrences(dumpEverything(database, key, { except: ['audit_log'] }), [victim.personId, victim.episodeId])).toEqual([]);
    expect(occurrences(decryptedBytes(database, key), needles)).toEqual([]);
    expect(findInFiles(folder, needles)).toEqual([]);
    // The bystander is still there, in the same scans: the scans can see what is present.
    expect(occurrences(dumpEverything(database, key), [BYSTANDER.family])).not.toEqual([]);
  });

  it('control: without erasure the same scans do find the name and NHS number (in tables, FTS terms and decrypted pages), and the raw files still hide them', async () => {
    const { admin, victim, folder } = await twoClosedRecords();
    const key = dataKeyOf(admin);
    await admin.close();
    const { database } = workspaceFiles(folder);
    const needles = [VICTIM.given, VICTIM.family, victim.nhs];
    expect(occurrences(dumpEverything(database, key), needles)).toEqual(expect.arrayContaining([`${VICTIM.given} (utf8)`, `${VICTIM.family} (utf8)`, `${victim.nhs} (utf8)`]));
    expect(dumpEverything(database, key).split('\n')).toContain(VICTIM.family.toLowerCase());
    expect(occurrences(decryptedBytes(database, key), needles)).toEqual(expect.arrayContaining([`${VICTIM.family} (utf8)`, `${victim.nhs} (utf8)`]));
    expect(findInFiles(folder, needles)).toEqual([]);
  });

  it('covers tables added by other areas without being told about them, lifting and restoring their delete guards', async () => {
    const { admin, victim, bystander } = await twoClosedRecords();
    const raw = admin.requireUnlocked().raw;
    raw.exec(`
      CREATE TABLE later_measures (id TEXT PRIMARY KEY, episode_id TEXT NOT NULL REFERENCES episodes(id), score INTEGER) STRICT;
      CREATE TABLE later_measure_items (measure_id TEXT NOT NULL REFERENCES later_measures(id), answer TEXT) STRICT;
      CREATE TABLE later_mentions (id INTEGER PRIMARY KEY, person_id TEXT, remark TEXT) STRICT;
      CREATE TABLE later_episode_flags (id INTEGER PRIMARY KEY, episode_id TEXT, flag TEXT) STRICT;
      CREATE TRIGGER later_measure_items_kept BEFORE DELETE ON later_measure_items BEGIN SELECT RAISE(ABORT, 'Measure items are kept'); END;
    `);
    for (const [n, who] of [[1, victim], [2, bystander]] as const) {
      raw.prepare('INSERT INTO later_measures VALUES (?, ?, ?)').run(`m${n}`, who.episodeId, 30 + n);
      raw.prepare('INSERT INTO later_measure_items VALUES (?, ?)').run(`m${n}`, `answer ${n}`);
      raw.prepare('INSERT INTO later_mentions (person_id, remark) VALUES (?, ?)').run(who.personId, `remark ${n}`);
      raw.prepare('INSERT INTO later_episode_flags (episode_id, flag) VALUES (?, ?)').run(who.episodeId, `flag ${n}`);
    }
    const result = await ok<ErasureResult>(admin, 'retention.erase', { personId: victim.personId, confirmName: 'Quorravel Zindleworth', reason: 'recorded_in_error' });
    expect(result.tables).toEqual(expect.arrayContaining([
      { table: 'later_measures', rows: 1 },
      { table: 'later_measure_items', rows: 1 },
      { table: 'later_mentions', rows: 1 },
      { table: 'later_episode_flags', rows: 1 },
    ]));
    expect(raw.prepare('SELECT answer FROM later_measure_items').all()).toEqual([{ answer: 'answer 2' }]);
    expect(raw.prepare('SELECT remark FROM later_mentions').all()).toEqual([{ remark: 'remark 2' }]);
    expect(raw.prepare('SELECT flag FROM later_episode_flags').all()).toEqual([{ flag: 'flag 2' }]);
    expect(() => raw.prepare('DELETE FROM later_measure_items').run()).toThrow(/Measure items are kept/);
  });

  it('retries a rewrite that failed after an erasure when the review page is next opened', async () => {
    const { admin, folder } = await twoClosedRecords();
    const raw = admin.requireUnlocked().raw;
    // As an erasure leaves it when VACUUM fails (a full disk): the flag set, the WAL not yet emptied.
    raw.prepare(`INSERT INTO settings (key, value_json) VALUES ('erasureCompactionPending', 'true')`).run();
    expect(statSync(`${workspaceFiles(folder).database}-wal`).size).toBeGreaterThan(0);
    await ok(admin, 'retention.review', { page: 0, pageSize: 10 });
    expect(raw.prepare(`SELECT value_json FROM settings WHERE key = 'erasureCompactionPending'`).get()).toEqual({ value_json: 'false' });
    // The listing's own audit entry comes after the rewrite: the WAL holds only that.
    expect(auditOf(admin).at(-1)!.action).toBe('retention.reviewed');
  });

  it('refuses a wrong typed name, a retention reason before retention has ended, and anyone but an admin', async () => {
    const work = await casework();
    const victim = await fullRecord(work.worker, work.clock, VICTIM);
    const admin = await work.as('admin');
    expect(await refused(admin, 'retention.erase', { personId: victim.personId, confirmName: 'Quorravel Zindle', reason: 'erasure_request' })).toMatchObject({
      code: 'invalid_input',
      fields: { confirmName: 'This is not the name of the person being erased. Type it as shown' },
    });
    expect((await refused(admin, 'retention.erase', { personId: victim.personId, confirmName: 'Quorravel Zindleworth', reason: 'retention_period_ended' })).fields).toHaveProperty('reason');
    expect((await refused(admin, 'retention.erase', { personId: victim.personId, confirmName: 'Quorravel Zindleworth', reason: 'tidy_up' })).fields).toHaveProperty('reason');
    expect((await refused(work.worker, 'retention.erase', { personId: victim.personId, confirmName: 'Quorravel Zindleworth', reason: 'erasure_request' })).code).toBe('forbidden');
    expect((await refused(admin, 'retention.erase', { personId: '00000000-0000-4000-8000-000000000000', confirmName: 'x', reason: 'erasure_request' })).code).toBe('not_found');
    // Nothing was removed by any of those.
    expect((await ok<{ person: { familyName: string } }>(work.worker, 'people.get', { personId: victim.personId })).person.familyName).toBe(VICTIM.family);
  });
});
