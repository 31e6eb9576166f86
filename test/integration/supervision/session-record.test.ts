import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ExportResult } from '../../../src/shared/domain/exports';
import type { SupervisionAction } from '../../../src/shared/ipc/supervision-schemas';
import { auditOf, personWithEpisode } from '../../support/casework';
import { pdfText, readExportFiles } from '../../support/exports';
import { ok, refused } from '../../support/workspace';
import { startSession, supervision, workspaceOf } from './support';

const DECLARATION = { purpose: 'Clinical supervision record for the practice files', recipient: 'Brook Lane practice manager', lawfulBasis: 'direct_care' };

async function signedSession() {
  const context = await supervision();
  const { worker, supervisor, pair } = context;
  const { person } = await personWithEpisode(worker, {}, { givenName: 'Margaret', preferredName: 'Peggy', familyName: 'Holloway', nhsNumber: '943 476 5919', dateOfBirth: '1941-02-03' });
  await ok(worker, 'personFlags.raise', { personId: person.id, kind: 'safeguarding', reason: 'Son takes her bank card' });
  const session = await startSession(worker, pair.id, '2026-03-02', ['Lena worker', 'Dr Gita supervisor']);
  await ok(worker, 'supervision.saveWellbeing', { sessionId: session.id, feeling: 'struggling', feelingNote: 'PRIVATE wellbeing words', workload: 'too_much', trainingNeeds: 'PRIVATE training need', supportAgreed: '' });
  const item = (await workspaceOf(worker, session.id)).agenda[0]!;
  await ok(supervisor, 'supervision.recordDiscussion', {
    itemId: item.id,
    discussion: 'Peggy is frightened of her son.',
    decision: 'Refer to adult safeguarding today',
    safeguardingRaised: true,
    safeguardingAction: 'Referred by phone to the adult safeguarding team',
  });
  await ok<SupervisionAction>(supervisor, 'supervision.addAction', { sessionId: session.id, itemId: item.id, text: 'Go with Peggy to the bank', owner: 'link_worker', dueOn: '2026-03-06' });
  return { ...context, session, person };
}

describe('the printable session record', () => {
  it('is made only for a signed session, through the one export path, encrypted, and audited with its hash', async () => {
    const { worker, supervisor, session, person } = await signedSession();
    expect(await refused(supervisor, 'supervision.exportRecord', { sessionId: session.id, declaration: DECLARATION })).toMatchObject({ code: 'conflict' });
    await ok(supervisor, 'supervision.sign', { sessionId: session.id });
    await ok(worker, 'supervision.addAddendum', { sessionId: session.id, text: 'Safeguarding team called back.' });

    const result = await ok<ExportResult>(supervisor, 'supervision.exportRecord', { sessionId: session.id, declaration: DECLARATION });
    expect(result).toMatchObject({ encrypted: true });
    expect(result.fileName).toMatch(/^supervision-record-.*\.zip$/);
    expect(result.fileName).not.toMatch(/holloway|peggy|9434765919/i);
    const files = await readExportFiles(result, result.passphrase);
    expect([...files.keys()]).toEqual(['supervision-record-2026-03-02.pdf']);
    const text = (await pdfText(files.get('supervision-record-2026-03-02.pdf')!)).replace(/\s+/g, ' ');

    for (const expected of [
      'Supervision session record',
      'Session held on Monday 2 March 2026.',
      'Who attended: Lena worker, Dr Gita supervisor.',
      'Peggy Holloway',
      'Safeguarding flag: Son takes her bank card',
      'Discussion: Peggy is frightened of her son.',
      'Decision: Refer to adult safeguarding today',
      'Safeguarding concern raised. What was done: Referred by phone to the adult safeguarding team',
      'Go with Peggy to the bank',
      'Safeguarding team called back.',
      'New referrals: 1',
    ]) {
      expect(text, expected).toContain(expected);
    }
    expect(text).toMatch(/Signed off by Gita supervisor on 2 March 2026 at \d\d:00/);
    expect(text.match(/OFFICIAL-SENSITIVE/g)!.length).toBeGreaterThanOrEqual(2);
    for (const leak of ['PRIVATE', 'struggling', 'Too much', '943 476 5919', '9434765919', '1941', 'Margaret']) expect(text, leak).not.toContain(leak);

    const audit = auditOf(supervisor, 'export.created').at(-1)!;
    const details = JSON.parse(audit.details_json);
    expect(details).toMatchObject({ kind: 'supervision_record', sessionId: session.id, sha256: result.sha256, purpose: DECLARATION.purpose, recipient: DECLARATION.recipient, lawfulBasis: 'direct_care' });
    expect(audit).toMatchObject({ entity_type: 'export' });
    expect(audit.details_json).not.toMatch(/Holloway|Peggy/);
    expect(auditOf(supervisor, 'person.viewed').filter((row) => row.entity_id === person.id)).toEqual([]);
    const onDisk = readdirSync(result.folder).filter((name) => name === result.fileName);
    expect(onDisk).toHaveLength(1);
  });

  it('is refused to anyone outside the pair, and needs a declaration', async () => {
    const { supervisor, stray, session } = await signedSession();
    await ok(supervisor, 'supervision.sign', { sessionId: session.id });
    expect((await refused(stray, 'supervision.exportRecord', { sessionId: session.id, declaration: DECLARATION })).code).toBe('forbidden');
    expect((await refused(supervisor, 'supervision.exportRecord', { sessionId: session.id, declaration: { ...DECLARATION, purpose: '' } })).fields).toMatchObject({
      'declaration.purpose': expect.stringContaining('Say the purpose'),
    });
    expect(auditOf(supervisor, 'export.created')).toEqual([]);
  });
});
