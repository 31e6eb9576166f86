import { describe, expect, it } from 'vitest';
import type { ExportResult } from '../../../src/shared/domain/exports';
import type { CodingItem } from '../../../src/shared/ipc/casework-schemas';
import { advanceDays, auditOf, casework, personWithEpisode, recordContact } from '../../support/casework';
import { pdfText, readExportFiles } from '../../support/exports';
import { ok, refused } from '../../support/workspace';
import { closeWith, recordMeasure } from './support';

const DECLARATION = { purpose: 'Telling the GP and the referrer how the referral ended', recipient: 'Brook Lane Surgery and Jo Smith', lawfulBasis: 'direct_care' };
const LETTER = 'message-back-to-gp-and-referrer.pdf';

async function closedEpisode() {
  const context = await casework();
  const { worker, clock } = context;
  const { person, episode } = await personWithEpisode(
    worker,
    { referrerName: 'Jo Smith', referrerOrganisation: 'Brook Lane Surgery', notes: 'REFERRAL NOTE: lives with her son' },
    { givenName: 'Margaret', familyName: 'Holloway', nhsNumber: '943 476 5919', dateOfBirth: '1951-04-09', gpPractice: 'Brook Lane Surgery' },
  );
  await recordContact(worker, episode.id, { decision: 'accepted', notes: 'CONTACT NOTE: talked about her late husband' });
  await recordMeasure(worker, episode.id, { answers: [3, 5, 4, 8] });
  advanceDays(clock, 2);
  const [code] = await ok<CodingItem[]>(worker, 'coding.queue', {});
  await ok(worker, 'coding.markRecorded', { itemId: code!.id, recordedOn: '2026-03-04' });
  await ok(worker, 'people.addNote', { personId: person.id, episodeId: episode.id, text: 'STAFF NOTE: do not mention the house move' });
  advanceDays(clock, 82);
  await closeWith(worker, episode.id, { closureNote: 'CLOSING NOTE: staff only', finalOns4: 'answered', finalOns4Answers: [6, 7, 7, 3] });
  return { ...context, person, episode };
}

async function letterText(result: ExportResult): Promise<string> {
  const files = await readExportFiles(result, result.passphrase);
  expect([...files.keys()]).toEqual([LETTER]);
  return (await pdfText(files.get(LETTER)!)).replace(/\s+/g, ' ');
}

describe('the message back to the GP and referrer', () => {
  it('is a short PDF, in an encrypted ZIP, with the outcome, the codes, the ONS4 change and the PRSB summary', async () => {
    const { worker, names, episode } = await closedEpisode();
    const result = await ok<ExportResult>(worker, 'outcomes.exportGpLetter', { episodeId: episode.id, declaration: DECLARATION });
    expect(result).toMatchObject({ encrypted: true });
    expect(result.fileName).toMatch(/^gp-letter-2026-05-25-[a-z0-9]+\.zip$/);
    const text = await letterText(result);
    for (const expected of [
      'Social prescribing: message back to the GP and referrer',
      'To: Brook Lane Surgery, and Jo Smith, Brook Lane Surgery',
      `From: ${names.worker}, social prescribing link worker, Brook Lane PCN`,
      'Name: Margaret Holloway',
      'NHS number: 943 476 5919',
      'Date of birth: 9 April 1951',
      'Referred on 2 March 2026 (GP and wider general practice).',
      'Social prescribing ended on 25 May 2026. Outcome: Goals met.',
      'Getting out of the house and seeing people',
      'Walking group on Tuesdays; befriending calls',
      'Walks every week and has made two friends',
      'Life satisfaction went from 3 (low) to 6 (medium).',
      'Feeling that the things they do are worthwhile went from 5 (medium) to 7 (high).',
      'Happiness yesterday went from 4 (low) to 7 (high).',
      'Anxiety yesterday went from 8 (high) to 3 (low).',
      '871731000000106 Referral to social prescribing service: contact on 2 March 2026, recorded in the GP record on 4 March 2026.',
    ]) {
      expect(text).toContain(expected);
    }
    const pages = Number(/Page 1 of (\d+)/.exec(text)![1]);
    expect((text.match(/OFFICIAL-SENSITIVE/g) ?? []).length).toBe(2 * pages);
  });

  it('holds the minimum: no staff notes, contact notes, referral notes or closing note', async () => {
    const { worker, episode } = await closedEpisode();
    const text = await letterText(await ok<ExportResult>(worker, 'outcomes.exportGpLetter', { episodeId: episode.id, declaration: DECLARATION }));
    for (const leak of ['STAFF NOTE', 'CONTACT NOTE', 'REFERRAL NOTE', 'CLOSING NOTE', 'late husband', 'house move']) expect(text).not.toContain(leak);
  });

  it('says when there is no change to report, and when a code is still to be recorded', async () => {
    const { worker } = await casework();
    const { episode } = await personWithEpisode(worker);
    await recordContact(worker, episode.id, { decision: 'accepted' });
    await recordMeasure(worker, episode.id, { answers: [3, 5, 4, 8] });
    await closeWith(worker, episode.id, { finalOns4: 'declined' });
    const text = await letterText(await ok<ExportResult>(worker, 'outcomes.exportGpLetter', { episodeId: episode.id, declaration: DECLARATION }));
    expect(text).toContain('They declined to answer the ONS4 at the end.');
    expect(text).toContain('871731000000106 Referral to social prescribing service: contact on 2 March 2026, not yet recorded in the GP record (due by 9 March 2026).');
  });

  it('is logged as an export against the person, with its hash and declaration, and nothing personal', async () => {
    const { worker, person, episode } = await closedEpisode();
    const result = await ok<ExportResult>(worker, 'outcomes.exportGpLetter', { episodeId: episode.id, declaration: DECLARATION });
    const [entry] = auditOf(worker, 'export.created');
    expect(entry).toMatchObject({ entity_type: 'person', entity_id: person.id });
    expect(JSON.parse(entry!.details_json)).toEqual({
      episodeId: episode.id,
      codes: 1,
      kind: 'gp_letter',
      fileName: result.fileName,
      sha256: result.sha256,
      bytes: result.bytes,
      encrypted: true,
      ...DECLARATION,
    });
  });

  it('is made only once the episode has closed, only by a link worker, and only with a declaration', async () => {
    const { worker, as } = await casework();
    const { episode } = await personWithEpisode(worker);
    expect(await refused(worker, 'outcomes.exportGpLetter', { episodeId: episode.id, declaration: DECLARATION })).toMatchObject({
      code: 'conflict',
      message: 'The message back is sent when the episode ends: close the episode first.',
    });
    await closeWith(worker, episode.id);
    expect((await refused(worker, 'outcomes.exportGpLetter', { episodeId: episode.id, declaration: { ...DECLARATION, purpose: '' } })).fields).toEqual({
      'declaration.purpose': 'Say the purpose (at least 3 characters)',
    });
    const supervisor = await as('supervisor');
    expect((await refused(supervisor, 'outcomes.exportGpLetter', { episodeId: episode.id, declaration: DECLARATION })).code).toBe('forbidden');
    expect(auditOf(worker, 'export.created')).toEqual([]);
  });
});
