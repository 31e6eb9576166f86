import { describe, expect, it } from 'vitest';
import type { CaseloadRow, CodingItem } from '../../../src/shared/ipc/casework-schemas';
import type { PairsOverview, SupervisionPair } from '../../../src/shared/ipc/supervision-schemas';
import { auditOf, caseloadRow, personWithEpisode, recordContact } from '../../support/casework';
import { ok, refused } from '../../support/workspace';
import { agreedPlan } from '../plans/support';
import { supervision } from './support';

const OUT_OF_SCOPE = { code: 'forbidden', message: 'You can only open the casework of the link workers you supervise.' };

describe('who supervises whom', () => {
  it('is set by admins: a GP supervisor and an active link worker, once per two people, ended when it stops', async () => {
    const { as, ids, strayId } = await supervision();
    const admin = await as('admin');
    const overview = await ok<PairsOverview>(admin, 'supervisionPairs.list');
    expect(overview.pairs.map((pair) => pair.worker.id).sort()).toEqual([ids.worker, ids.otherWorker].sort());
    expect(overview.supervisors.map((user) => user.id)).toEqual([ids.supervisor]);
    expect(overview.workers.map((user) => user.id)).toContain(strayId);
    expect(overview.workers.map((user) => user.id)).not.toContain(ids.leaver);

    const pair = await ok<SupervisionPair>(admin, 'supervisionPairs.assign', { supervisorUserId: ids.supervisor, workerUserId: strayId });
    expect(pair).toMatchObject({ supervisor: { id: ids.supervisor }, worker: { id: strayId }, endedAt: null });
    expect(await refused(admin, 'supervisionPairs.assign', { supervisorUserId: ids.supervisor, workerUserId: strayId })).toMatchObject({
      code: 'conflict',
      message: 'This GP supervisor already supervises this link worker.',
    });
    const wrong = [
      [{ supervisorUserId: ids.worker, workerUserId: strayId }, { supervisorUserId: 'Choose an active GP supervisor' }],
      [{ supervisorUserId: ids.supervisor, workerUserId: ids.leaver }, { workerUserId: 'Choose an active link worker' }],
      [{ supervisorUserId: ids.supervisor, workerUserId: ids.admin }, { workerUserId: 'Choose an active link worker' }],
    ] as const;
    for (const [input, fields] of wrong) expect((await refused(admin, 'supervisionPairs.assign', input)).fields).toEqual(fields);

    const ended = await ok<SupervisionPair>(admin, 'supervisionPairs.end', { pairId: pair.id });
    expect(ended.endedAt).not.toBeNull();
    expect((await refused(admin, 'supervisionPairs.end', { pairId: pair.id })).code).toBe('conflict');
    expect(auditOf(admin, 'supervision.pair_assigned').at(-1)).toMatchObject({ entity_id: pair.id });
    expect(auditOf(admin, 'supervision.pair_ended')).toHaveLength(1);
    // Only admins set pairs.
    expect((await refused(await as('supervisor'), 'supervisionPairs.assign', { supervisorUserId: ids.supervisor, workerUserId: strayId })).code).toBe('forbidden');
  });
});

describe('a GP supervisor reads the casework of the link workers they supervise, and no one else’s', () => {
  it('refuses the record of a person held by a link worker they do not supervise, and audits the refusal as access.denied', async () => {
    const { supervisor, stray, worker, ids } = await supervision();
    const theirs = await personWithEpisode(stray, {}, { givenName: 'Stray', familyName: 'Person' });
    const mine = await personWithEpisode(worker);
    expect((await ok<{ person: { id: string } }>(supervisor, 'people.get', { personId: mine.person.id })).person.id).toBe(mine.person.id);

    expect(await refused(supervisor, 'people.get', { personId: theirs.person.id })).toEqual(OUT_OF_SCOPE);
    const denied = auditOf(supervisor, 'access.denied').at(-1)!;
    expect(denied).toMatchObject({ actor_user_id: ids.supervisor, entity_type: 'person', entity_id: theirs.person.id });
    expect(JSON.parse(denied.details_json)).toEqual({ channel: 'people.get', role: 'gp_supervisor' });
    // Nothing was read, so nothing says it was.
    expect(auditOf(supervisor, 'person.viewed').filter((row) => row.entity_id === theirs.person.id)).toEqual([]);
    // The link worker who holds the case still reads it.
    await ok(stray, 'people.get', { personId: theirs.person.id });
  });

  it('refuses the plan, conversations and connections of such a case too', async () => {
    const { supervisor, stray } = await supervision();
    const { person, episode } = await personWithEpisode(stray);
    await recordContact(stray, episode.id, { decision: 'accepted' });
    const plan = await agreedPlan(stray, episode.id);
    await ok(stray, 'conversations.record', { episodeId: episode.id, heldOn: '2026-03-02', ownWords: 'Their words' });
    const reads: [string, unknown][] = [
      ['plans.get', { episodeId: episode.id }],
      ['plans.getVersion', { planVersionId: plan.id }],
      ['conversations.list', { episodeId: episode.id }],
      ['connections.list', { episodeId: episode.id }],
      ['connections.list', { personId: person.id }],
      ['personFlags.list', { personId: person.id }],
    ];
    for (const [channel, input] of reads) expect(await refused(supervisor, channel, input), channel).toEqual(OUT_OF_SCOPE);
    expect(auditOf(supervisor, 'access.denied')).toHaveLength(reads.length);
  });

  it('refuses the outcomes, the GP and A&E counts and the person-level exports of such a case, and writes no file', async () => {
    const { supervisor, stray } = await supervision();
    const { person, episode } = await personWithEpisode(stray);
    const declaration = { purpose: 'Answering a subject access request', recipient: 'The person who asked', lawfulBasis: 'subject_access' };
    const attempts: [string, unknown][] = [
      ['outcomes.forPerson', { personId: person.id }],
      ['systemUse.record', { episodeId: episode.id, period: 'before', gpConsultations: 3, aeAttendances: 1 }],
      ['exports.subjectAccess', { personId: person.id, declaration }],
      ['exports.transferBundle', { personId: person.id, declaration: { ...declaration, lawfulBasis: 'direct_care' } }],
    ];
    for (const [channel, input] of attempts) expect(await refused(supervisor, channel, input), channel).toEqual(OUT_OF_SCOPE);
    expect(auditOf(supervisor, 'access.denied')).toHaveLength(attempts.length);
    expect(auditOf(supervisor, 'export.created')).toEqual([]);
  });

  it('lists only supervisees’ cases in the caseload, the worker filter, search and the coding queue', async () => {
    const { supervisor, stray, strayId, worker, ids, names } = await supervision();
    const theirs = await personWithEpisode(stray, {}, { givenName: 'Hidden', familyName: 'Zebedee' });
    const mine = await personWithEpisode(worker, {}, { givenName: 'Shown', familyName: 'Zebedee' });
    await recordContact(stray, theirs.episode.id, { decision: 'accepted' });
    await recordContact(worker, mine.episode.id, { decision: 'accepted' });

    expect(await caseloadRow(supervisor, mine.episode.id)).toBeDefined();
    expect(await caseloadRow(supervisor, theirs.episode.id)).toBeUndefined();
    expect(await caseloadRow(supervisor, theirs.episode.id, { workerUserId: strayId })).toBeUndefined();
    const all = await ok<{ rows: CaseloadRow[]; total: number }>(supervisor, 'caseload.list', { page: 0, pageSize: 100, includeClosed: true });
    expect(all.rows.map((row) => row.episodeId)).toEqual([mine.episode.id]);
    expect(all.total).toBe(1);
    expect(await ok(supervisor, 'caseload.workers')).toEqual(
      [{ id: ids.worker, displayName: names.worker }, { id: ids.otherWorker, displayName: names.otherWorker }].sort((a, b) => a.displayName.localeCompare(b.displayName)),
    );
    // The link worker still sees the whole workspace.
    expect(await caseloadRow(worker, theirs.episode.id)).toBeDefined();

    const found = await ok<{ personId: string }[]>(supervisor, 'people.search', { query: 'Zebedee' });
    expect(found.map((result) => result.personId)).toEqual([mine.person.id]);
    expect((await ok<{ personId: string }[]>(worker, 'people.search', { query: 'Zebedee' })).map((result) => result.personId).sort()).toEqual([mine.person.id, theirs.person.id].sort());

    const queue = await ok<CodingItem[]>(supervisor, 'coding.queue', { includeRecorded: true });
    expect(queue.map((item) => item.episodeId)).toEqual([mine.episode.id]);
    const strayItem = (await ok<CodingItem[]>(stray, 'coding.queue', { includeRecorded: false })).find((item) => item.episodeId === theirs.episode.id)!;
    expect(await refused(supervisor, 'coding.markRecorded', { itemId: strayItem.id, recordedOn: '2026-03-02' })).toEqual(OUT_OF_SCOPE);
  });

  it('shows only the supervisee’s episodes of a person who was also supported by someone else', async () => {
    const { supervisor, stray, worker } = await supervision();
    const { person, episode: earlier } = await personWithEpisode(stray, { receivedOn: '2026-01-05' });
    await ok(stray, 'people.addNote', { personId: person.id, episodeId: earlier.id, text: 'Note on the stray worker’s referral' });
    await ok(stray, 'episodes.transition', { episodeId: earlier.id, to: 'closed', closureReason: 'moved_away' });
    const later = await ok<{ id: string }>(worker, 'episodes.create', { personId: person.id, source: 'self', receivedOn: '2026-03-02', reasons: ['housing'] });
    await ok(worker, 'people.addNote', { personId: person.id, episodeId: null, text: 'About the person' });

    const record = await ok<{ episodes: { id: string }[]; notes: { text: string }[]; timeline: { episodeId: string | null }[] }>(supervisor, 'people.get', { personId: person.id });
    expect(record.episodes.map((episode) => episode.id)).toEqual([later.id]);
    expect(record.notes.map((note) => note.text)).toEqual(['About the person']);
    expect(record.timeline.every((item) => item.episodeId === null || item.episodeId === later.id)).toBe(true);
    const full = await ok<{ episodes: { id: string }[] }>(worker, 'people.get', { personId: person.id });
    expect(full.episodes).toHaveLength(2);
  });

  it('loses access when the pair ends, and gains it when assigned', async () => {
    const { supervisor, stray, as, ids, strayId, worker } = await supervision();
    const theirs = await personWithEpisode(stray);
    const admin = await as('admin');
    const pair = await ok<SupervisionPair>(admin, 'supervisionPairs.assign', { supervisorUserId: ids.supervisor, workerUserId: strayId });
    await ok(supervisor, 'people.get', { personId: theirs.person.id });
    const existing = (await ok<PairsOverview>(admin, 'supervisionPairs.list')).pairs.find((p) => p.worker.id === ids.worker)!;
    await ok(admin, 'supervisionPairs.end', { pairId: existing.id });
    const mine = await personWithEpisode(worker);
    expect(await refused(supervisor, 'people.get', { personId: mine.person.id })).toEqual(OUT_OF_SCOPE);
    await ok(admin, 'supervisionPairs.end', { pairId: pair.id });
    expect(await refused(supervisor, 'people.get', { personId: theirs.person.id })).toEqual(OUT_OF_SCOPE);
  });
});
