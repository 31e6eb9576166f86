import { describe, expect, it } from 'vitest';
import type { ExportResult } from '../../../src/shared/domain/exports';
import type { FhirBundle } from '../../../src/main/services/exports/fhir-bundle';
import type { TransferRecord } from '../../../src/main/services/exports/transfer-bundle';
import { casework, type Casework } from '../../support/casework';
import { ok, refused } from '../../support/workspace';
import { declaration, exportEntries, exportedText, FREE_TEXT, fullRecord, leaks, MARGARET, ONS4_BASELINE, ONS4_REVIEW, STAFF_NOTES } from './support';

async function transfer(session: Casework['worker'], personId: string): Promise<{ result: ExportResult; record: TransferRecord; fhir: FhirBundle }> {
  const result = await ok<ExportResult>(session, 'exports.transferBundle', { personId, declaration: declaration('transfer_bundle') });
  const files = await exportedText(result);
  expect([...files.keys()].sort()).toEqual(['transfer.fhir.json', 'transfer.json']);
  return { result, record: JSON.parse(files.get('transfer.json')!) as TransferRecord, fhir: JSON.parse(files.get('transfer.fhir.json')!) as FhirBundle };
}

/** Paths of every empty array, empty object, null or empty string: FHIR JSON allows none of them. */
function emptyElements(value: unknown, path = ''): string[] {
  if (value === null || value === '') return [path];
  if (Array.isArray(value)) return value.length === 0 ? [path] : value.flatMap((item, index) => emptyElements(item, `${path}[${index}]`));
  if (typeof value === 'object') {
    const entries = Object.entries(value);
    return entries.length === 0 ? [path] : entries.flatMap(([key, item]) => emptyElements(item, `${path}.${key}`));
  }
  return [];
}

function references(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(references);
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => (key === 'reference' && typeof item === 'string' ? [item] : references(item)));
  }
  return [];
}

describe('transfer bundle', () => {
  it('carries what the next service needs to carry on: details, the referral and its contacts, what matters, the plan and connections', async () => {
    const work = await casework();
    const full = await fullRecord(work);
    const { record } = await transfer(work.worker, full.personId);

    expect(record).toMatchObject({ marking: 'OFFICIAL-SENSITIVE', kind: 'Linkdesk transfer bundle', formatVersion: 1, from: 'Brook Lane PCN' });
    expect(record.person).toMatchObject({ id: full.personId, nhsNumber: MARGARET.nhsNumber, givenName: MARGARET.givenName, dateOfBirth: MARGARET.dateOfBirth, address: { postcode: MARGARET.postcode } });
    expect(record.referral).toMatchObject({ id: full.episode.id, status: 'active', reasons: ['loneliness', 'other'], referrerOrganisation: 'Brook Lane Surgery' });
    expect(record.referral!.contacts.map((contact) => [contact.mode, contact.minutes, contact.didNotAttend])).toEqual([
      ['home_visit', 45, false],
      ['phone', 20, false],
    ]);
    expect(record.whatMatters).toMatchObject({ ownWords: FREE_TEXT.ownWords, strengths: FREE_TEXT.strengths });
    expect(record.plan).toMatchObject({ version: 1, status: 'agreed', agreedOn: '2026-03-02' });
    expect(record.plan!.goals.map((goal) => goal.text)).toEqual(full.planGoals);
    expect(record.connections).toEqual([expect.objectContaining({ service: 'Tuesday Knit and Natter', status: 'suggested' })]);
    expect(record.earlierReferrals).toEqual([]);
    expect(record.measures.map((measure) => [measure.instrument, measure.timepoint, measure.declined, measure.answers])).toEqual([
      ['ons4', 'baseline', false, ONS4_BASELINE],
      ['ucla3', 'baseline', true, null],
      ['ons4', 'review', false, ONS4_REVIEW],
    ]);
  });

  it('leaves out notes, staff-only words, who was present, the referrer’s name and the audit trail', async () => {
    const work = await casework();
    const full = await fullRecord(work);
    const { result } = await transfer(work.worker, full.personId);
    expect(await leaks(result, [FREE_TEXT.referralNotes, FREE_TEXT.referrerName, FREE_TEXT.contactNotes, FREE_TEXT.attendees, FREE_TEXT.personNote, FREE_TEXT.handoverNote, STAFF_NOTES, 'Their daughter', 'person.viewed'])).toEqual([]);
  });

  it('also writes the same facts as a FHIR R4 collection Bundle whose references all resolve', async () => {
    const work = await casework();
    const full = await fullRecord(work);
    const { fhir, record } = await transfer(work.worker, full.personId);

    expect(fhir).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
    expect(emptyElements(fhir)).toEqual([]);
    const types = fhir.entry.map((entry) => entry.resource.resourceType);
    expect(types).toEqual(['Patient', 'EpisodeOfCare', 'Encounter', 'Encounter', 'Observation', 'Observation', 'Observation', 'Goal', 'Goal', 'CarePlan']);
    const urls = new Set(fhir.entry.map((entry) => entry.fullUrl));
    expect(fhir.entry.every((entry) => entry.fullUrl === `urn:uuid:${entry.resource.id}`)).toBe(true);
    expect(references(fhir).filter((reference) => !urls.has(reference))).toEqual([]);

    const resource = (type: string) => fhir.entry.map((entry) => entry.resource).filter((r) => r.resourceType === type);
    expect(resource('Patient')[0]).toMatchObject({
      identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: MARGARET.nhsNumber }],
      name: [{ use: 'official', family: MARGARET.familyName, given: [MARGARET.givenName] }, { use: 'usual', given: ['Peggy'] }],
      birthDate: MARGARET.dateOfBirth,
      address: [{ use: 'home', line: [MARGARET.addressLine1], city: 'Leeds', postalCode: MARGARET.postcode }],
    });
    expect(resource('EpisodeOfCare')[0]).toMatchObject({ status: 'active', period: { start: '2026-03-02' }, patient: { reference: `urn:uuid:${full.personId}` } });
    expect(resource('Encounter').map((encounter) => [encounter.status, (encounter.class as { code: string }).code])).toEqual([
      ['finished', 'HH'],
      ['finished', 'VR'],
    ]);
    expect(resource('Encounter')[0]).toMatchObject({ length: { value: 45, unit: 'min' }, episodeOfCare: [{ reference: `urn:uuid:${full.episode.id}` }] });
    expect(resource('CarePlan')[0]).toMatchObject({ status: 'active', intent: 'plan', description: `What matters to me: ${FREE_TEXT.ownWords}` });
    expect(resource('Goal').map((goal) => (goal.description as { text: string }).text)).toEqual(record.plan!.goals.map((goal) => goal.text));
    // ONS4: four answers as components, never summed into one value; a declined measure says so.
    const [ons4Baseline, uclaDeclined, ons4Review] = resource('Observation');
    expect(ons4Baseline).toMatchObject({ status: 'final', effectiveDateTime: '2026-03-02', code: { text: 'ONS4 personal wellbeing (baseline)' }, subject: { reference: `urn:uuid:${full.personId}` } });
    expect((ons4Baseline!.component as { code: { text: string }; valueInteger: number }[]).map((c) => [c.code.text, c.valueInteger])).toEqual([
      ['Life satisfaction', ONS4_BASELINE[0]],
      ['Worthwhile', ONS4_BASELINE[1]],
      ['Happiness', ONS4_BASELINE[2]],
      ['Anxiety', ONS4_BASELINE[3]],
    ]);
    expect(ons4Baseline).not.toHaveProperty('valueInteger');
    expect(uclaDeclined).toMatchObject({ dataAbsentReason: { coding: [{ code: 'asked-declined' }] } });
    expect(uclaDeclined).not.toHaveProperty('component');
    expect(ons4Review).toMatchObject({ effectiveDateTime: '2026-03-09', component: expect.arrayContaining([{ code: { text: 'Anxiety' }, valueInteger: ONS4_REVIEW[3] }]) });
  });

  it('is audited against the person, and is for link workers and GP supervisors only', async () => {
    const work = await casework();
    const full = await fullRecord(work);
    const supervisor = await work.as('supervisor');
    const { result } = await transfer(supervisor, full.personId);
    expect(exportEntries(supervisor)).toEqual([
      expect.objectContaining({
        entity_type: 'person',
        entity_id: full.personId,
        details: expect.objectContaining({ kind: 'transfer_bundle', sha256: result.sha256, episodeId: full.episode.id, contacts: 2, measures: 3, fhirResources: 10, lawfulBasis: 'direct_care' }),
      }),
    ]);
    const admin = await work.as('admin');
    expect(await refused(admin, 'exports.transferBundle', { personId: full.personId, declaration: declaration('transfer_bundle') })).toMatchObject({ code: 'forbidden' });
  });
});
