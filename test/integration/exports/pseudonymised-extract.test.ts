import { createHmac } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { useBuiltWorkers } from '../../../src/main/workers/worker-scripts';
import type { JobProgress } from '../../../src/shared/ipc/exports-schemas';
import type { ExportResult } from '../../../src/shared/domain/exports';
import { casework, createEpisode, createPerson, personWithEpisode, recordContact, type Casework } from '../../support/casework';
import { supervision } from '../supervision/support';
import { ok, refused } from '../../support/workspace';
import { declaration, exportEntries, exportedText, finished, FREE_TEXT, fullRecord, leaks, MARGARET, STAFF_NOTES } from './support';

/**
 * The pseudonymised extract runs as a job in a worker thread that opens the encrypted database
 * itself. These tests run that worker for real (from the TypeScript sources, and once from the
 * built bundle), against real encrypted workspaces.
 */
const CLOSING = { note: 'CLOSING NOTE: may come back in the summer', whatMattered: 'WHAT MATTERED: finding an apprenticeship' };
const YOUNG = { nhsNumber: '4010232137', givenName: 'Tamsin', familyName: 'Yorke', dateOfBirth: '2008-09-01', postcode: 'BD7 1DP' };

function csvRows(text: string): string[][] {
  return text
    .trimEnd()
    .split('\r\n')
    .map((line) => line.split(','));
}

function table(text: string): Record<string, string>[] {
  const [header, ...rows] = csvRows(text);
  return rows.map((row) => Object.fromEntries(header!.map((column, index) => [column, row[index]!])));
}

async function twoPeople(work: Casework) {
  const record = await fullRecord(work);
  const young = await createPerson(work.worker, YOUNG);
  const episode = await createEpisode(work.worker, young.id, { reasons: ['employment', 'low_mood'] });
  await recordContact(work.worker, episode.id, { decision: 'declined', notes: 'YOUNG NOTE: does not want support now' });
  await ok(work.worker, 'systemUse.record', { episodeId: episode.id, period: 'before', gpConsultations: 4, aeAttendances: 1 });
  await ok(work.worker, 'outcomes.closeEpisode', { episodeId: episode.id, closureReason: 'declined', closureNote: CLOSING.note, whatMattered: CLOSING.whatMattered });
  return { record, young: { personId: young.id, episodeId: episode.id } };
}

async function extract(session: Casework['worker']): Promise<ExportResult> {
  const { jobId } = await ok<{ jobId: string }>(session, 'exports.pseudonymisedExtract', { declaration: declaration('pseudonymised_extract') });
  const progress = await finished(session, jobId);
  if (progress.state !== 'done') throw new Error(`the extract ended ${progress.state}: ${JSON.stringify(progress.error)}`);
  return progress.result!;
}

function pseudonymKeyOf(session: Casework['worker']): Buffer {
  const row = session.requireUnlocked().raw.prepare(`SELECT value_json FROM settings WHERE key = 'pseudonymisationKey'`).get() as { value_json: string };
  return Buffer.from(JSON.parse(row.value_json) as string, 'hex');
}

const hmac = (key: Buffer, label: string) => createHmac('sha256', key).update(label).digest('hex').slice(0, 32);

afterEach(() => useBuiltWorkers(null));

describe('pseudonymised record-level extract', () => {
  it('writes one CSV per entity with keyed hashes, age bands and postcode districts, and reports progress up to every row', async () => {
    const work = await casework();
    const { record, young } = await twoPeople(work);
    const admin = await work.as('admin');

    const { jobId } = await ok<{ jobId: string }>(admin, 'exports.pseudonymisedExtract', { declaration: declaration('pseudonymised_extract') });
    const progress = await finished(admin, jobId);
    // 2 referrals, 3 contacts and 3 measures.
    expect(progress).toMatchObject({ state: 'done', done: 8, total: 8, error: null });
    const result = progress.result!;
    expect(result.encrypted).toBe(true);
    expect(result.fileName).toMatch(/^pseudonymised-extract-\d{4}-\d{2}-\d{2}-[0-9a-f]{6}\.zip$/);

    const files = await exportedText(result);
    expect([...files.keys()].sort()).toEqual(['README.txt', 'contacts.csv', 'episodes.csv', 'measures.csv']);
    expect(files.get('README.txt')).toMatch(/^OFFICIAL-SENSITIVE/);

    const key = pseudonymKeyOf(admin);
    const episodes = table(files.get('episodes.csv')!);
    expect(episodes).toEqual([
      expect.objectContaining({
        person_key: hmac(key, `person:${record.personId}`),
        episode_key: hmac(key, `episode:${record.episode.id}`),
        // 74 when referred, 75 at the second contact: each row has the age band of its own date.
        age_band_at_referral: '65-74',
        postcode_district: 'LS6',
        received_on: '2026-03-02',
        source: 'gp_practice',
        reasons: 'loneliness;other',
        status: 'active',
        first_contact_on: '2026-03-02',
        attended_contacts: '2',
        worker_key: hmac(key, `worker:${work.ids.worker}`),
      }),
      expect.objectContaining({
        person_key: hmac(key, `person:${young.personId}`),
        age_band_at_referral: '0-17',
        postcode_district: 'BD7',
        reasons: 'employment;low_mood',
        status: 'closed',
        closure_reason: 'declined',
        gp_consultations_before: '4',
        ae_attendances_before: '1',
        gp_consultations_after: '',
      }),
    ]);
    const contacts = table(files.get('contacts.csv')!);
    expect(contacts.map((row) => [row.person_key, row.episode_key, row.mode, row.duration_minutes, row.decision, row.age_band_at_contact])).toEqual([
      [hmac(key, `person:${record.personId}`), hmac(key, `episode:${record.episode.id}`), 'home_visit', '45', 'accepted', '65-74'],
      [hmac(key, `person:${record.personId}`), hmac(key, `episode:${record.episode.id}`), 'phone', '20', '', '75-84'],
      [hmac(key, `person:${young.personId}`), hmac(key, `episode:${young.episodeId}`), 'phone', '20', 'declined', '0-17'],
    ]);

    const measures = table(files.get('measures.csv')!);
    expect(measures.map((row) => [row.person_key, row.instrument, row.timepoint, row.recorded_on, row.declined, row.answer_1, row.answer_4, row.answer_5, row.age_band_at_measure])).toEqual([
      [hmac(key, `person:${record.personId}`), 'ons4', 'baseline', '2026-03-02', 'no', '3', '7', '', '65-74'],
      [hmac(key, `person:${record.personId}`), 'ucla3', 'baseline', '2026-03-02', 'yes', '', '', '', '65-74'],
      [hmac(key, `person:${record.personId}`), 'ons4', 'review', '2026-03-09', 'no', '6', '3', '', '75-84'],
    ]);

    const [entry] = exportEntries(admin);
    expect(entry).toMatchObject({ entity_type: 'export', entity_id: result.fileName, actor_user_id: work.ids.admin });
    expect(entry!.details).toMatchObject({ kind: 'pseudonymised_extract', sha256: result.sha256, lawfulBasis: 'service_planning', episodes: 2, contacts: 3, measures: 3, people: 2 });
  });

  it('holds no name, NHS number, date of birth, postcode, id or free text: every byte of every file is checked', async () => {
    const work = await casework();
    const { record, young } = await twoPeople(work);
    const result = await extract(await work.as('supervisor'));
    const needles = [
      MARGARET.givenName,
      MARGARET.familyName,
      MARGARET.preferredName,
      MARGARET.nhsNumber,
      '943 476 5919',
      MARGARET.dateOfBirth,
      MARGARET.postcode,
      MARGARET.postcode.replace(' ', ''),
      MARGARET.phone,
      MARGARET.email,
      MARGARET.addressLine1,
      MARGARET.gpPractice,
      YOUNG.givenName,
      YOUNG.familyName,
      YOUNG.nhsNumber,
      YOUNG.dateOfBirth,
      YOUNG.postcode,
      'YOUNG NOTE',
      CLOSING.note,
      CLOSING.whatMattered,
      STAFF_NOTES,
      ...Object.values(FREE_TEXT),
      ...record.planGoals,
      record.personId,
      record.episode.id,
      young.personId,
      young.episodeId,
      work.ids.worker,
    ];
    expect(await leaks(result, needles)).toEqual([]);
  });

  it('gives the same person the same key in every extract, and a different workspace different keys', async () => {
    const work = await casework();
    await twoPeople(work);
    const admin = await work.as('admin');
    const first = table((await exportedText(await extract(admin))).get('episodes.csv')!);
    const second = table((await exportedText(await extract(admin))).get('episodes.csv')!);
    expect(second.map((row) => row.person_key)).toEqual(first.map((row) => row.person_key));
    // The key was made once, on first use.
    expect(exportEntries(admin)).toHaveLength(2);
    expect(admin.requireUnlocked().raw.prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'export.pseudonym_key_created'`).get()).toEqual({ n: 1 });

    const elsewhere = await casework();
    const copied = await createPerson(elsewhere.worker, MARGARET);
    await createEpisode(elsewhere.worker, copied.id);
    const theirs = table((await exportedText(await extract(await elsewhere.as('admin')))).get('episodes.csv')!);
    expect(first.map((row) => row.person_key)).not.toContain(theirs[0]!.person_key);
  });

  it('holds a GP supervisor’s supervisees’ referrals only, as their screens do; an admin’s holds the whole workspace', async () => {
    const { worker, supervisor, stray, as } = await supervision();
    const mine = await personWithEpisode(worker);
    await recordContact(worker, mine.episode.id, { decision: 'accepted' });
    const theirs = await personWithEpisode(stray);
    await recordContact(stray, theirs.episode.id, { decision: 'accepted' });
    await ok(stray, 'outcomes.record', { episodeId: theirs.episode.id, instrument: 'ons4', timepoint: 'baseline', recordedOn: '2026-03-02', answers: [5, 5, 5, 5] });

    const admin = await as('admin');
    const everyone = await exportedText(await extract(admin));
    const key = pseudonymKeyOf(admin);
    expect(table(everyone.get('episodes.csv')!).map((row) => row.person_key).sort()).toEqual([hmac(key, `person:${mine.person.id}`), hmac(key, `person:${theirs.person.id}`)].sort());
    const supervised = await exportedText(await extract(supervisor));
    expect(table(supervised.get('episodes.csv')!).map((row) => row.person_key)).toEqual([hmac(key, `person:${mine.person.id}`)]);
    expect(table(supervised.get('contacts.csv')!).map((row) => row.episode_key)).toEqual([hmac(key, `episode:${mine.episode.id}`)]);
    expect(table(supervised.get('measures.csv')!)).toEqual([]);
    expect(exportEntries(admin).map((row) => [row.actor_user_id === admin.requireUnlocked().user.id, row.details.scope, row.details.episodes])).toEqual([
      [true, 'workspace', 2],
      [false, 'supervisees', 1],
    ]);
  });

  it('can be cancelled: the job stops and leaves no file, no partial file and no audit entry', async () => {
    const work = await casework();
    await twoPeople(work);
    const admin = await work.as('admin');
    const { jobId } = await ok<{ jobId: string }>(admin, 'exports.pseudonymisedExtract', { declaration: declaration('pseudonymised_extract') });
    const cancelled = await ok<JobProgress>(admin, 'exports.cancel', { jobId });
    expect(cancelled).toMatchObject({ jobId, state: 'cancelled', result: null });
    expect(await refused(admin, 'exports.progress', { jobId })).toMatchObject({ code: 'not_found' });
    // A new extract can start straight away, and finishes: the stopped worker left nothing behind.
    const result = await extract(admin);
    expect(readdirSync(admin.exportFolder)).toEqual([result.fileName]);
    expect(exportEntries(admin)).toHaveLength(1);
  });

  it('belongs to the sign-in that started it, and only admins and GP supervisors may make one', async () => {
    const work = await casework();
    await twoPeople(work);
    const admin = await work.as('admin');
    expect(await refused(work.worker, 'exports.pseudonymisedExtract', { declaration: declaration('pseudonymised_extract') })).toMatchObject({ code: 'forbidden' });
    expect(await refused(admin, 'exports.pseudonymisedExtract', { declaration: declaration('pseudonymised_extract', { lawfulBasis: 'anonymous_statistics' }) })).toMatchObject({
      code: 'invalid_input',
      fields: { 'declaration.lawfulBasis': expect.any(String) },
    });
    const { jobId } = await ok<{ jobId: string }>(admin, 'exports.pseudonymisedExtract', { declaration: declaration('pseudonymised_extract') });
    const supervisor = await work.as('supervisor');
    expect(await refused(supervisor, 'exports.progress', { jobId })).toMatchObject({ code: 'not_found' });
    expect(await refused(supervisor, 'exports.cancel', { jobId })).toMatchObject({ code: 'not_found' });
    expect(await finished(admin, jobId)).toMatchObject({ state: 'done' });
  });

  it('stops when the workspace locks, and the job is gone after signing in again', async () => {
    const work = await casework();
    await twoPeople(work);
    const admin = await work.as('admin');
    const { jobId } = await ok<{ jobId: string }>(admin, 'exports.pseudonymisedExtract', { declaration: declaration('pseudonymised_extract') });
    await ok(admin, 'session.signOut');
    await ok(admin, 'session.signIn', { username: 'ada.admin', password: 'correct horse battery staple' });
    expect(await refused(admin, 'exports.progress', { jobId })).toMatchObject({ code: 'not_found' });
    expect(existsSync(admin.exportFolder) ? readdirSync(admin.exportFolder) : []).toEqual([]);
    expect(exportEntries(admin)).toEqual([]);
  });

  it('runs from the built worker bundle (out/main/export-worker.js) as the app does', async (context) => {
    const built = resolve('out/main');
    if (!existsSync(resolve(built, 'export-worker.js'))) context.skip('out/main/export-worker.js does not exist (run `npm run build`)');
    useBuiltWorkers(built);
    const work = await casework();
    const { record } = await twoPeople(work);
    const admin = await work.as('admin');
    const files = await exportedText(await extract(admin));
    expect(table(files.get('episodes.csv')!)[0]!.person_key).toBe(hmac(pseudonymKeyOf(admin), `person:${record.personId}`));
  });
});
