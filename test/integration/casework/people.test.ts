import { describe, expect, it } from 'vitest';
import type { CreatePersonResult, PersonSummary } from '../../../src/shared/ipc/casework-schemas';
import { auditOf, casework, createPerson, PERSON, uniquePerson } from '../../support/casework';
import { ok, refused } from '../../support/workspace';

const FULL_DETAILS = {
  nhsNumber: '943 476 5919',
  givenName: 'Zoë',
  familyName: 'Ångström',
  preferredName: 'Zo',
  dateOfBirth: '1954-06-30',
  pronouns: 'she/her',
  phone: '+44 113 496 0000',
  email: 'zoe@example.org',
  preferredContactMethod: 'phone',
  addressLine1: '1 Brook Lane',
  addressLine2: 'Chapel Allerton',
  town: 'Leeds',
  postcode: 'ls7 3ab',
  gpPractice: 'Brook Lane Surgery',
  interpreterLanguage: 'Polish',
  accessibilityNeeds: 'Large print letters',
  carerOrNextOfKin: 'Daughter, Ana, 07700 900123',
  consentToSocialPrescribing: true,
  socialPrescribingConsentDate: '2026-03-01',
  socialPrescribingConsentMethod: 'verbal',
  consentToInformationSharing: true,
  informationSharingConsentDate: '2026-03-02',
  informationSharingConsentMethod: 'written',
};

type PersonRecord = { person: Record<string, unknown> & { id: string; rowVersion: number }; flags: string[] };

describe('adding a person', () => {
  it('keeps every detail, tidies the NHS number and postcode, and reads empty fields back as empty', async () => {
    const { worker } = await casework();
    const created = await ok<CreatePersonResult>(worker, 'people.create', FULL_DETAILS);
    expect(created).toMatchObject({ outcome: 'created', person: { nhsNumber: '9434765919', givenName: 'Zoë', familyName: 'Ångström', preferredName: 'Zo', flags: [] } });
    const id = created.outcome === 'created' ? created.person.id : '';
    const record = await ok<PersonRecord>(worker, 'people.get', { personId: id });
    expect(record.person).toEqual({ ...FULL_DETAILS, nhsNumber: '9434765919', postcode: 'LS7 3AB', id, rowVersion: 1 });

    const minimal = await createPerson(worker, uniquePerson({ nhsNumber: '' }));
    const minimalRecord = await ok<PersonRecord>(worker, 'people.get', { personId: minimal.id });
    expect(minimalRecord.person).toMatchObject({ preferredName: '', pronouns: '', phone: '', email: '', postcode: '', carerOrNextOfKin: '', preferredContactMethod: null, socialPrescribingConsentDate: '' });
    // Stored as NULL, not as empty text.
    const row = worker.requireUnlocked().raw.prepare('SELECT nhs_number, preferred_name, phone, postcode FROM people WHERE id = ?').get(minimal.id);
    expect(row).toEqual({ nhs_number: null, preferred_name: null, phone: null, postcode: null });
  });

  it('flags a person whose NHS number is not known', async () => {
    const { worker } = await casework();
    const person = await createPerson(worker, uniquePerson({ nhsNumber: '' }));
    expect(person.nhsNumber).toBeNull();
    expect(person.flags).toEqual(['nhs_number_unknown']);
    expect((await ok<PersonRecord>(worker, 'people.get', { personId: person.id })).flags).toEqual(['nhs_number_unknown']);
  });

  it('is audited by id only', async () => {
    const { worker, ids } = await casework();
    const person = await createPerson(worker, FULL_DETAILS);
    const [entry] = auditOf(worker, 'person.created');
    expect(entry).toMatchObject({ entity_type: 'person', entity_id: person.id, actor_user_id: ids.worker });
    expect(JSON.parse(entry!.details_json)).toEqual({ nhsNumberKnown: true });
  });

  describe('refuses details that are not right, naming the field', () => {
    const cases: [string, Record<string, unknown>, string, string][] = [
      ['an NHS number with a wrong check digit', { nhsNumber: '943 476 5918' }, 'nhsNumber', 'This is not a valid NHS number: check the 10 digits'],
      ['an NHS number with too few digits', { nhsNumber: '943 476 591' }, 'nhsNumber', 'This is not a valid NHS number: check the 10 digits'],
      ['an NHS number with letters', { nhsNumber: '943476591X' }, 'nhsNumber', 'This is not a valid NHS number: check the 10 digits'],
      ['no first name', { givenName: '  ' }, 'givenName', 'Enter the first name'],
      ['no last name', { familyName: '' }, 'familyName', 'Enter the last name'],
      ['no date of birth', { dateOfBirth: undefined }, 'dateOfBirth', 'Use a real date, like 2026-11-22'],
      ['an impossible date of birth', { dateOfBirth: '1990-02-30' }, 'dateOfBirth', 'Use a real date, like 2026-11-22'],
      ['a date of birth after today', { dateOfBirth: '2026-03-03' }, 'dateOfBirth', 'The date of birth must be in the past'],
      ['a postcode that is not a UK postcode', { postcode: 'LS1' }, 'postcode', 'Enter a full UK postcode, like LS1 4AP'],
      ['an email address without a domain', { email: 'zoe@' }, 'email', 'Enter an email address like name@example.com'],
      ['a phone number with letters', { phone: 'call me' }, 'phone', 'Enter a phone number using digits, spaces and + only'],
      ['an unknown contact method', { preferredContactMethod: 'pigeon' }, 'preferredContactMethod', 'Invalid option: expected one of "phone"|"text"|"email"|"letter"|"in_person"'],
      ['consent to social prescribing without a date', { consentToSocialPrescribing: true, socialPrescribingConsentMethod: 'verbal' }, 'socialPrescribingConsentDate', 'Say when consent was given'],
      ['consent to social prescribing without how', { consentToSocialPrescribing: true, socialPrescribingConsentDate: '2026-03-01' }, 'socialPrescribingConsentMethod', 'Say how consent was given'],
      ['consent to information sharing without a date', { consentToInformationSharing: true, informationSharingConsentMethod: 'written' }, 'informationSharingConsentDate', 'Say when consent was given'],
      ['consent to information sharing without how', { consentToInformationSharing: true, informationSharingConsentDate: '2026-03-01' }, 'informationSharingConsentMethod', 'Say how consent was given'],
      [
        'consent dated after today',
        { consentToSocialPrescribing: true, socialPrescribingConsentDate: '2026-03-05', socialPrescribingConsentMethod: 'verbal' },
        'socialPrescribingConsentDate',
        'The consent date cannot be in the future',
      ],
      [
        'consent dated before the person was born',
        { consentToInformationSharing: true, informationSharingConsentDate: '1950-01-01', informationSharingConsentMethod: 'digital' },
        'informationSharingConsentDate',
        'The consent date cannot be before the date of birth',
      ],
      ['a name with control characters', { givenName: 'Zo\u0007e' }, 'givenName', 'Remove control characters'],
      ['a field the form does not have', { favouriteColour: 'blue' }, 'favouriteColour', 'Not a field of this request'],
    ];
    it.each(cases)('%s', async (_what, change, field, message) => {
      const { worker } = await casework();
      const error = await refused(worker, 'people.create', { ...PERSON, ...change });
      expect(error.code).toBe('invalid_input');
      expect(error.fields?.[field]).toBe(message);
      expect(worker.requireUnlocked().raw.prepare('SELECT count(*) AS n FROM people').get()).toEqual({ n: 0 });
      expect(auditOf(worker, 'person.created')).toHaveLength(0);
    });
  });
});

describe('duplicate detection on entry', () => {
  it('never makes a second record with the same NHS number, typed with or without spaces, even when told it is someone else', async () => {
    const { worker } = await casework();
    const first = await createPerson(worker, { ...PERSON, nhsNumber: '9434765919' });
    for (const attempt of [
      { ...PERSON, nhsNumber: '943 476 5919', givenName: 'Someone', familyName: 'Else', dateOfBirth: '1990-01-01' },
      { ...PERSON, nhsNumber: '943-476-5919', givenName: 'Someone', familyName: 'Else', dateOfBirth: '1990-01-01', notTheSameAs: [first.id] },
    ]) {
      const result = await ok<CreatePersonResult>(worker, 'people.create', attempt);
      expect(result).toEqual({ outcome: 'possible_duplicate', matches: [{ ...first, matchedOn: 'nhs_number' }] });
    }
    expect(worker.requireUnlocked().raw.prepare('SELECT count(*) AS n FROM people').get()).toEqual({ n: 1 });
  });

  it('shows the same name and date of birth back (any case or accents), and creates once the user says they are someone else', async () => {
    const { worker } = await casework();
    const first = await createPerson(worker, { ...PERSON, nhsNumber: '' });
    const again = { ...PERSON, nhsNumber: '', givenName: 'ZOE', familyName: ' angström ' };
    const result = await ok<CreatePersonResult>(worker, 'people.create', again);
    expect(result).toEqual({ outcome: 'possible_duplicate', matches: [{ ...first, matchedOn: 'name_and_date_of_birth' }] });
    // Seeing the match is seeing that person's details: recorded by id.
    expect(auditOf(worker, 'person.duplicates_shown').map((row) => row.entity_id)).toEqual([first.id]);

    const created = await ok<CreatePersonResult>(worker, 'people.create', { ...again, notTheSameAs: [first.id] });
    expect(created.outcome).toBe('created');
    // A third with the same name must now be checked against both.
    const third = await ok<CreatePersonResult>(worker, 'people.create', { ...again, notTheSameAs: [first.id] });
    expect(third.outcome === 'possible_duplicate' && third.matches.map((match) => match.id)).toEqual([created.outcome === 'created' && created.person.id]);
  });

  it('does not match the same name with another date of birth, or another name on the same date', async () => {
    const { worker } = await casework();
    await createPerson(worker, { ...PERSON, nhsNumber: '' });
    expect((await ok<CreatePersonResult>(worker, 'people.create', { ...PERSON, nhsNumber: '', dateOfBirth: '1954-07-01' })).outcome).toBe('created');
    expect((await ok<CreatePersonResult>(worker, 'people.create', { ...PERSON, nhsNumber: '', givenName: 'Zara' })).outcome).toBe('created');
  });

  it('lists the NHS number match and the name match together', async () => {
    const { worker } = await casework();
    const byNumber = await createPerson(worker, { ...PERSON, givenName: 'Other', familyName: 'Person', dateOfBirth: '1970-01-01' });
    const byName = await createPerson(worker, { ...PERSON, nhsNumber: '' });
    const result = await ok<CreatePersonResult>(worker, 'people.create', PERSON);
    expect(result.outcome === 'possible_duplicate' && result.matches.map((m) => [m.id, m.matchedOn])).toEqual([
      [byNumber.id, 'nhs_number'],
      [byName.id, 'name_and_date_of_birth'],
    ]);
  });
});

describe('changing a person', () => {
  async function personRecord(session: Awaited<ReturnType<typeof casework>>['worker'], personId: string) {
    return ok<PersonRecord>(session, 'people.get', { personId });
  }

  it('saves the change, moves the version on, and drops the unknown-NHS-number flag once the number is known', async () => {
    const { worker } = await casework();
    const person = await createPerson(worker, uniquePerson({ nhsNumber: '' }));
    const { person: details } = await personRecord(worker, person.id);
    const { id: _id, ...form } = details;
    const updated = await ok<PersonSummary>(worker, 'people.update', { ...form, personId: person.id, nhsNumber: '401 023 2137', preferredName: 'Sunny', postcode: 'sw1a1aa' });
    expect(updated).toMatchObject({ nhsNumber: '4010232137', preferredName: 'Sunny', flags: [] });
    const after = await personRecord(worker, person.id);
    expect(after.person).toMatchObject({ rowVersion: 2, postcode: 'SW1A 1AA', preferredName: 'Sunny' });
    const [entry] = auditOf(worker, 'person.updated');
    expect(JSON.parse(entry!.details_json)).toEqual({ fields: 'nhsNumber,preferredName,postcode' });
  });

  it('refuses a save made from a stale copy, so nobody overwrites a change they have not seen', async () => {
    const { worker, as } = await casework();
    const other = await as('otherWorker');
    const person = await createPerson(worker, uniquePerson());
    const { person: details } = await personRecord(worker, person.id);
    const { id: _id, ...form } = details;
    await ok(other, 'people.update', { ...form, personId: person.id, town: 'Leeds' });
    const error = await refused(worker, 'people.update', { ...form, personId: person.id, town: 'York' });
    expect(error).toEqual({ code: 'conflict', message: 'Someone else changed this record; reload it.' });
    expect((await personRecord(worker, person.id)).person.town).toBe('Leeds');
  });

  it('refuses an NHS number that belongs to someone else', async () => {
    const { worker } = await casework();
    await createPerson(worker, { ...PERSON, nhsNumber: '9434765919' });
    const person = await createPerson(worker, uniquePerson());
    const { person: details } = await personRecord(worker, person.id);
    const { id: _id, ...form } = details;
    const error = await refused(worker, 'people.update', { ...form, personId: person.id, nhsNumber: '9434765919' });
    expect(error).toMatchObject({ code: 'conflict', fields: { nhsNumber: 'Another person already has this NHS number' } });
  });

  it('applies the same field rules as adding', async () => {
    const { worker } = await casework();
    const person = await createPerson(worker, uniquePerson());
    const { person: details } = await personRecord(worker, person.id);
    const { id: _id, ...form } = details;
    expect((await refused(worker, 'people.update', { ...form, personId: person.id, nhsNumber: '1234567890' })).fields).toEqual({
      nhsNumber: 'This is not a valid NHS number: check the 10 digits',
    });
    expect((await refused(worker, 'people.update', { ...form, personId: person.id, dateOfBirth: '2026-12-01' })).fields).toEqual({ dateOfBirth: 'The date of birth must be in the past' });
    expect((await refused(worker, 'people.update', { ...form, personId: person.id, consentToSocialPrescribing: true, socialPrescribingConsentDate: '' })).fields).toMatchObject({
      socialPrescribingConsentDate: 'Say when consent was given',
    });
  });

  it('answers not_found for someone who does not exist', async () => {
    const { worker } = await casework();
    const error = await refused(worker, 'people.update', { ...PERSON, personId: '00000000-0000-4000-8000-000000000000', rowVersion: 1 });
    expect(error).toMatchObject({ code: 'not_found', message: 'That person does not exist.' });
  });
});

describe('notes', () => {
  it('adds a note to a person, or to one of their referrals, and shows it on their record', async () => {
    const { worker, names } = await casework();
    const person = await createPerson(worker, uniquePerson());
    const episode = await ok<{ id: string }>(worker, 'episodes.create', { personId: person.id, source: 'self', receivedOn: '2026-03-02', reasons: ['housing'] });
    await ok(worker, 'people.addNote', { personId: person.id, text: 'Prefers a call after 10am' });
    await ok(worker, 'people.addNote', { personId: person.id, episodeId: episode.id, text: 'Landlord visit booked' });
    const record = await ok<{ notes: { text: string; episodeId: string | null; author: string }[] }>(worker, 'people.get', { personId: person.id });
    expect(record.notes.map((note) => [note.text, note.episodeId, note.author])).toEqual(
      expect.arrayContaining([
        ['Prefers a call after 10am', null, names.worker],
        ['Landlord visit booked', episode.id, names.worker],
      ]),
    );
    expect(auditOf(worker, 'person.note_added')).toHaveLength(2);
  });

  it('refuses an empty note, and a referral that belongs to someone else', async () => {
    const { worker } = await casework();
    const person = await createPerson(worker, uniquePerson());
    const other = await createPerson(worker, uniquePerson());
    const theirs = await ok<{ id: string }>(worker, 'episodes.create', { personId: other.id, source: 'self', receivedOn: '2026-03-02', reasons: ['housing'] });
    expect((await refused(worker, 'people.addNote', { personId: person.id, text: '   ' })).fields).toEqual({ text: 'Write the note' });
    expect((await refused(worker, 'people.addNote', { personId: person.id, episodeId: theirs.id, text: 'Hello' })).fields).toEqual({ episodeId: "Choose one of this person's referrals" });
    expect(auditOf(worker, 'person.note_added')).toHaveLength(0);
  });
});
