import { describe, expect, it } from 'vitest';
import type { ExportResult } from '../../../src/shared/domain/exports';
import { casework, createPerson, recordContact, createEpisode } from '../../support/casework';
import { pdfText, readExportFiles } from '../../support/exports';
import { ok, refused } from '../../support/workspace';
import { declaration, exportEntries, exportedText, FREE_TEXT, fullRecord, leaks, MARGARET, ONS4_BASELINE, ONS4_REVIEW, STAFF_NOTES } from './support';

const OTHER = { nhsNumber: '4010232137', givenName: 'Bartholomew', familyName: 'Quenby', dateOfBirth: '1990-12-01', postcode: 'BD7 1DP' };
const OTHER_NOTE = 'OTHER PERSON NOTE: not for Margaretha';

interface SubjectAccessJson {
  marking: string;
  sections: Record<string, unknown> & {
    person: Record<string, unknown>;
    referrals: { id: string; statusHistory: { to: string }[]; notes: string }[];
    contacts: { notes: string | null; attendees: string | null; decision: string | null }[];
    notes: { text: string }[];
    whatMatters: { ownWords: string }[];
    plans: { staffNotes: string; goals: { text: string }[] }[];
    connections: { handoverNote: string }[];
    gpCoding: { code: string }[];
    outcomes: { measures: { instrument: string; timepoint: string; declined: boolean; answers: number[] | null }[] }[];
    audit: { action: string; what: string; by: string }[];
  };
}

async function subjectAccess(session: Parameters<typeof ok>[0], personId: string): Promise<ExportResult> {
  return ok<ExportResult>(session, 'exports.subjectAccess', { personId, declaration: declaration('subject_access') });
}

describe('subject access export', () => {
  it('gives everything held about the person, as a readable PDF marked OFFICIAL-SENSITIVE on every page and as JSON, in an encrypted archive', async () => {
    const work = await casework();
    const { worker, names } = work;
    const record = await fullRecord(work);
    await ok(worker, 'people.get', { personId: record.personId });

    const result = await subjectAccess(worker, record.personId);
    expect(result).toMatchObject({ encrypted: true });
    expect(result.fileName).toMatch(/^subject-access-\d{4}-\d{2}-\d{2}-[0-9a-f]{6}\.zip$/);
    const files = await exportedText(result);
    expect([...files.keys()].sort()).toEqual(['subject-access.json', 'subject-access.pdf']);

    const json = JSON.parse(files.get('subject-access.json')!) as SubjectAccessJson;
    expect(json.marking).toBe('OFFICIAL-SENSITIVE');
    expect(json.sections.person).toMatchObject({ id: record.personId, nhsNumber: MARGARET.nhsNumber, givenName: MARGARET.givenName, dateOfBirth: MARGARET.dateOfBirth, postcode: MARGARET.postcode, carerOrNextOfKin: FREE_TEXT.carer });
    const [referral] = json.sections.referrals;
    expect(referral).toMatchObject({ id: record.episode.id, notes: FREE_TEXT.referralNotes, referrerName: FREE_TEXT.referrerName, reasonOther: FREE_TEXT.reasonOther });
    expect(referral!.statusHistory.map((change) => change.to)).toEqual(['received', 'contacted', 'accepted', 'active']);
    expect(json.sections.contacts).toHaveLength(2);
    expect(json.sections.contacts[0]).toMatchObject({ notes: FREE_TEXT.contactNotes, attendees: FREE_TEXT.attendees, decision: 'accepted' });
    expect(json.sections.notes.map((note) => note.text)).toEqual([FREE_TEXT.personNote]);
    expect(json.sections.whatMatters.map((conversation) => conversation.ownWords)).toEqual([FREE_TEXT.ownWords]);
    expect(json.sections.plans).toHaveLength(1);
    expect(json.sections.plans[0]!.staffNotes).toBe(STAFF_NOTES);
    expect(json.sections.plans[0]!.goals.map((goal) => goal.text)).toEqual(record.planGoals);
    expect(json.sections.connections.map((connection) => connection.handoverNote)).toEqual([FREE_TEXT.handoverNote]);
    expect(json.sections.gpCoding.map((code) => code.code)).toEqual(['871731000000106']);
    const [outcomes] = json.sections.outcomes;
    expect(outcomes!.measures.map((measure) => [measure.instrument, measure.timepoint, measure.declined, measure.answers])).toEqual([
      ['ons4', 'baseline', false, ONS4_BASELINE],
      ['ucla3', 'baseline', true, null],
      ['ons4', 'review', false, ONS4_REVIEW],
    ]);
    // Who opened and changed the record: the worker's reads and changes, by name.
    const actions = json.sections.audit.map((entry) => entry.action);
    expect(actions).toEqual(expect.arrayContaining(['person.created', 'episode.created', 'contact.recorded', 'plan.agreed', 'connection.created', 'person.viewed']));
    expect(json.sections.audit.find((entry) => entry.action === 'person.viewed')).toMatchObject({ what: 'Person record opened', by: names.worker });

    const pdf = await readExportFiles(result, result.passphrase).then((all) => all.get('subject-access.pdf')!);
    const text = (await pdfText(pdf)).replace(/\s+/g, ' ');
    expect(text).toContain(`About: ${MARGARET.givenName} ${MARGARET.familyName}`);
    expect(text).toContain('NHS number: 943 476 5919');
    expect(text).toContain('Date of birth: 5 March 1951');
    for (const heading of ['Your details', 'Referrals', 'Contacts', 'Notes', 'What matters to you', 'Care and support plans', 'How you were doing: wellbeing measures and outcomes', 'Groups and services you were connected to', 'Codes for your GP record', 'Who has opened, changed or exported your record']) {
      expect(text).toContain(heading);
    }
    expect(text).toContain(FREE_TEXT.contactNotes);
    expect(text).toContain(STAFF_NOTES);
    expect(text).toContain('ONS4 personal wellbeing, baseline, 2 March 2026: Life satisfaction 3; Worthwhile 4; Happiness 2; Anxiety 7');
    expect(text).toContain('UCLA 3-item loneliness scale, baseline, 2 March 2026: you chose not to answer');
    expect(text).toContain('Change: Life satisfaction went from');
    expect(text).toContain(`Person record opened By: ${names.worker}`);
    const pages = Number(/Page 1 of (\d+)/.exec(text)?.[1]);
    expect(pages).toBeGreaterThan(1);
    expect(text.match(/OFFICIAL-SENSITIVE/g)).toHaveLength(pages * 2);
  });

  it('holds nothing about anyone else', async () => {
    const work = await casework();
    const record = await fullRecord(work);
    const other = await createPerson(work.worker, OTHER);
    const episode = await createEpisode(work.worker, other.id);
    await recordContact(work.worker, episode.id, { notes: 'OTHER CONTACT: about Bartholomew only' });
    await ok(work.worker, 'people.addNote', { personId: other.id, episodeId: null, text: OTHER_NOTE });

    const result = await subjectAccess(work.worker, record.personId);
    expect(await leaks(result, [OTHER.givenName, OTHER.familyName, OTHER.nhsNumber, '401 023 2137', OTHER.dateOfBirth, OTHER.postcode, OTHER_NOTE, 'OTHER CONTACT', other.id, episode.id])).toEqual([]);
    expect(await leaks(result, [MARGARET.givenName, MARGARET.nhsNumber])).not.toEqual([]);
  });

  it('is audited against the person with what it held, and the next request shows who exported it', async () => {
    const work = await casework();
    const { worker, names } = work;
    const record = await fullRecord(work);
    const first = await subjectAccess(worker, record.personId);

    const [entry, ...more] = exportEntries(worker);
    expect(more).toEqual([]);
    expect(entry).toMatchObject({ entity_type: 'person', entity_id: record.personId, actor_user_id: work.ids.worker });
    expect(entry!.details).toMatchObject({
      kind: 'subject_access',
      fileName: first.fileName,
      sha256: first.sha256,
      purpose: 'Answering a subject access request',
      recipient: 'The person who asked',
      lawfulBasis: 'subject_access',
      referrals: 1,
      contacts: 2,
      plans: 1,
    });
    // Ids, counts and the declaration only: no names or words from the record.
    expect(JSON.stringify(entry)).not.toContain(MARGARET.givenName);

    const supervisor = await work.as('supervisor');
    const second = await subjectAccess(supervisor, record.personId);
    const json = JSON.parse((await exportedText(second)).get('subject-access.json')!) as SubjectAccessJson;
    expect(json.sections.audit.filter((row) => row.action === 'export.created')).toEqual([expect.objectContaining({ what: 'File exported', by: names.worker })]);
  });

  it('is for the people who may read records: admins are refused, and an unknown person leaves no file', async () => {
    const work = await casework();
    const record = await fullRecord(work);
    const admin = await work.as('admin');
    expect(await refused(admin, 'exports.subjectAccess', { personId: record.personId, declaration: declaration('subject_access') })).toMatchObject({ code: 'forbidden' });
    expect(await refused(work.worker, 'exports.subjectAccess', { personId: '00000000-0000-4000-8000-000000000000', declaration: declaration('subject_access') })).toMatchObject({ code: 'not_found' });
    expect(await refused(work.worker, 'exports.subjectAccess', { personId: record.personId, declaration: declaration('subject_access', { lawfulBasis: 'anonymous_statistics' }) })).toMatchObject({
      code: 'invalid_input',
      fields: { 'declaration.lawfulBasis': expect.stringMatching(/lawful basis for personal data/) },
    });
    expect(await refused(work.worker, 'exports.subjectAccess', { personId: record.personId, declaration: declaration('subject_access', { purpose: '' }) })).toMatchObject({
      code: 'invalid_input',
      fields: { 'declaration.purpose': expect.stringMatching(/Say the purpose/) },
    });
    expect(exportEntries(work.worker)).toEqual([]);
  });
});
