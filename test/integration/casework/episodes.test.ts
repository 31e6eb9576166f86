import { describe, expect, it } from 'vitest';
import { EPISODE_STATUS_CODES, EPISODE_STATUSES, EPISODE_TRANSITIONS, type EpisodeStatus } from '../../../src/shared/domain/referral';
import type { Episode } from '../../../src/shared/ipc/casework-schemas';
import type { WorkspaceSession } from '../../../src/main/services/workspace-session';
import { advanceDays, auditOf, casework, createEpisode, createPerson, REFERRAL, uniquePerson } from '../../support/casework';
import { ok, refused } from '../../support/workspace';

/** The route through the status machine to each status, by hand. */
const ROUTE: Record<EpisodeStatus, EpisodeStatus[]> = {
  received: [],
  contacted: ['contacted'],
  accepted: ['contacted', 'accepted'],
  declined: ['contacted', 'declined'],
  active: ['contacted', 'accepted', 'active'],
  closed: ['closed'],
};

function closing(from: EpisodeStatus) {
  return { closureReason: from === 'declined' ? 'declined' : 'goals_met' };
}

async function episodeAt(session: WorkspaceSession, status: EpisodeStatus): Promise<Episode> {
  const person = await createPerson(session, uniquePerson());
  let episode = await createEpisode(session, person.id);
  let from: EpisodeStatus = 'received';
  for (const to of ROUTE[status]) {
    episode = await ok<Episode>(session, 'episodes.transition', { episodeId: episode.id, to, ...(to === 'closed' ? closing(from) : {}) });
    from = to;
  }
  expect(episode.status).toBe(status);
  return episode;
}

describe('adding a referral', () => {
  it('keeps the referral, gives it to the link worker who added it, and sets the first contact due date in working days', async () => {
    const { worker, ids, names } = await casework('2026-04-01T09:00:00Z');
    const person = await createPerson(worker, uniquePerson());
    const episode = await createEpisode(worker, person.id, {
      source: 'pharmacy',
      referrerName: 'Priya Shah',
      referrerOrganisation: 'Brook Lane Pharmacy',
      referrerContact: '0113 496 0001',
      receivedOn: '2026-04-01',
      reasons: ['loneliness', 'money', 'other', 'money'],
      reasonOther: 'Caring for a neighbour',
      urgency: 'soon',
      notes: 'Lives alone since March',
    });
    expect(episode).toMatchObject({
      personId: person.id,
      workerUserId: ids.worker,
      workerName: names.worker,
      source: 'pharmacy',
      referrerName: 'Priya Shah',
      referrerOrganisation: 'Brook Lane Pharmacy',
      referrerContact: '0113 496 0001',
      receivedOn: '2026-04-01',
      reasons: expect.arrayContaining(['loneliness', 'money', 'other']),
      reasonOther: 'Caring for a neighbour',
      urgency: 'soon',
      notes: 'Lives alone since March',
      status: 'received',
      contactCount: 0,
      // Wednesday 1 April 2026 + 5 working days, skipping Good Friday and Easter Monday.
      firstContactDueOn: '2026-04-10',
    });
    expect(episode.reasons).toHaveLength(3);
    expect(auditOf(worker, 'episode.created').map((row) => [row.entity_id, JSON.parse(row.details_json)])).toEqual([
      [person.id, { episodeId: episode.id, source: 'pharmacy', reasonCount: 3 }],
    ]);
  });

  it('uses the workspace setting for how many working days a first contact may take', async () => {
    const { worker } = await casework();
    worker.requireUnlocked().raw.prepare(`INSERT INTO settings (key, value_json) VALUES ('firstContactWorkingDays', '2')`).run();
    const person = await createPerson(worker, uniquePerson());
    expect((await createEpisode(worker, person.id, { receivedOn: '2026-02-27' })).firstContactDueOn).toBe('2026-03-03'); // Friday + 2 = Tuesday
  });

  it('can be given to another active link worker, but not to a supervisor or someone who has left', async () => {
    const { worker, ids } = await casework();
    const person = await createPerson(worker, uniquePerson());
    for (const userId of [ids.supervisor, ids.leaver, ids.admin]) {
      const error = await refused(worker, 'episodes.create', { personId: person.id, ...REFERRAL, workerUserId: userId });
      expect(error).toMatchObject({ code: 'invalid_input', fields: { workerUserId: 'Choose an active link worker' } });
    }
    expect((await createEpisode(worker, person.id, { workerUserId: ids.otherWorker })).workerUserId).toBe(ids.otherWorker);
  });

  describe('refuses details that are not right, naming the field', () => {
    const cases: [string, Record<string, unknown>, string, string][] = [
      ['no reasons', { reasons: [] }, 'reasons', 'Choose at least one reason'],
      ['an unknown reason', { reasons: ['boredom'] }, 'reasons.0', 'Invalid option: expected one of "loneliness"|"low_mood"|"long_term_condition"|"money"|"housing"|"employment"|"physical_inactivity"|"carer_support"|"bereavement"|"substance_use"|"benefits"|"food"|"frequent_attender"|"other"'],
      ['"other" without saying what', { reasons: ['housing', 'other'], reasonOther: ' ' }, 'reasonOther', 'Say what the other reason is'],
      ['no source', { source: undefined }, 'source', 'Choose where the referral came from'],
      ['a receipt date after today', { receivedOn: '2026-03-03' }, 'receivedOn', 'The referral cannot be received in the future'],
      ['an impossible receipt date', { receivedOn: '2026-02-30' }, 'receivedOn', 'Use a real date, like 2026-11-22'],
      ['an unknown urgency', { urgency: 'yesterday' }, 'urgency', 'Invalid option: expected one of "routine"|"soon"|"urgent"'],
    ];
    it.each(cases)('%s', async (_what, change, field, message) => {
      const { worker } = await casework();
      const person = await createPerson(worker, uniquePerson());
      const error = await refused(worker, 'episodes.create', { personId: person.id, ...REFERRAL, ...change });
      expect(error.code).toBe('invalid_input');
      expect(error.fields?.[field]).toBe(message);
      expect(worker.requireUnlocked().raw.prepare('SELECT count(*) AS n FROM episodes').get()).toEqual({ n: 0 });
    });
  });

  it('answers not_found for a person who does not exist', async () => {
    const { worker } = await casework();
    const error = await refused(worker, 'episodes.create', { personId: '00000000-0000-4000-8000-000000000000', ...REFERRAL });
    expect(error).toEqual({ code: 'not_found', message: 'That person does not exist.' });
  });

  it('allows one open referral per person at a time, and a new one once it is closed', async () => {
    const { worker } = await casework();
    const person = await createPerson(worker, uniquePerson());
    const first = await createEpisode(worker, person.id);
    const error = await refused(worker, 'episodes.create', { personId: person.id, ...REFERRAL, source: 'self' });
    expect(error).toEqual({ code: 'conflict', message: 'This person already has an open referral. Close it before adding a new one.' });
    await ok(worker, 'episodes.transition', { episodeId: first.id, to: 'closed', closureReason: 'moved_away' });
    const second = await createEpisode(worker, person.id, { source: 'self' });
    const record = await ok<{ episodes: Episode[] }>(worker, 'people.get', { personId: person.id });
    expect(record.episodes.map((e) => [e.id, e.status])).toEqual([
      [second.id, 'received'],
      [first.id, 'closed'],
    ]);
  });
});

describe('the status machine', () => {
  const pairs = EPISODE_STATUS_CODES.flatMap((from) => EPISODE_STATUS_CODES.map((to) => [from, to] as const));

  it.each(pairs.filter(([from, to]) => EPISODE_TRANSITIONS[from].includes(to)))('lets a %s referral become %s', async (from, to) => {
    const { worker } = await casework();
    const episode = await episodeAt(worker, from);
    const moved = await ok<Episode>(worker, 'episodes.transition', { episodeId: episode.id, to, ...(to === 'closed' ? closing(from) : {}) });
    expect(moved.status).toBe(to);
    if (to === 'closed') expect(moved).toMatchObject({ closedOn: '2026-03-02', closureReason: closing(from).closureReason });
    const [change] = auditOf(worker, 'episode.status_changed').slice(-1);
    expect(JSON.parse(change!.details_json)).toMatchObject({ episodeId: episode.id, from, to });
  });

  it.each(pairs.filter(([from, to]) => !EPISODE_TRANSITIONS[from].includes(to)))('refuses to make a %s referral %s, naming both', async (from, to) => {
    const { worker } = await casework();
    const episode = await episodeAt(worker, from);
    const changesBefore = auditOf(worker, 'episode.status_changed').length;
    const error = await refused(worker, 'episodes.transition', { episodeId: episode.id, to, ...(to === 'closed' ? closing(from) : {}) });
    expect(error.code).toBe('conflict');
    expect(error.message).toBe(
      from === to ? `This referral is already ${EPISODE_STATUSES[from]}.` : `A referral that is ${EPISODE_STATUSES[from]} cannot become ${EPISODE_STATUSES[to]}.`,
    );
    expect(auditOf(worker, 'episode.status_changed')).toHaveLength(changesBefore);
  });

  it('says "A referral that is Received cannot become Active"', async () => {
    const { worker } = await casework();
    const episode = await episodeAt(worker, 'received');
    expect((await refused(worker, 'episodes.transition', { episodeId: episode.id, to: 'active' })).message).toBe('A referral that is Received cannot become Active.');
  });

  it('needs a reason to close, and closes a declined referral only as declined', async () => {
    const { worker } = await casework();
    const open = await episodeAt(worker, 'active');
    expect(await refused(worker, 'episodes.transition', { episodeId: open.id, to: 'closed' })).toMatchObject({
      code: 'invalid_input',
      fields: { closureReason: 'Choose why the episode is closing' },
    });
    const declined = await episodeAt(worker, 'declined');
    expect(await refused(worker, 'episodes.transition', { episodeId: declined.id, to: 'closed', closureReason: 'goals_met' })).toMatchObject({
      code: 'invalid_input',
      fields: { closureReason: 'A declined referral closes with the reason "Declined social prescribing"' },
    });
    const closed = await ok<Episode>(worker, 'episodes.transition', { episodeId: declined.id, to: 'closed', closureReason: 'declined', closureNote: 'Happy with current support' });
    expect(closed).toMatchObject({ status: 'closed', closureReason: 'declined', closureNote: 'Happy with current support' });
  });

  it('keeps every change in the history the timeline shows', async () => {
    const { worker } = await casework();
    const episode = await episodeAt(worker, 'active');
    const record = await ok<{ timeline: { kind: string; summary: string }[] }>(worker, 'people.get', { personId: episode.personId });
    expect(record.timeline.filter((item) => item.kind === 'status_changed').map((item) => item.summary)).toEqual([
      'Referral moved from Accepted to Active',
      'Referral moved from Contacted to Accepted',
      'Referral moved from Received to Contacted',
    ]);
  });

  it('answers not_found for a referral that does not exist', async () => {
    const { worker } = await casework();
    expect(await refused(worker, 'episodes.transition', { episodeId: '00000000-0000-4000-8000-000000000000', to: 'contacted' })).toEqual({
      code: 'not_found',
      message: 'That referral does not exist.',
    });
  });
});

describe('planning', () => {
  it('sets the next contact, the review date and the worker, and clears a date given as empty', async () => {
    const { worker, ids, names } = await casework();
    const episode = await episodeAt(worker, 'active');
    const planned = await ok<Episode>(worker, 'episodes.plan', { episodeId: episode.id, nextContactOn: '2026-03-09', reviewDueOn: '2026-04-01', workerUserId: ids.otherWorker });
    expect(planned).toMatchObject({ nextContactOn: '2026-03-09', reviewDueOn: '2026-04-01', workerUserId: ids.otherWorker, workerName: names.otherWorker });
    const cleared = await ok<Episode>(worker, 'episodes.plan', { episodeId: episode.id, nextContactOn: '' });
    expect(cleared).toMatchObject({ nextContactOn: null, reviewDueOn: null, workerUserId: ids.otherWorker });
    expect(JSON.parse(auditOf(worker, 'episode.planned')[0]!.details_json)).toEqual({ episodeId: episode.id, fields: 'nextContactOn,reviewDueOn,workerUserId' });
  });

  it('refuses a new next contact in the past, a review before the referral, an inactive worker, and a closed referral', async () => {
    const { worker, clock, ids } = await casework();
    const episode = await episodeAt(worker, 'active');
    await ok(worker, 'episodes.plan', { episodeId: episode.id, nextContactOn: '2026-03-04' });
    advanceDays(clock, 5);
    expect((await refused(worker, 'episodes.plan', { episodeId: episode.id, nextContactOn: '2026-03-05' })).fields).toEqual({ nextContactOn: 'The next contact cannot be in the past' });
    // A date that has passed since it was set does not block other changes.
    await ok(worker, 'episodes.plan', { episodeId: episode.id, nextContactOn: '2026-03-04', reviewDueOn: '2026-04-01' });
    expect((await refused(worker, 'episodes.plan', { episodeId: episode.id, reviewDueOn: '2026-03-01' })).fields).toEqual({ reviewDueOn: 'The review cannot be before the referral was received' });
    expect((await refused(worker, 'episodes.plan', { episodeId: episode.id, workerUserId: ids.leaver })).fields).toEqual({ workerUserId: 'Choose an active link worker' });
    await ok(worker, 'episodes.transition', { episodeId: episode.id, to: 'closed', closureReason: 'goals_met' });
    expect(await refused(worker, 'episodes.plan', { episodeId: episode.id, nextContactOn: '2026-03-20' })).toEqual({
      code: 'conflict',
      message: 'This referral is closed, so its plan cannot change.',
    });
  });
});
