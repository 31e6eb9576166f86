import type { z } from 'zod';
import type { ExportResult } from '../../../shared/domain/exports';
import { INSTRUMENTS } from '../../../shared/domain/outcomes/instruments';
import { CLOSURE_REASONS, REFERRAL_SOURCES, SNOMED } from '../../../shared/domain/referral';
import type { exportGpLetterSchema } from '../../../shared/ipc/outcomes-schemas';
import { AppError } from '../../errors';
import type { LinkdeskDb } from '../../store/kysely';
import { type EpisodeRow, findEpisode, fullName } from '../casework-common';
import { writeExport } from '../exports/write-export';
import type { WorkspaceSession } from '../workspace-session';
import { type LetterContent, renderGpLetter } from './letter-pdf';
import { loadMeasures } from './measures';
import { changesOf, loadClosures } from './person-outcomes';

/**
 * The message back to the GP and the referrer, made when an episode has closed and saved through
 * the one export path as kind 'gp_letter' (an AES-256 ZIP; the passphrase is shown once).
 */
type ExportInput = z.output<typeof exportGpLetterSchema>;

const TERMS: Record<string, string> = Object.fromEntries(Object.values(SNOMED).map((concept) => [concept.code, concept.term]));

/** The ONS4 lines: the change from baseline to the end, or why there is none. */
async function wellbeingLines(db: LinkdeskDb, episodeId: string): Promise<string[]> {
  const measures = (await loadMeasures(db, [episodeId])).filter((measure) => measure.instrument === 'ons4');
  const baseline = measures.find((measure) => measure.timepoint === 'baseline');
  const end = measures.find((measure) => measure.timepoint === 'end');
  const change = changesOf(measures).find((entry) => entry.toTimepoint === 'end');
  if (change) return change.lines;
  const said = (measure: typeof baseline, when: string) => (!measure ? `No ${INSTRUMENTS.ons4.shortLabel} was recorded ${when}` : `They declined to answer the ${INSTRUMENTS.ons4.shortLabel} ${when}`);
  if (!baseline || baseline.declined) return [said(baseline, 'at the start')];
  return [said(end, 'at the end')];
}

async function letterContent(session: WorkspaceSession, db: LinkdeskDb, episode: EpisodeRow): Promise<LetterContent> {
  const { user } = session.requireUnlocked();
  const person = await db.selectFrom('people').select(['given_name', 'family_name', 'nhs_number', 'date_of_birth', 'gp_practice']).where('id', '=', episode.person_id).executeTakeFirstOrThrow();
  const workspace = await db.selectFrom('workspace').select('name').executeTakeFirst();
  const codes = await db.selectFrom('coding_queue').select(['code', 'contact_on', 'recorded_on', 'due_on']).where('episode_id', '=', episode.id).orderBy('contact_on').execute();
  const referrer = [episode.referrer_name, episode.referrer_organisation].filter(Boolean).join(', ');
  return {
    to: { practice: person.gp_practice, referrer: referrer === '' ? null : referrer },
    from: { name: user.displayName, service: workspace?.name ?? 'Linkdesk' },
    person: { name: fullName(person), nhsNumber: person.nhs_number, dateOfBirth: person.date_of_birth },
    referral: {
      receivedOn: episode.received_on,
      source: REFERRAL_SOURCES[episode.source],
      closedOn: episode.closed_on!,
      outcome: episode.closure_reason ? CLOSURE_REASONS[episode.closure_reason] : 'Closed',
    },
    summary: (await loadClosures(db, [episode.id])).get(episode.id) ?? null,
    wellbeing: await wellbeingLines(db, episode.id),
    codes: codes.map((code) => ({ code: code.code, term: TERMS[code.code] ?? 'SNOMED CT concept', contactOn: code.contact_on, recordedOn: code.recorded_on, dueOn: code.due_on })),
  };
}

export async function exportGpLetter(session: WorkspaceSession, input: ExportInput): Promise<ExportResult> {
  const { db } = session.requireUnlocked();
  return db.transaction().execute(async (trx) => {
    const episode = await findEpisode(trx, input.episodeId);
    if (episode.status !== 'closed') throw new AppError('conflict', 'The message back is sent when the episode ends: close the episode first.');
    const content = await letterContent(session, trx, episode);
    const bytes = await renderGpLetter(content, session.clock.now());
    return writeExport(
      session,
      { kind: 'gp_letter', declaration: input.declaration, personId: episode.person_id, files: [{ name: 'message-back-to-gp-and-referrer.pdf', bytes }], details: { episodeId: episode.id, codes: content.codes.length } },
      trx,
    );
  });
}
