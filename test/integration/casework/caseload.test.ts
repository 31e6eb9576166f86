import { describe, expect, it } from 'vitest';
import type { WorkspaceSession } from '../../../src/main/services/workspace-session';
import { CASELOAD_FLAG_CODES, CASELOAD_SORT_FIELDS, type CaseloadRow, type CodingItem } from '../../../src/shared/ipc/casework-schemas';
import { advanceDays, casework, caseloadRow, createEpisode, createPerson, personWithEpisode, recordContact, uniquePerson } from '../../support/casework';
import { ok, refused } from '../../support/workspace';

async function list(session: WorkspaceSession, query: Record<string, unknown> = {}) {
  return ok<{ rows: CaseloadRow[]; total: number }>(session, 'caseload.list', { page: 0, pageSize: 100, ...query });
}

async function flagsOf(session: WorkspaceSession, episodeId: string): Promise<string[]> {
  const row = await caseloadRow(session, episodeId);
  expect(row, 'caseload row').toBeDefined();
  return row!.flags;
}

describe('the caseload', () => {
  it('shows each open referral with the name, age, status, worker, counts and dates a link worker needs', async () => {
    const { worker, clock, names } = await casework('2026-06-01T09:00:00Z');
    const person = await createPerson(worker, uniquePerson({ givenName: 'Robert', familyName: 'Jones', preferredName: 'Bob', dateOfBirth: '1960-06-02' }));
    const episode = await createEpisode(worker, person.id, { source: 'housing_association', receivedOn: '2026-05-04', reasons: ['housing', 'money'] });
    await recordContact(worker, episode.id, { at: '2026-05-05T10:00:00Z', decision: 'accepted' });
    await recordContact(worker, episode.id, { at: '2026-05-20T10:00:00Z' });
    await recordContact(worker, episode.id, { at: '2026-05-27T10:00:00Z', didNotAttend: true });
    await ok(worker, 'episodes.plan', { episodeId: episode.id, nextContactOn: '2026-06-08' });
    expect(await caseloadRow(worker, episode.id)).toEqual({
      episodeId: episode.id,
      personId: person.id,
      name: 'Bob Jones',
      age: 65,
      status: 'active',
      workerName: names.worker,
      source: 'housing_association',
      receivedOn: '2026-05-04',
      weeksOnCaseload: 4,
      contactCount: 2,
      lastContactOn: '2026-05-20',
      nextContactOn: '2026-06-08',
      flags: ['coding_overdue'],
    });
    advanceDays(clock, 1);
    expect(await caseloadRow(worker, episode.id)).toMatchObject({ age: 66, weeksOnCaseload: 4 });
    advanceDays(clock, 6);
    expect((await caseloadRow(worker, episode.id))!.weeksOnCaseload).toBe(5);
  });

  it('uses the given name when there is no preferred name', async () => {
    const { worker } = await casework();
    const { episode } = await personWithEpisode(worker, {}, { givenName: 'Amira', familyName: 'Haddad' });
    expect((await caseloadRow(worker, episode.id))!.name).toBe('Amira Haddad');
  });

  it('lists the active link workers a caseload can be filtered by', async () => {
    const { worker, ids, names, as } = await casework();
    const expected = [
      { id: ids.worker, displayName: names.worker },
      { id: ids.otherWorker, displayName: names.otherWorker },
    ].sort((a, b) => a.displayName.localeCompare(b.displayName));
    expect(await ok(worker, 'caseload.workers', {})).toEqual(expected);
    expect(await ok(await as('supervisor'), 'caseload.workers', {})).toEqual(expected);
  });

  it('is open to GP supervisors but not to admins', async () => {
    const { worker, as } = await casework();
    const { episode } = await personWithEpisode(worker);
    expect(await caseloadRow(await as('supervisor'), episode.id)).toBeDefined();
    expect((await refused(await as('admin'), 'caseload.list', { page: 0, pageSize: 10 })).code).toBe('forbidden');
  });
});

describe('caseload flags, as time passes and work is done', () => {
  it('no first contact: on once the working-day deadline has passed, off after an attended contact', async () => {
    const { worker, clock } = await casework('2026-03-02T09:00:00Z'); // a Monday
    const { episode } = await personWithEpisode(worker, { receivedOn: '2026-03-02' });
    advanceDays(clock, 7); // Monday 9 March: due today
    expect(await flagsOf(worker, episode.id)).not.toContain('no_first_contact');
    advanceDays(clock, 1);
    expect(await flagsOf(worker, episode.id)).toContain('no_first_contact');
    await recordContact(worker, episode.id, { didNotAttend: true });
    expect(await flagsOf(worker, episode.id)).toContain('no_first_contact');
    await recordContact(worker, episode.id);
    expect(await flagsOf(worker, episode.id)).not.toContain('no_first_contact');
  });

  it('no first contact: counts working days, so Easter pushes the deadline back', async () => {
    const { worker, clock } = await casework('2026-04-01T09:00:00Z');
    const { episode } = await personWithEpisode(worker, { receivedOn: '2026-04-01' }); // due Friday 10 April
    advanceDays(clock, 9);
    expect(await flagsOf(worker, episode.id)).not.toContain('no_first_contact');
    advanceDays(clock, 1);
    expect(await flagsOf(worker, episode.id)).toContain('no_first_contact');
  });

  it('over 12 weeks: on after 84 days open, off once closed', async () => {
    const { worker, clock } = await casework('2026-03-02T09:00:00Z');
    const { episode } = await personWithEpisode(worker, { receivedOn: '2026-03-02' });
    advanceDays(clock, 84);
    expect(await flagsOf(worker, episode.id)).not.toContain('over_12_weeks');
    advanceDays(clock, 1);
    expect(await flagsOf(worker, episode.id)).toContain('over_12_weeks');
    await ok(worker, 'episodes.transition', { episodeId: episode.id, to: 'closed', closureReason: 'goals_met' });
    expect(await flagsOf(worker, episode.id)).not.toContain('over_12_weeks');
  });

  it('over 12 contacts: on at the thirteenth attended contact', async () => {
    const { worker } = await casework();
    const { episode } = await personWithEpisode(worker);
    await recordContact(worker, episode.id, { decision: 'accepted' });
    for (let n = 2; n <= 12; n += 1) await recordContact(worker, episode.id);
    await recordContact(worker, episode.id, { didNotAttend: true });
    expect(await flagsOf(worker, episode.id)).not.toContain('over_12_contacts');
    await recordContact(worker, episode.id);
    expect(await flagsOf(worker, episode.id)).toContain('over_12_contacts');
  });

  it('no recent contact: on 22 days after the last attended contact, off after the next one; not for referrals still awaiting a first contact', async () => {
    const { worker, clock } = await casework('2026-03-02T09:00:00Z');
    const { episode } = await personWithEpisode(worker, { receivedOn: '2026-03-02' });
    const waiting = await personWithEpisode(worker, { receivedOn: '2026-03-02' });
    await recordContact(worker, episode.id);
    advanceDays(clock, 21);
    expect(await flagsOf(worker, episode.id)).not.toContain('no_recent_contact');
    advanceDays(clock, 1);
    expect(await flagsOf(worker, episode.id)).toContain('no_recent_contact');
    expect(await flagsOf(worker, waiting.episode.id)).not.toContain('no_recent_contact');
    await recordContact(worker, episode.id, { didNotAttend: true });
    expect(await flagsOf(worker, episode.id)).toContain('no_recent_contact');
    await recordContact(worker, episode.id);
    expect(await flagsOf(worker, episode.id)).not.toContain('no_recent_contact');
  });

  it('no recent contact: counts from receipt for a referral moved on by hand without a contact', async () => {
    const { worker } = await casework('2026-03-02T09:00:00Z');
    const { episode } = await personWithEpisode(worker, { receivedOn: '2026-02-01' });
    await ok(worker, 'episodes.transition', { episodeId: episode.id, to: 'contacted' });
    expect(await flagsOf(worker, episode.id)).toContain('no_recent_contact');
  });

  it('coding overdue: on the day after the code was due, off once it is recorded', async () => {
    const { worker, clock } = await casework('2026-03-02T09:00:00Z');
    const { episode } = await personWithEpisode(worker);
    await recordContact(worker, episode.id, { decision: 'accepted' });
    advanceDays(clock, 7);
    expect(await flagsOf(worker, episode.id)).not.toContain('coding_overdue');
    advanceDays(clock, 1);
    expect(await flagsOf(worker, episode.id)).toContain('coding_overdue');
    const [item] = await ok<CodingItem[]>(worker, 'coding.queue', {});
    await ok(worker, 'coding.markRecorded', { itemId: item!.id, recordedOn: '2026-03-10' });
    expect(await flagsOf(worker, episode.id)).not.toContain('coding_overdue');
  });

  it('review due: on from the review date, off when the review moves later', async () => {
    const { worker, clock } = await casework('2026-03-02T09:00:00Z');
    const { episode } = await personWithEpisode(worker);
    await ok(worker, 'episodes.plan', { episodeId: episode.id, reviewDueOn: '2026-03-20' });
    advanceDays(clock, 17);
    expect(await flagsOf(worker, episode.id)).not.toContain('review_due');
    advanceDays(clock, 1);
    expect(await flagsOf(worker, episode.id)).toContain('review_due');
    advanceDays(clock, 5);
    expect(await flagsOf(worker, episode.id)).toContain('review_due');
    await ok(worker, 'episodes.plan', { episodeId: episode.id, reviewDueOn: '2026-04-20' });
    expect(await flagsOf(worker, episode.id)).not.toContain('review_due');
  });

  it('NHS number not known: on until the number is added', async () => {
    const { worker } = await casework();
    const { person, episode } = await personWithEpisode(worker, {}, { nhsNumber: '' });
    expect(await flagsOf(worker, episode.id)).toEqual(['nhs_number_unknown']);
    const { person: details } = await ok<{ person: Record<string, unknown> }>(worker, 'people.get', { personId: person.id });
    const { id: _id, ...form } = details;
    await ok(worker, 'people.update', { ...form, personId: person.id, nhsNumber: '9434765919' });
    expect(await flagsOf(worker, episode.id)).toEqual([]);
  });

  it('filters by each flag in exactly the rows that show it', async () => {
    const { worker, clock } = await casework('2026-01-05T09:00:00Z');
    const made: string[] = [];
    // A spread of referrals in different states and ages.
    for (const [received, contacts, accepted, nhsNumber, review] of [
      ['2026-01-05', 0, false, undefined, ''],
      ['2026-01-06', 1, false, '', ''],
      ['2026-01-07', 2, true, undefined, '2026-02-01'],
      ['2026-01-08', 14, true, undefined, ''],
      ['2026-01-09', 1, true, '', '2026-05-01'],
      ['2026-01-10', 0, false, undefined, '2026-01-20'],
    ] as const) {
      const { episode } = await personWithEpisode(worker, { receivedOn: received }, nhsNumber === undefined ? {} : { nhsNumber });
      for (let n = 0; n < contacts; n += 1) await recordContact(worker, episode.id, { at: `${received}T12:00:00Z`, ...(n === 0 && accepted ? { decision: 'accepted' } : {}) });
      if (review) await ok(worker, 'episodes.plan', { episodeId: episode.id, reviewDueOn: review });
      made.push(episode.id);
      advanceDays(clock, 1);
    }
    for (const days of [0, 10, 30, 90]) {
      advanceDays(clock, days);
      const { rows } = await list(worker);
      expect(rows.map((row) => row.episodeId).sort()).toEqual([...made].sort());
      for (const flag of CASELOAD_FLAG_CODES) {
        const flagged = await list(worker, { flag });
        const expected = rows.filter((row) => row.flags.includes(flag)).map((row) => row.episodeId);
        expect(flagged.rows.map((row) => row.episodeId).sort(), `${flag} after ${days} more days`).toEqual(expected.sort());
        expect(flagged.total).toBe(expected.length);
      }
    }
    // By the end, every kind of flag has been seen on some row.
    const { rows } = await list(worker);
    expect(new Set(rows.flatMap((row) => row.flags))).toEqual(new Set(['no_first_contact', 'over_12_weeks', 'over_12_contacts', 'no_recent_contact', 'coding_overdue', 'review_due', 'nhs_number_unknown']));
  });
});

describe('paging, sorting and filtering', () => {
  async function spread() {
    const cw = await casework('2026-06-01T09:00:00Z');
    const { worker, as, ids } = cw;
    const other = await as('otherWorker');
    const specs = [
      { who: worker, given: 'Ada', family: 'Zephyr', dob: '1950-01-01', received: '2026-05-01', source: 'gp_practice', reasons: ['loneliness'], contacts: 3, next: '2026-06-10' },
      { who: worker, given: 'bea', family: 'Young', dob: '1990-06-15', received: '2026-04-01', source: 'pharmacy', reasons: ['money', 'housing'], contacts: 1, next: '' },
      { who: other, given: 'Cai', family: 'Xu', dob: '1975-03-03', received: '2026-05-20', source: 'self', reasons: ['housing'], contacts: 0, next: '2026-06-03' },
      { who: other, given: 'Dev', family: 'Wright', dob: '2001-12-12', received: '2026-03-15', source: 'gp_practice', reasons: ['low_mood'], contacts: 5, next: '' },
      { who: worker, given: 'Eve', family: 'Vance', dob: '1944-08-08', received: '2026-05-25', source: 'vcse', reasons: ['bereavement', 'loneliness'], contacts: 2, next: '2026-06-02' },
      { who: worker, given: 'Fin', family: 'Underwood', dob: '1966-02-02', received: '2026-02-10', source: 'gp_practice', reasons: ['money'], contacts: 4, next: '' },
      { who: worker, given: 'Gus', family: 'Thorne', dob: '1980-09-09', received: '2026-01-05', source: 'pharmacy', reasons: ['housing'], contacts: 2, next: '' },
    ];
    const episodes: string[] = [];
    for (const spec of specs) {
      const person = await createPerson(spec.who, uniquePerson({ givenName: spec.given, familyName: spec.family, dateOfBirth: spec.dob }));
      const episode = await createEpisode(spec.who, person.id, { receivedOn: spec.received, source: spec.source, reasons: spec.reasons });
      for (let n = 0; n < spec.contacts; n += 1) await recordContact(spec.who, episode.id, { at: `${spec.received}T1${n}:00:00Z`, ...(n === 0 ? { decision: 'accepted' } : {}) });
      if (spec.next) await ok(spec.who, 'episodes.plan', { episodeId: episode.id, nextContactOn: spec.next });
      episodes.push(episode.id);
    }
    // Gus's referral is closed.
    await ok(worker, 'episodes.transition', { episodeId: episodes[6], to: 'closed', closureReason: 'goals_met' });
    return { ...cw, other, episodes, ids };
  }

  it('sorts by every column, both ways, with empty dates last', async () => {
    const { worker } = await spread();
    const compare: Record<(typeof CASELOAD_SORT_FIELDS)[number], (a: CaseloadRow, b: CaseloadRow) => number> = {
      name: (a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()),
      age: (a, b) => a.age! - b.age!,
      status: (a, b) => ['received', 'contacted', 'accepted', 'declined', 'active', 'closed'].indexOf(a.status) - ['received', 'contacted', 'accepted', 'declined', 'active', 'closed'].indexOf(b.status),
      weeksOnCaseload: (a, b) => a.weeksOnCaseload - b.weeksOnCaseload,
      contactCount: (a, b) => a.contactCount - b.contactCount,
      lastContactOn: (a, b) => (a.lastContactOn ?? '').localeCompare(b.lastContactOn ?? ''),
      nextContactOn: (a, b) => (a.nextContactOn ?? '').localeCompare(b.nextContactOn ?? ''),
      receivedOn: (a, b) => a.receivedOn.localeCompare(b.receivedOn),
    };
    for (const sortBy of CASELOAD_SORT_FIELDS) {
      for (const sortDirection of ['asc', 'desc'] as const) {
        const { rows } = await list(worker, { sortBy, sortDirection });
        expect(rows).toHaveLength(6);
        const sign = sortDirection === 'asc' ? 1 : -1;
        for (let i = 1; i < rows.length; i += 1) {
          const [a, b] = [rows[i - 1]!, rows[i]!];
          const nullable = sortBy === 'lastContactOn' || sortBy === 'nextContactOn';
          if (nullable && (a[sortBy] === null || b[sortBy] === null)) {
            expect(a[sortBy] === null && b[sortBy] !== null, `${sortBy} ${sortDirection}: empty dates last`).toBe(false);
            continue;
          }
          expect(sign * compare[sortBy](a, b), `${sortBy} ${sortDirection} at row ${i}`).toBeLessThanOrEqual(0);
        }
      }
    }
    expect((await list(worker, { sortBy: 'name', sortDirection: 'asc' })).rows.map((row) => row.name)).toEqual(['Ada Zephyr', 'bea Young', 'Cai Xu', 'Dev Wright', 'Eve Vance', 'Fin Underwood']);
    expect((await list(worker)).rows.map((row) => row.receivedOn)).toEqual(['2026-05-25', '2026-05-20', '2026-05-01', '2026-04-01', '2026-03-15', '2026-02-10']);
  });

  it('pages through the rows without losing or repeating any', async () => {
    const { worker } = await spread();
    const seen: string[] = [];
    for (let page = 0; page < 3; page += 1) {
      const result = await list(worker, { page, pageSize: 4, sortBy: 'name', sortDirection: 'asc' });
      expect(result.total).toBe(6);
      seen.push(...result.rows.map((row) => row.name));
    }
    expect(seen).toEqual(['Ada Zephyr', 'bea Young', 'Cai Xu', 'Dev Wright', 'Eve Vance', 'Fin Underwood']);
  });

  it('filters by worker, status, source and reason, and shows closed referrals only when asked', async () => {
    const { worker, episodes, ids } = await spread();
    const namesOf = async (query: Record<string, unknown>) => (await list(worker, { sortBy: 'name', sortDirection: 'asc', ...query })).rows.map((row) => row.name.split(' ')[0]);
    expect(await namesOf({ workerUserId: ids.otherWorker })).toEqual(['Cai', 'Dev']);
    expect(await namesOf({ workerUserId: ids.worker })).toEqual(['Ada', 'bea', 'Eve', 'Fin']);
    expect(await namesOf({ workerUserId: ids.worker, includeClosed: true })).toEqual(['Ada', 'bea', 'Eve', 'Fin', 'Gus']);
    expect(await namesOf({ status: 'received' })).toEqual(['Cai']);
    expect(await namesOf({ status: 'accepted' })).toEqual(['bea']);
    expect(await namesOf({ status: 'active' })).toEqual(['Ada', 'Dev', 'Eve', 'Fin']);
    expect(await namesOf({ status: 'closed' })).toEqual(['Gus']);
    expect(await namesOf({ source: 'gp_practice' })).toEqual(['Ada', 'Dev', 'Fin']);
    expect(await namesOf({ source: 'pharmacy', includeClosed: true })).toEqual(['bea', 'Gus']);
    expect(await namesOf({ reason: 'housing' })).toEqual(['bea', 'Cai']);
    expect(await namesOf({ reason: 'loneliness' })).toEqual(['Ada', 'Eve']);
    expect(await namesOf({ reason: 'housing', source: 'pharmacy', includeClosed: true })).toEqual(['bea', 'Gus']);
    expect(await namesOf({ reason: 'food' })).toEqual([]);
    expect((await list(worker, { includeClosed: true })).total).toBe(7);
    expect((await caseloadRow(worker, episodes[6]!))!.status).toBe('closed');
  });

  it('counts weeks on the caseload to the day a referral closed', async () => {
    const { worker, episodes, clock } = await spread();
    advanceDays(clock, 70);
    // Gus: received 5 January, closed 1 June = 21 weeks, however long ago that was.
    expect((await caseloadRow(worker, episodes[6]!))!.weeksOnCaseload).toBe(21);
  });
});
