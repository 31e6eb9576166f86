import { describe, expect, it } from 'vitest';
import type { Contact, Episode } from '../../../src/shared/ipc/casework-schemas';
import { auditOf, casework, episodeOf, personWithEpisode, recordContact } from '../../support/casework';
import { ok, refused } from '../../support/workspace';

const SNOMED_REFERRAL = '871731000000106';
const SNOMED_DECLINED = '871711000000103';

function queuedCodes(session: Awaited<ReturnType<typeof casework>>['worker'], episodeId: string) {
  return session.requireUnlocked().raw.prepare('SELECT code, contact_on, due_on FROM coding_queue WHERE episode_id = ? ORDER BY code').all(episodeId);
}

describe('recording a contact', () => {
  it('keeps what happened and who recorded it', async () => {
    const { worker, names } = await casework();
    const { episode } = await personWithEpisode(worker);
    const contact = await recordContact(worker, episode.id, {
      at: '2026-03-02T10:30:00+00:00',
      mode: 'home_visit',
      durationMinutes: 45,
      attendees: 'Daughter',
      notes: 'Talked about what matters: getting out to the allotment',
    });
    expect(contact).toMatchObject({
      episodeId: episode.id,
      at: '2026-03-02T10:30:00.000Z',
      mode: 'home_visit',
      durationMinutes: 45,
      attendees: 'Daughter',
      notes: 'Talked about what matters: getting out to the allotment',
      didNotAttend: false,
      recordedBy: names.worker,
    });
    const [entry] = auditOf(worker, 'contact.recorded');
    expect(JSON.parse(entry!.details_json)).toEqual({ episodeId: episode.id, contactId: contact.id, mode: 'home_visit', didNotAttend: false, decision: null });
  });

  describe('refuses details that are not right, naming the field', () => {
    const cases: [string, Record<string, unknown>, string, string][] = [
      ['a time more than a day ahead', { at: '2026-03-03T09:00:01Z' }, 'at', 'The contact cannot be more than a day in the future'],
      ['a time before the referral was received', { at: '2026-03-01T16:00:00Z' }, 'at', 'The contact cannot be before the referral was received'],
      ['a time that is not a time', { at: 'Tuesday' }, 'at', 'Use a real date and time'],
      ['no way it happened', { mode: undefined }, 'mode', 'Choose how the contact happened'],
      ['a negative duration', { durationMinutes: -5 }, 'durationMinutes', 'Use 0 minutes or more'],
      ['a duration over 10 hours', { durationMinutes: 601 }, 'durationMinutes', 'Use at most 600 minutes'],
      ['part minutes', { durationMinutes: 12.5 }, 'durationMinutes', 'Use whole minutes'],
      ['a decision by someone who did not attend', { didNotAttend: true, decision: 'accepted' }, 'decision', 'Someone who did not attend cannot accept or decline'],
      ['an unknown decision', { decision: 'maybe' }, 'decision', 'Invalid option: expected one of "accepted"|"declined"'],
    ];
    it.each(cases)('%s', async (_what, change, field, message) => {
      const { worker } = await casework();
      const { episode } = await personWithEpisode(worker);
      const error = await refused(worker, 'contacts.record', { episodeId: episode.id, at: '2026-03-02T09:00:00Z', mode: 'phone', ...change });
      expect(error.code).toBe('invalid_input');
      expect(error.fields?.[field]).toBe(message);
      expect(worker.requireUnlocked().raw.prepare('SELECT count(*) AS n FROM contacts').get()).toEqual({ n: 0 });
    });
  });

  it('allows a contact up to a day ahead (a visit booked for tomorrow morning)', async () => {
    const { worker } = await casework();
    const { episode } = await personWithEpisode(worker);
    await recordContact(worker, episode.id, { at: '2026-03-03T09:00:00Z' });
  });

  it('refuses a contact on a closed referral', async () => {
    const { worker } = await casework();
    const { episode } = await personWithEpisode(worker);
    await ok(worker, 'episodes.transition', { episodeId: episode.id, to: 'closed', closureReason: 'disengaged' });
    expect(await refused(worker, 'contacts.record', { episodeId: episode.id, at: '2026-03-02T09:00:00Z', mode: 'phone' })).toEqual({
      code: 'conflict',
      message: 'This referral is closed. Contacts cannot be added to a closed referral.',
    });
  });
});

describe('contacts move the referral on', () => {
  it('the first attended contact makes a received referral contacted; a missed one does not', async () => {
    const { worker } = await casework();
    const { person, episode } = await personWithEpisode(worker);
    await recordContact(worker, episode.id, { didNotAttend: true });
    expect(await episodeOf(worker, person.id, episode.id)).toMatchObject({ status: 'received', contactCount: 0, lastContactOn: null });
    await recordContact(worker, episode.id);
    expect(await episodeOf(worker, person.id, episode.id)).toMatchObject({ status: 'contacted', contactCount: 1, lastContactOn: '2026-03-02' });
    expect(queuedCodes(worker, episode.id)).toEqual([]);
  });

  it('accepting at the first contact makes it accepted and queues the referral code, due a week after the contact', async () => {
    const { worker } = await casework();
    const { person, episode } = await personWithEpisode(worker, { receivedOn: '2026-02-20' });
    await recordContact(worker, episode.id, { at: '2026-02-24T14:00:00Z', decision: 'accepted' });
    expect((await episodeOf(worker, person.id, episode.id)).status).toBe('accepted');
    expect(queuedCodes(worker, episode.id)).toEqual([{ code: SNOMED_REFERRAL, contact_on: '2026-02-24', due_on: '2026-03-03' }]);
    const history = worker.requireUnlocked().raw.prepare('SELECT from_status, to_status FROM episode_status_history WHERE episode_id = ? ORDER BY id').all(episode.id);
    expect(history).toEqual([
      { from_status: null, to_status: 'received' },
      { from_status: 'received', to_status: 'contacted' },
      { from_status: 'contacted', to_status: 'accepted' },
    ]);
  });

  it('declining makes it declined and queues the declined code', async () => {
    const { worker } = await casework();
    const { person, episode } = await personWithEpisode(worker);
    await recordContact(worker, episode.id);
    await recordContact(worker, episode.id, { decision: 'declined' });
    expect((await episodeOf(worker, person.id, episode.id)).status).toBe('declined');
    expect(queuedCodes(worker, episode.id)).toEqual([{ code: SNOMED_DECLINED, contact_on: '2026-03-02', due_on: '2026-03-09' }]);
    // A declined referral can still have a contact noted (a follow-up call), but stays declined.
    await recordContact(worker, episode.id);
    expect((await episodeOf(worker, person.id, episode.id)).status).toBe('declined');
  });

  it('the next attended contact after acceptance makes it active', async () => {
    const { worker } = await casework();
    const { person, episode } = await personWithEpisode(worker);
    await recordContact(worker, episode.id, { decision: 'accepted' });
    await recordContact(worker, episode.id, { didNotAttend: true });
    expect((await episodeOf(worker, person.id, episode.id)).status).toBe('accepted');
    await recordContact(worker, episode.id);
    expect((await episodeOf(worker, person.id, episode.id)).status).toBe('active');
  });

  it('refuses a decision once the first contact is past, and never queues the referral code twice', async () => {
    const { worker } = await casework();
    const { person, episode } = await personWithEpisode(worker);
    await recordContact(worker, episode.id, { decision: 'accepted' });
    expect(await refused(worker, 'contacts.record', { episodeId: episode.id, at: '2026-03-02T09:00:00Z', mode: 'phone', decision: 'accepted' })).toEqual({
      code: 'conflict',
      message: 'This referral is Accepted. Accepting or declining is recorded at the first contact, while a referral is Received or Contacted.',
    });
    await recordContact(worker, episode.id);
    expect(await refused(worker, 'contacts.record', { episodeId: episode.id, at: '2026-03-02T09:00:00Z', mode: 'phone', decision: 'declined' })).toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('This referral is Active.'),
    });
    expect(queuedCodes(worker, episode.id)).toHaveLength(1);
    expect((await episodeOf(worker, person.id, episode.id)).contactCount).toBe(2);
  });

  it('counts attended contacts only, and takes the first and last by when they happened, not when they were entered', async () => {
    const { worker, clock } = await casework();
    const { person, episode } = await personWithEpisode(worker);
    clock.advance(20 * 86_400_000);
    await recordContact(worker, episode.id, { at: '2026-03-12T10:00:00Z' });
    await recordContact(worker, episode.id, { at: '2026-03-05T10:00:00Z' });
    await recordContact(worker, episode.id, { at: '2026-03-20T10:00:00Z', didNotAttend: true });
    await recordContact(worker, episode.id, { at: '2026-03-09T10:00:00Z' });
    expect(await episodeOf(worker, person.id, episode.id)).toMatchObject({ contactCount: 3, lastContactOn: '2026-03-12' });
    const row = worker.requireUnlocked().raw.prepare('SELECT first_contact_at, last_contact_at FROM episodes WHERE id = ?').get(episode.id);
    expect(row).toEqual({ first_contact_at: '2026-03-05T10:00:00.000Z', last_contact_at: '2026-03-12T10:00:00.000Z' });
    const record = await ok<{ contacts: Contact[] }>(worker, 'people.get', { personId: person.id });
    expect(record.contacts.map((contact) => contact.at.slice(0, 10))).toEqual(['2026-03-20', '2026-03-12', '2026-03-09', '2026-03-05']);
  });

  it('moves a referral on by hand too: setting accepted after the first contact queues the code due a week after that contact', async () => {
    const { worker, clock } = await casework();
    const { episode } = await personWithEpisode(worker);
    await recordContact(worker, episode.id);
    clock.advance(3 * 86_400_000);
    const accepted = await ok<Episode>(worker, 'episodes.transition', { episodeId: episode.id, to: 'accepted' });
    expect(accepted.status).toBe('accepted');
    expect(queuedCodes(worker, episode.id)).toEqual([{ code: SNOMED_REFERRAL, contact_on: '2026-03-02', due_on: '2026-03-09' }]);
  });
});
