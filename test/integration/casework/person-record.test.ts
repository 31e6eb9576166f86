import { describe, expect, it } from 'vitest';
import type { CodingItem, Contact, Episode } from '../../../src/shared/ipc/casework-schemas';
import { advanceDays, auditOf, casework, createEpisode, createPerson, personWithEpisode, recordContact, uniquePerson } from '../../support/casework';
import { findInFiles, ok, refused } from '../../support/workspace';

interface PersonRecord {
  person: { id: string; givenName: string };
  flags: string[];
  episodes: Episode[];
  contacts: Contact[];
  notes: { id: string; text: string }[];
  timeline: { at: string; kind: string; episodeId: string | null; summary: string }[];
}

describe("a person's record", () => {
  it('holds their referrals (newest first, with counts and worker names), contacts, notes and a timeline of everything, newest first', async () => {
    const { worker, clock, names } = await casework('2026-01-05T09:00:00Z');
    const person = await createPerson(worker, uniquePerson());
    const first = await createEpisode(worker, person.id, { receivedOn: '2026-01-05', source: 'gp_practice' });
    await recordContact(worker, first.id, { at: '2026-01-05T10:00:00Z', decision: 'declined', mode: 'phone', durationMinutes: 15 });
    advanceDays(clock, 3);
    await ok(worker, 'episodes.transition', { episodeId: first.id, to: 'closed', closureReason: 'declined' });
    advanceDays(clock, 30);
    const second = await createEpisode(worker, person.id, { receivedOn: '2026-02-05', source: 'self', notes: 'Asked to come back' });
    clock.advance(3_600_000);
    await recordContact(worker, second.id, { decision: 'accepted', mode: 'face_to_face', durationMinutes: 50, notes: 'Wants to try the choir' });
    clock.advance(3_600_000);
    await ok(worker, 'people.addNote', { personId: person.id, episodeId: second.id, text: 'Choir meets on Thursdays' });
    clock.advance(3_600_000);
    const [code] = await ok<CodingItem[]>(worker, 'coding.queue', { includeRecorded: true }).then((items) => items.filter((i) => i.episodeId === second.id));
    await ok(worker, 'coding.markRecorded', { itemId: code!.id, recordedOn: '2026-02-07' });

    const record = await ok<PersonRecord>(worker, 'people.get', { personId: person.id });
    expect(record.episodes.map((e) => [e.id, e.status, e.contactCount, e.workerName])).toEqual([
      [second.id, 'accepted', 1, names.worker],
      [first.id, 'closed', 1, names.worker],
    ]);
    expect(record.contacts.map((c) => [c.episodeId, c.mode, c.notes])).toEqual([
      [second.id, 'face_to_face', 'Wants to try the choir'],
      [first.id, 'phone', null],
    ]);
    expect(record.notes.map((n) => n.text)).toEqual(['Choir meets on Thursdays']);
    expect(record.timeline.map((item) => [item.kind, item.summary])).toEqual([
      ['note', 'Note: Choir meets on Thursdays'],
      ['code_queued', 'GP code 871731000000106 (Referral to social prescribing service) queued, due by 2026-02-14'],
      ['status_changed', 'Referral moved from Contacted to Accepted'],
      ['status_changed', 'Referral moved from Received to Contacted'],
      ['contact', 'Face to face contact, 50 minutes: Wants to try the choir'],
      ['code_recorded', 'GP code 871731000000106 (Referral to social prescribing service) recorded in the GP record'],
      ['referral_received', 'Referral received from Self-referral'],
      ['status_changed', 'Referral moved from Declined to Closed (Declined social prescribing)'],
      ['contact', 'Phone contact, 15 minutes'],
      ['code_queued', 'GP code 871711000000103 (Social prescribing declined) queued, due by 2026-01-12'],
      ['status_changed', 'Referral moved from Contacted to Declined'],
      ['status_changed', 'Referral moved from Received to Contacted'],
      ['referral_received', 'Referral received from GP and wider general practice'],
    ]);
    expect(record.timeline.filter((item) => item.kind !== 'note').every((item) => [first.id, second.id].includes(item.episodeId!))).toBe(true);
    const times = record.timeline.map((item) => item.at);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('records who opened it, every time', async () => {
    const { worker, as, ids } = await casework();
    const { person } = await personWithEpisode(worker);
    await ok(worker, 'people.get', { personId: person.id });
    await ok(worker, 'people.get', { personId: person.id });
    const supervisor = await as('supervisor');
    await ok(supervisor, 'people.get', { personId: person.id });
    const views = auditOf(worker, 'person.viewed');
    expect(views.map((row) => [row.actor_user_id, row.entity_type, row.entity_id, row.details_json])).toEqual([
      [ids.worker, 'person', person.id, '{}'],
      [ids.worker, 'person', person.id, '{}'],
      [ids.supervisor, 'person', person.id, '{}'],
    ]);
  });

  it('answers not_found for someone who does not exist, and records no view', async () => {
    const { worker } = await casework();
    expect(await refused(worker, 'people.get', { personId: '00000000-0000-4000-8000-000000000000' })).toEqual({ code: 'not_found', message: 'That person does not exist.' });
    expect(auditOf(worker, 'person.viewed')).toHaveLength(0);
  });
});

describe('who may do what with casework', () => {
  it('lets a GP supervisor read records, the caseload and search, but change nothing', async () => {
    const { worker, as } = await casework();
    const { person, episode } = await personWithEpisode(worker);
    const supervisor = await as('supervisor');
    expect((await ok<PersonRecord>(supervisor, 'people.get', { personId: person.id })).person.id).toBe(person.id);
    await ok(supervisor, 'people.search', { query: person.givenName });
    await ok(supervisor, 'caseload.list', { page: 0, pageSize: 10 });
    const writes: [string, Record<string, unknown>][] = [
      ['people.create', uniquePerson()],
      ['people.update', { ...uniquePerson(), personId: person.id, rowVersion: 1 }],
      ['people.addNote', { personId: person.id, text: 'A note' }],
      ['episodes.create', { personId: person.id, source: 'self', receivedOn: '2026-03-02', reasons: ['housing'] }],
      ['episodes.transition', { episodeId: episode.id, to: 'contacted' }],
      ['episodes.plan', { episodeId: episode.id, nextContactOn: '2026-03-09' }],
      ['contacts.record', { episodeId: episode.id, at: '2026-03-02T09:00:00Z', mode: 'phone' }],
    ];
    for (const [channel, input] of writes) {
      expect(await refused(supervisor, channel, input), channel).toEqual({ code: 'forbidden', message: 'Your role does not allow this.' });
    }
    expect((await ok<PersonRecord>(worker, 'people.get', { personId: person.id })).episodes[0]!.status).toBe('received');
  });

  it('keeps person records, search and the caseload from admins, and records the refusal', async () => {
    const { worker, as, ids } = await casework();
    const { person } = await personWithEpisode(worker);
    const admin = await as('admin');
    for (const [channel, input] of [
      ['people.get', { personId: person.id }],
      ['people.search', { query: 'Given' }],
      ['caseload.list', { page: 0, pageSize: 10 }],
    ] as const) {
      expect((await refused(admin, channel, input)).code, channel).toBe('forbidden');
    }
    expect(auditOf(worker, 'access.denied').filter((row) => row.actor_user_id === ids.admin)).toHaveLength(3);
    expect(auditOf(worker, 'person.viewed')).toHaveLength(0);
  });
});

describe('privacy', () => {
  it('keeps everything a record holds inside the encrypted database, and out of the audit log', async () => {
    const { worker, folder } = await casework();
    const secrets = {
      nhsNumber: '9434765919',
      givenName: 'Perpetua',
      familyName: 'Quillfeather',
      preferredName: 'Petal',
      phone: '07700 900456',
      addressLine1: '17 Marigold Crescent',
      carerOrNextOfKin: 'Brother Bartholomew',
    };
    const person = await createPerson(worker, { ...uniquePerson(), ...secrets });
    const episode = await createEpisode(worker, person.id, { notes: 'Referred after a bereavement in Harrogate', referrerName: 'Dr Ottoline Vance' });
    await recordContact(worker, episode.id, { notes: 'Spoke about the Wednesday pottery class', decision: 'accepted' });
    await ok(worker, 'people.addNote', { personId: person.id, text: 'Allergic to cats' });
    await ok(worker, 'people.get', { personId: person.id });
    await ok(worker, 'people.search', { query: 'Perpetua' });
    await ok(worker, 'people.search', { query: 'pottery' });
    const needles = [...Object.values(secrets), '943 476 5919', 'Harrogate', 'Ottoline', 'pottery', 'Allergic'];

    const auditText = JSON.stringify(auditOf(worker));
    for (const needle of needles) expect(auditText, needle).not.toContain(needle);
    expect(auditOf(worker, 'people.searched').map((row) => JSON.parse(row.details_json))).toEqual([{ resultCount: 1 }, { resultCount: 1 }]);

    await worker.signOut();
    expect(findInFiles(folder, needles)).toEqual([]);
  });
});
