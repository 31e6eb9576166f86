import { describe, expect, it } from 'vitest';
import type { DirectoryEntry, DirectoryRow } from '../../../src/shared/ipc/directory-contract';
import type { Connection } from '../../../src/shared/ipc/connections-schemas';
import { advanceDays, auditOf, casework, personWithEpisode } from '../../support/casework';
import { ok, refused } from '../../support/workspace';
import { createEntry } from '../directory/support';
import { agreedPlan } from '../plans/support';

const NOTE = 'Likes a quiet corner; Jo will meet her at the door on Tuesday.';

describe('connections to groups and services', () => {
  it('connects a person to a service from their referral and a plan goal, with a warm-handover note, and moves it on with dated history', async () => {
    const { worker, clock, names } = await casework();
    const { person, episode } = await personWithEpisode(worker);
    const service = await createEntry(worker);
    const plan = await agreedPlan(worker, episode.id);
    const goalId = plan.goals[0]!.id;

    const created = await ok<Connection>(worker, 'connections.create', { episodeId: episode.id, serviceId: service.id, goalId, handoverNote: NOTE });
    expect(created).toMatchObject({
      episodeId: episode.id,
      personId: person.id,
      service: { id: service.id, name: 'Tuesday Knit and Natter', organisationName: 'Brook Lane Community Trust', status: 'active' },
      goalId,
      status: 'suggested',
      statusOn: '2026-03-02',
      final: false,
      stopReason: null,
      handoverNote: NOTE,
      createdBy: names.worker,
    });

    advanceDays(clock, 3);
    await ok(worker, 'connections.move', { connectionId: created.id, to: 'introduced' });
    advanceDays(clock, 7);
    await ok(worker, 'connections.move', { connectionId: created.id, to: 'attending', on: '2026-03-10' });
    advanceDays(clock, 30);
    const done = await ok<Connection>(worker, 'connections.move', { connectionId: created.id, to: 'completed' });
    expect(done).toMatchObject({ status: 'completed', statusOn: '2026-04-11', final: true, handoverNote: NOTE });
    expect(done.history.map((h) => [h.from, h.to, h.on, h.by])).toEqual([
      [null, 'suggested', '2026-03-02', names.worker],
      ['suggested', 'introduced', '2026-03-05', names.worker],
      ['introduced', 'attending', '2026-03-10', names.worker],
      ['attending', 'completed', '2026-04-11', names.worker],
    ]);
  });

  it('stops a connection with a reason and a note, and replaces the handover note when a new one is given', async () => {
    const { worker } = await casework();
    const { episode } = await personWithEpisode(worker);
    const service = await createEntry(worker);
    const created = await ok<Connection>(worker, 'connections.create', { episodeId: episode.id, serviceId: service.id, handoverNote: 'First note' });
    const introduced = await ok<Connection>(worker, 'connections.move', { connectionId: created.id, to: 'introduced', handoverNote: 'Introduced by phone to Jo' });
    expect(introduced.handoverNote).toBe('Introduced by phone to Jo');
    const stopped = await ok<Connection>(worker, 'connections.move', { connectionId: created.id, to: 'stopped', stopReason: 'service_full', stopNote: 'Waiting list until June' });
    expect(stopped).toMatchObject({ status: 'stopped', final: true, stopReason: 'service_full', stopNote: 'Waiting list until June', handoverNote: 'Introduced by phone to Jo' });
    expect(stopped.history.at(-1)).toMatchObject({ from: 'introduced', to: 'stopped', stopReason: 'service_full' });
  });

  describe('refuses a status change that is not the next step, naming both statuses', () => {
    const cases: [string, string[], string, string][] = [
      ['skipping a step', [], 'attending', 'A connection cannot move from Suggested to Attending.'],
      ['completing before attending', ['introduced'], 'completed', 'A connection cannot move from Introduced to Completed.'],
      ['going back', ['introduced', 'attending'], 'introduced', 'A connection cannot move from Attending to Introduced.'],
      ['staying put', [], 'suggested', 'A connection cannot move from Suggested to Suggested.'],
      ['changing a completed connection', ['introduced', 'attending', 'completed'], 'stopped', 'A connection cannot move from Completed to Stopped. A completed connection is final.'],
      ['reopening a stopped connection', ['stopped'], 'introduced', 'A connection cannot move from Stopped to Introduced. A stopped connection is final.'],
    ];
    it.each(cases)('%s', async (_name, path, to, message) => {
      const { worker } = await casework();
      const { episode } = await personWithEpisode(worker);
      const service = await createEntry(worker);
      const created = await ok<Connection>(worker, 'connections.create', { episodeId: episode.id, serviceId: service.id });
      for (const step of path) await ok(worker, 'connections.move', { connectionId: created.id, to: step, ...(step === 'stopped' ? { stopReason: 'person_choice' } : {}) });
      const error = await refused(worker, 'connections.move', { connectionId: created.id, to, ...(to === 'stopped' ? { stopReason: 'other' } : {}) });
      expect(error).toMatchObject({ code: 'conflict', message });
      const [after] = await ok<Connection[]>(worker, 'connections.list', { episodeId: episode.id });
      expect(after!.history).toHaveLength(path.length + 1);
    });
  });

  describe('refuses details that are not right, naming the field', () => {
    const moves: [string, Record<string, unknown>, string, string][] = [
      ['a stop without a reason', { to: 'stopped' }, 'stopReason', 'Choose why it stopped'],
      ['an unknown reason', { to: 'stopped', stopReason: 'bored' }, 'stopReason', 'Choose why it stopped'],
      ['a reason without a stop', { to: 'introduced', stopReason: 'other' }, 'stopReason', 'Only a stopped connection has a reason'],
      ['a stop note without a stop', { to: 'introduced', stopNote: 'why' }, 'stopNote', 'Only a stopped connection has a stop note'],
      ['an unknown status', { to: 'finished' }, 'to', 'Choose the new status'],
      ['a date in the future', { to: 'introduced', on: '2026-03-03' }, 'on', 'The date cannot be in the future'],
      ['a date before the referral', { to: 'introduced', on: '2026-03-01' }, 'on', 'The date cannot be before the referral was received'],
      ['a date that is not a date', { to: 'introduced', on: '2026-02-30' }, 'on', 'Use a real date, like 2026-11-22'],
      ['a stop note too long', { to: 'stopped', stopReason: 'other', stopNote: 'x'.repeat(2001) }, 'stopNote', 'Use at most 2000 characters'],
    ];
    it.each(moves)('moving with %s', async (_name, change, field, message) => {
      const { worker } = await casework();
      const { episode } = await personWithEpisode(worker);
      const service = await createEntry(worker);
      const created = await ok<Connection>(worker, 'connections.create', { episodeId: episode.id, serviceId: service.id });
      const error = await refused(worker, 'connections.move', { connectionId: created.id, ...change });
      expect(error.code).toBe('invalid_input');
      expect(error.fields?.[field]).toBe(message);
    });

    it('a status date before the previous one', async () => {
      const { worker, clock } = await casework();
      const { episode } = await personWithEpisode(worker);
      const service = await createEntry(worker);
      advanceDays(clock, 5);
      const created = await ok<Connection>(worker, 'connections.create', { episodeId: episode.id, serviceId: service.id });
      const error = await refused(worker, 'connections.move', { connectionId: created.id, to: 'introduced', on: '2026-03-04' });
      expect(error.fields).toEqual({ on: 'The date cannot be before the last status change' });
    });

    const creates: [string, Record<string, unknown>, string, string][] = [
      ['a service not in the directory', { serviceId: '00000000-0000-4000-8000-000000000000' }, 'serviceId', 'Choose a group or service from the directory'],
      ['a goal not in the plan', { goalId: '00000000-0000-4000-8000-000000000000' }, 'goalId', 'Choose a goal from this person’s plan'],
      ['a date before the referral', { on: '2026-03-01' }, 'on', 'The date cannot be before the referral was received'],
      ['a date in the future', { on: '2026-03-03' }, 'on', 'The date cannot be in the future'],
      ['a handover note too long', { handoverNote: 'x'.repeat(4001) }, 'handoverNote', 'Use at most 4000 characters'],
      ['control characters in the note', { handoverNote: 'bell\u0007' }, 'handoverNote', 'Remove control characters'],
    ];
    it.each(creates)('connecting with %s', async (_name, change, field, message) => {
      const { worker } = await casework();
      const { episode } = await personWithEpisode(worker);
      const service = await createEntry(worker);
      const error = await refused(worker, 'connections.create', { episodeId: episode.id, serviceId: service.id, ...change });
      expect(error.code).toBe('invalid_input');
      expect(error.fields?.[field]).toBe(message);
      expect(await ok<Connection[]>(worker, 'connections.list', { episodeId: episode.id })).toEqual([]);
    });

    it('listing needs a person or a referral, not both', async () => {
      const { worker } = await casework();
      const { person, episode } = await personWithEpisode(worker);
      expect((await refused(worker, 'connections.list', {})).fields).toEqual({ personId: 'Choose a person or a referral' });
      expect((await refused(worker, 'connections.list', { personId: person.id, episodeId: episode.id })).fields).toEqual({ personId: 'Choose a person or a referral' });
    });
  });

  it.each(['closed', 'paused'])('refuses to connect anyone to a %s service, saying so', async (status) => {
    const { worker } = await casework();
    const { episode } = await personWithEpisode(worker);
    const service = await createEntry(worker, { status });
    const error = await refused(worker, 'connections.create', { episodeId: episode.id, serviceId: service.id });
    expect(error.code).toBe('conflict');
    expect(error.message).toBe(`“Tuesday Knit and Natter” is ${status}, so no one can be connected to it. Choose an active group or service.`);
    expect(await ok<Connection[]>(worker, 'connections.list', { episodeId: episode.id })).toEqual([]);
  });

  it('refuses a second connection in progress to the same service from the same referral, but allows one after the first ended', async () => {
    const { worker } = await casework();
    const { episode } = await personWithEpisode(worker);
    const service = await createEntry(worker);
    const first = await ok<Connection>(worker, 'connections.create', { episodeId: episode.id, serviceId: service.id });
    const error = await refused(worker, 'connections.create', { episodeId: episode.id, serviceId: service.id });
    expect(error).toMatchObject({ code: 'conflict', message: 'This person is already connected to that group or service from this referral.' });
    await ok(worker, 'connections.move', { connectionId: first.id, to: 'stopped', stopReason: 'person_choice' });
    await ok(worker, 'connections.create', { episodeId: episode.id, serviceId: service.id });
    expect(await ok<Connection[]>(worker, 'connections.list', { episodeId: episode.id })).toHaveLength(2);
  });

  it('keeps a closed referral’s connections as they are', async () => {
    const { worker } = await casework();
    const { episode } = await personWithEpisode(worker);
    const service = await createEntry(worker);
    const created = await ok<Connection>(worker, 'connections.create', { episodeId: episode.id, serviceId: service.id });
    await ok(worker, 'episodes.transition', { episodeId: episode.id, to: 'closed', closureReason: 'moved_away' });
    const message = 'This referral is closed, so its connections cannot change.';
    expect(await refused(worker, 'connections.create', { episodeId: episode.id, serviceId: service.id })).toMatchObject({ code: 'conflict', message });
    expect(await refused(worker, 'connections.move', { connectionId: created.id, to: 'introduced' })).toMatchObject({ code: 'conflict', message });
  });

  it('lists a person’s connections across referrals, newest first, for link workers and GP supervisors but not admins, and audits with ids only', async () => {
    const { worker, as } = await casework();
    const { person, episode } = await personWithEpisode(worker);
    const knit = await createEntry(worker);
    const debt = await createEntry(worker, { name: 'Debt Advice Drop-in', category: 'debt_advice' });
    const a = await ok<Connection>(worker, 'connections.create', { episodeId: episode.id, serviceId: knit.id, handoverNote: NOTE });
    await ok(worker, 'connections.move', { connectionId: a.id, to: 'introduced' });
    await ok(worker, 'episodes.transition', { episodeId: episode.id, to: 'closed', closureReason: 'goals_met' });
    const second = await ok<{ id: string }>(worker, 'episodes.create', { personId: person.id, source: 'self', receivedOn: '2026-03-02', reasons: ['money'] });
    const b = await ok<Connection>(worker, 'connections.create', { episodeId: second.id, serviceId: debt.id });

    const supervisor = await as('supervisor');
    expect((await ok<Connection[]>(supervisor, 'connections.list', { personId: person.id })).map((c) => c.id)).toEqual([b.id, a.id]);
    expect((await ok<Connection[]>(supervisor, 'connections.list', { episodeId: second.id })).map((c) => c.id)).toEqual([b.id]);
    const admin = await as('admin');
    expect((await refused(admin, 'connections.list', { personId: person.id })).code).toBe('forbidden');
    expect((await refused(supervisor, 'connections.create', { episodeId: episode.id, serviceId: debt.id })).code).toBe('forbidden');
    expect((await refused(admin, 'connections.move', { connectionId: b.id, to: 'introduced' })).code).toBe('forbidden');

    const created = auditOf(worker, 'connection.created');
    expect(created).toHaveLength(2);
    expect(created[0]).toMatchObject({ entity_type: 'person', entity_id: person.id });
    expect(JSON.parse(created[0]!.details_json)).toEqual({ episodeId: episode.id, connectionId: a.id, serviceId: knit.id, goalId: null });
    const [moved] = auditOf(worker, 'connection.moved');
    expect(JSON.parse(moved!.details_json)).toEqual({ episodeId: episode.id, connectionId: a.id, from: 'suggested', to: 'introduced', stopReason: null });
    const viewed = auditOf(worker, 'connection.viewed');
    expect(viewed.map((row) => JSON.parse(row.details_json))).toEqual([
      { episodeId: null, count: 2 },
      { episodeId: second.id, count: 1 },
    ]);
    const everything = auditOf(worker).map((row) => row.details_json).join('\n');
    expect(everything).not.toContain('quiet corner');
    expect(everything).not.toContain(person.familyName);
  });

  it('shows on the directory how many distinct people were connected to each entry, never who', async () => {
    const { worker, as } = await casework();
    const first = await personWithEpisode(worker);
    const second = await personWithEpisode(worker);
    const knit = await createEntry(worker);
    const quiet = await createEntry(worker, { name: 'Quiet Walk', category: 'walking_groups' });
    // Two people, three connections: the first person twice (once stopped, then again).
    const stopped = await ok<Connection>(worker, 'connections.create', { episodeId: first.episode.id, serviceId: knit.id });
    await ok(worker, 'connections.move', { connectionId: stopped.id, to: 'stopped', stopReason: 'person_choice' });
    await ok(worker, 'connections.create', { episodeId: first.episode.id, serviceId: knit.id });
    await ok(worker, 'connections.create', { episodeId: second.episode.id, serviceId: knit.id });

    const admin = await as('admin');
    const { rows } = await ok<{ rows: DirectoryRow[] }>(admin, 'directory.list', {});
    expect(Object.fromEntries(rows.map((row) => [row.name, row.connectionCount]))).toEqual({ 'Tuesday Knit and Natter': 2, 'Quiet Walk': 0 });
    expect((await ok<DirectoryEntry>(admin, 'directory.get', { id: knit.id })).connectionCount).toBe(2);
    expect((await ok<DirectoryEntry>(admin, 'directory.get', { id: quiet.id })).connectionCount).toBe(0);
    const text = JSON.stringify(rows);
    expect(text).not.toContain(first.person.familyName);
  });
});
