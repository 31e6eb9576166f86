import { describe, expect, it } from 'vitest';
import type { CodingItem } from '../../../src/shared/ipc/casework-schemas';
import { advanceDays, auditOf, casework, personWithEpisode, recordContact } from '../../support/casework';
import { ok, refused } from '../../support/workspace';

const REFERRAL_CODE = '871731000000106';
const DECLINED_CODE = '871711000000103';

describe('the GP coding queue', () => {
  it('lists the referral code after the person accepts, due a week after the contact, with who it is for', async () => {
    const { worker } = await casework();
    const { person, episode } = await personWithEpisode(worker, {}, { givenName: 'Maya', familyName: 'Patel', nhsNumber: '9434765919' });
    await recordContact(worker, episode.id, { decision: 'accepted' });
    const queue = await ok<CodingItem[]>(worker, 'coding.queue', {});
    expect(queue).toEqual([
      {
        id: expect.any(String),
        personId: person.id,
        personName: 'Maya Patel',
        nhsNumber: '9434765919',
        episodeId: episode.id,
        code: REFERRAL_CODE,
        term: 'Referral to social prescribing service',
        contactOn: '2026-03-02',
        dueOn: '2026-03-09',
        overdue: false,
        recordedOn: null,
        recordedBy: null,
      },
    ]);
    expect(auditOf(worker, 'coding.queued').map((row) => JSON.parse(row.details_json))).toEqual([{ itemId: queue[0]!.id, episodeId: episode.id, code: REFERRAL_CODE }]);
  });

  it('lists the declined code when the person declines', async () => {
    const { worker } = await casework();
    const { episode } = await personWithEpisode(worker);
    await recordContact(worker, episode.id, { decision: 'declined' });
    expect((await ok<CodingItem[]>(worker, 'coding.queue', {})).map((item) => [item.code, item.term])).toEqual([[DECLINED_CODE, 'Social prescribing declined']]);
  });

  it('becomes overdue the day after it is due, and lists overdue codes first, then by due date', async () => {
    const { worker, clock } = await casework('2026-03-02T09:00:00Z');
    const a = await personWithEpisode(worker, { receivedOn: '2026-03-01' });
    const b = await personWithEpisode(worker, { receivedOn: '2026-03-01' });
    const c = await personWithEpisode(worker, { receivedOn: '2026-03-01' });
    await recordContact(worker, b.episode.id, { at: '2026-03-02T09:00:00Z', decision: 'accepted' }); // due 9 March
    await recordContact(worker, a.episode.id, { at: '2026-03-01T09:00:00Z', decision: 'accepted' }); // due 8 March
    advanceDays(clock, 5);
    await recordContact(worker, c.episode.id, { at: '2026-03-07T09:00:00Z', decision: 'declined' }); // due 14 March

    advanceDays(clock, 2); // 9 March: a is overdue, b is due today
    let queue = await ok<CodingItem[]>(worker, 'coding.queue', {});
    expect(queue.map((item) => [item.episodeId, item.dueOn, item.overdue])).toEqual([
      [a.episode.id, '2026-03-08', true],
      [b.episode.id, '2026-03-09', false],
      [c.episode.id, '2026-03-14', false],
    ]);
    advanceDays(clock, 6); // 15 March: all overdue, still by due date
    queue = await ok<CodingItem[]>(worker, 'coding.queue', {});
    expect(queue.map((item) => [item.episodeId, item.overdue])).toEqual([
      [a.episode.id, true],
      [b.episode.id, true],
      [c.episode.id, true],
    ]);
  });

  it('never queues the same code twice for one referral', async () => {
    const { worker } = await casework();
    const { episode } = await personWithEpisode(worker);
    await recordContact(worker, episode.id, { decision: 'accepted' });
    await recordContact(worker, episode.id);
    await recordContact(worker, episode.id);
    expect(await ok<CodingItem[]>(worker, 'coding.queue', {})).toHaveLength(1);
    expect(() =>
      worker
        .requireUnlocked()
        .raw.prepare(`INSERT INTO coding_queue (id, episode_id, person_id, code, contact_on, due_on, queued_at, queued_by) SELECT 'x', episode_id, person_id, code, contact_on, due_on, queued_at, queued_by FROM coding_queue`)
        .run(),
    ).toThrow(/UNIQUE/);
  });

  it('marks a code recorded, by whom, and leaves it out of the list unless done ones are asked for', async () => {
    const { worker, clock, names } = await casework();
    const { episode } = await personWithEpisode(worker);
    await recordContact(worker, episode.id, { decision: 'accepted' });
    const [item] = await ok<CodingItem[]>(worker, 'coding.queue', {});
    advanceDays(clock, 2);
    const done = await ok<CodingItem>(worker, 'coding.markRecorded', { itemId: item!.id, recordedOn: '2026-03-03' });
    expect(done).toMatchObject({ id: item!.id, recordedOn: '2026-03-03', recordedBy: names.worker, overdue: false });
    expect(await ok<CodingItem[]>(worker, 'coding.queue', {})).toEqual([]);
    expect(await ok<CodingItem[]>(worker, 'coding.queue', { includeRecorded: true })).toEqual([done]);
    expect(auditOf(worker, 'coding.recorded').map((row) => JSON.parse(row.details_json))).toEqual([{ itemId: item!.id, episodeId: episode.id, code: REFERRAL_CODE }]);
    // Long after its due date, a recorded code is not overdue; four weeks after recording it leaves the list.
    advanceDays(clock, 20);
    expect((await ok<CodingItem[]>(worker, 'coding.queue', { includeRecorded: true })).map((i) => i.overdue)).toEqual([false]);
    advanceDays(clock, 9);
    expect(await ok<CodingItem[]>(worker, 'coding.queue', { includeRecorded: true })).toEqual([]);
  });

  it('lists pending codes before recently recorded ones', async () => {
    const { worker, clock } = await casework();
    const first = await personWithEpisode(worker);
    const second = await personWithEpisode(worker);
    await recordContact(worker, first.episode.id, { decision: 'accepted' });
    advanceDays(clock, 1);
    await recordContact(worker, second.episode.id, { decision: 'accepted' });
    const [firstItem] = await ok<CodingItem[]>(worker, 'coding.queue', {});
    await ok(worker, 'coding.markRecorded', { itemId: firstItem!.id, recordedOn: '2026-03-03' });
    expect((await ok<CodingItem[]>(worker, 'coding.queue', { includeRecorded: true })).map((i) => [i.episodeId, i.recordedOn])).toEqual([
      [second.episode.id, null],
      [first.episode.id, '2026-03-03'],
    ]);
  });

  it('refuses marking twice, a date in the future, and a date before the contact', async () => {
    const { worker, clock } = await casework();
    const { episode } = await personWithEpisode(worker, { receivedOn: '2026-02-20' });
    await recordContact(worker, episode.id, { at: '2026-02-25T10:00:00Z', decision: 'accepted' });
    const [item] = await ok<CodingItem[]>(worker, 'coding.queue', {});
    expect(await refused(worker, 'coding.markRecorded', { itemId: item!.id, recordedOn: '2026-03-03' })).toEqual({
      code: 'invalid_input',
      message: 'Some of the details are not right.',
      fields: { recordedOn: 'The date recorded cannot be in the future' },
    });
    expect((await refused(worker, 'coding.markRecorded', { itemId: item!.id, recordedOn: '2026-02-24' })).fields).toEqual({
      recordedOn: 'The code cannot be recorded before the contact it follows',
    });
    expect((await refused(worker, 'coding.markRecorded', { itemId: item!.id, recordedOn: '2026-02-31' })).fields).toEqual({ recordedOn: 'Use a real date, like 2026-11-22' });
    await ok(worker, 'coding.markRecorded', { itemId: item!.id, recordedOn: '2026-02-25' });
    advanceDays(clock, 1);
    expect(await refused(worker, 'coding.markRecorded', { itemId: item!.id, recordedOn: '2026-03-02' })).toEqual({
      code: 'conflict',
      message: 'This code was already marked as recorded on 2026-02-25.',
    });
    expect(auditOf(worker, 'coding.recorded')).toHaveLength(1);
    expect(await refused(worker, 'coding.markRecorded', { itemId: '00000000-0000-4000-8000-000000000000', recordedOn: '2026-03-02' })).toEqual({
      code: 'not_found',
      message: 'That code is not in the coding queue.',
    });
  });

  it('can be worked through by practice staff with admin accounts and by GP supervisors', async () => {
    const { worker, as, names } = await casework();
    const { episode } = await personWithEpisode(worker);
    await recordContact(worker, episode.id, { decision: 'accepted' });
    const admin = await as('admin');
    const [item] = await ok<CodingItem[]>(admin, 'coding.queue', {});
    expect((await ok<CodingItem>(admin, 'coding.markRecorded', { itemId: item!.id, recordedOn: '2026-03-02' })).recordedBy).toBe(names.admin);
    const supervisor = await as('supervisor');
    expect(await ok<CodingItem[]>(supervisor, 'coding.queue', { includeRecorded: true })).toHaveLength(1);
  });
});
