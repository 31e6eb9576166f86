import { describe, expect, it } from 'vitest';
import type { ExportResult } from '../../../src/shared/domain/exports';
import type { AgendaItem } from '../../../src/shared/ipc/supervision-schemas';
import { NOT_WHOLE_RECORD_MESSAGE } from '../../../src/main/services/exports/export-scope';
import { auditOf, createEpisode, personWithEpisode } from '../../support/casework';
import { pdfText, readExportFiles } from '../../support/exports';
import { ok, refused } from '../../support/workspace';
import { startSession, supervision, workspaceOf } from '../supervision/support';
import { declaration, exportEntries, exportedText } from './support';

const FLAG_REASON = 'FLAG REASON: lives alone, fell twice in a month';
const DISCUSSION = 'DISCUSSION: agreed to ask the GP about a falls referral';

describe('subject access and supervision', () => {
  it('includes the person’s risk and safeguarding flags and what was said about them in supervision', async () => {
    const { worker, supervisor, pair } = await supervision();
    const { person, episode } = await personWithEpisode(worker);
    await ok(worker, 'personFlags.raise', { personId: person.id, kind: 'safeguarding', reason: FLAG_REASON });
    const session = await startSession(supervisor, pair.id);
    const item = (await workspaceOf(supervisor, session.id)).agenda.find((candidate: AgendaItem) => candidate.personId === person.id)!;
    await ok(supervisor, 'supervision.recordDiscussion', { itemId: item.id, discussion: DISCUSSION, decision: 'Falls referral', safeguardingRaised: true, safeguardingAction: 'Adult safeguarding lead told' });
    await ok(supervisor, 'supervision.addAction', { sessionId: session.id, itemId: item.id, text: 'Ask the GP about a falls clinic', owner: 'link_worker', dueOn: '2026-03-09' });

    const result = await ok<ExportResult>(worker, 'exports.subjectAccess', { personId: person.id, declaration: declaration('subject_access') });
    const json = JSON.parse((await exportedText(result)).get('subject-access.json')!) as { sections: { flags: unknown[]; supervision: unknown[] } };
    expect(json.sections.flags).toEqual([expect.objectContaining({ kind: 'safeguarding', reason: FLAG_REASON, clearedAt: null })]);
    expect(json.sections.supervision).toEqual([
      expect.objectContaining({
        episodeId: episode.id,
        sessionHeldOn: '2026-03-02',
        reasons: ['safeguarding'],
        discussion: DISCUSSION,
        decision: 'Falls referral',
        safeguardingRaised: true,
        actions: [{ text: 'Ask the GP about a falls clinic', owner: 'link_worker', dueOn: '2026-03-09', doneOn: null }],
      }),
    ]);
    const text = (await pdfText((await readExportFiles(result, result.passphrase)).get('subject-access.pdf')!)).replace(/\s+/g, ' ');
    expect(text).toContain('Risk and safeguarding flags');
    expect(text).toContain(`Why: ${FLAG_REASON}`);
    expect(text).toContain('Your case in clinical supervision');
    expect(text).toContain(`Discussion: ${DISCUSSION}`);
    expect(text).toContain('Safeguarding concern raised: Adult safeguarding lead told');
  });

  it('is made by a GP supervisor only when every referral of the person is held by someone they supervise', async () => {
    const { worker, supervisor, stray, ids } = await supervision();
    const mine = await personWithEpisode(worker);
    expect((await ok<ExportResult>(supervisor, 'exports.subjectAccess', { personId: mine.person.id, declaration: declaration('subject_access') })).encrypted).toBe(true);

    // An earlier referral held by a link worker the supervisor does not supervise, now closed.
    const { person, episode } = await personWithEpisode(stray);
    await ok(stray, 'episodes.transition', { episodeId: episode.id, to: 'closed', closureReason: 'moved_away' });
    await createEpisode(worker, person.id, { receivedOn: '2026-03-02' });
    for (const channel of ['exports.subjectAccess', 'exports.transferBundle']) {
      expect(await refused(supervisor, channel, { personId: person.id, declaration: declaration(channel === 'exports.subjectAccess' ? 'subject_access' : 'transfer_bundle') })).toEqual({
        code: 'forbidden',
        message: NOT_WHOLE_RECORD_MESSAGE,
      });
    }
    expect(auditOf(supervisor, 'access.denied').filter((row) => row.entity_id === person.id && row.actor_user_id === ids.supervisor)).toHaveLength(2);
    expect(exportEntries(supervisor).map((row) => row.entity_id)).toEqual([mine.person.id]);
    // Their link worker, who sees the whole workspace, makes it.
    await ok(worker, 'exports.subjectAccess', { personId: person.id, declaration: declaration('subject_access') });
  });
});
