import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { z } from 'zod';
import { INSTRUMENTS, scoreAnswers, TIMEPOINTS, type Instrument, type Timepoint } from '../../../shared/domain/outcomes/instruments';
import type { Measure, recordMeasureSchema } from '../../../shared/ipc/outcomes-schemas';
import { AppError } from '../../errors';
import type { LinkdeskDb } from '../../store/kysely';
import type { OutcomeMeasuresTable } from '../../store/schema-outcomes';
import { type EpisodeRow, findEpisode, invalidInput, isUniqueViolation, todayOf } from '../casework-common';
import type { WorkspaceSession } from '../workspace-session';
import { clearFollowUp, setFollowUp } from './follow-ups';
import { formatDay, requireMeasurable } from './outcomes-common';

/**
 * Outcome measures: ONS4, SWEMWBS and UCLA-3, at baseline, follow-ups and the end of an episode.
 * The zod schema has already refused partial and out-of-range answers; here are the rules that
 * need the database: the episode is open, the date fits it, one baseline and one end each.
 */
type RecordMeasureInput = z.output<typeof recordMeasureSchema>;
type MeasureRow = Selectable<OutcomeMeasuresTable>;

export function toMeasure(row: MeasureRow & { recorded_by_name: string | null }): Measure {
  return {
    id: row.id,
    episodeId: row.episode_id,
    personId: row.person_id,
    instrument: row.instrument,
    timepoint: row.timepoint,
    recordedOn: row.recorded_on,
    declined: row.declined === 1,
    answers: row.answers_json === null ? null : (JSON.parse(row.answers_json) as number[]),
    total: row.total,
    metric: row.metric,
    recordedBy: row.recorded_by_name,
    recordedAt: row.recorded_at,
  };
}

/** Measures of the given episodes, oldest first. */
export async function loadMeasures(db: LinkdeskDb, episodeIds: readonly string[]): Promise<Measure[]> {
  if (episodeIds.length === 0) return [];
  const rows = await db
    .selectFrom('outcome_measures as m')
    .leftJoin('users as u', 'u.id', 'm.recorded_by')
    .selectAll('m')
    .select('u.display_name as recorded_by_name')
    .where('m.episode_id', 'in', episodeIds)
    .orderBy('m.recorded_on')
    .orderBy('m.seq')
    .execute();
  return rows.map(toMeasure);
}

export interface NewMeasure {
  instrument: Instrument;
  timepoint: Timepoint;
  recordedOn: string;
  declined: boolean;
  answers: readonly (number | null)[];
}

/**
 * Inserts a measure inside the caller's transaction, with its scores, and audits it. The caller
 * has checked the episode may take it.
 */
export async function insertMeasure(trx: LinkdeskDb, session: WorkspaceSession, episode: EpisodeRow, measure: NewMeasure): Promise<string> {
  const { user } = session.requireUnlocked();
  const answers = measure.declined ? null : measure.answers.map((answer) => answer!);
  const scores = answers ? scoreAnswers(measure.instrument, answers) : { total: null, metric: null };
  const id = randomUUID();
  try {
    await trx
      .insertInto('outcome_measures')
      .values({
        id,
        episode_id: episode.id,
        person_id: episode.person_id,
        instrument: measure.instrument,
        timepoint: measure.timepoint,
        recorded_on: measure.recordedOn,
        declined: measure.declined ? 1 : 0,
        answers_json: answers ? JSON.stringify(answers) : null,
        total: scores.total,
        metric: scores.metric,
        recorded_at: session.clock.now().toISOString(),
        recorded_by: user.id,
      })
      .execute();
  } catch (error) {
    if (isUniqueViolation(error, 'outcome_measures')) {
      throw new AppError('conflict', `This referral already has ${TIMEPOINTS[measure.timepoint].toLowerCase()} ${INSTRUMENTS[measure.instrument].shortLabel} recorded.`);
    }
    throw error;
  }
  await session.audit(
    {
      action: 'outcome.recorded',
      entityType: 'person',
      entityId: episode.person_id,
      details: { episodeId: episode.id, measureId: id, instrument: measure.instrument, timepoint: measure.timepoint, declined: measure.declined },
    },
    trx,
  );
  return id;
}

/** Refuses a baseline or end measure the episode already has, saying when it was recorded. */
export async function requireNoDuplicate(trx: LinkdeskDb, episodeId: string, instrument: Instrument, timepoint: Timepoint): Promise<void> {
  if (timepoint === 'review') return;
  const existing = await trx
    .selectFrom('outcome_measures')
    .select('recorded_on')
    .where('episode_id', '=', episodeId)
    .where('instrument', '=', instrument)
    .where('timepoint', '=', timepoint)
    .executeTakeFirst();
  if (existing) {
    throw new AppError('conflict', `The ${TIMEPOINTS[timepoint].toLowerCase()} ${INSTRUMENTS[instrument].shortLabel} for this referral was already recorded on ${formatDay(existing.recorded_on)}.`);
  }
}

async function checkDates(trx: LinkdeskDb, session: WorkspaceSession, episode: EpisodeRow, input: RecordMeasureInput): Promise<void> {
  const fields: Record<string, string> = {};
  const today = todayOf(session);
  if (input.recordedOn > today) fields.recordedOn = 'The date cannot be in the future';
  else if (input.recordedOn < episode.received_on) fields.recordedOn = 'The date cannot be before the referral was received';
  else if (input.timepoint !== 'baseline') {
    const baseline = await trx
      .selectFrom('outcome_measures')
      .select('recorded_on')
      .where('episode_id', '=', episode.id)
      .where('instrument', '=', input.instrument)
      .where('timepoint', '=', 'baseline')
      .executeTakeFirst();
    if (baseline && input.recordedOn < baseline.recorded_on) fields.recordedOn = `The date cannot be before the baseline (${formatDay(baseline.recorded_on)})`;
  }
  if (input.nextFollowUpOn && input.nextFollowUpOn <= input.recordedOn) fields.nextFollowUpOn = 'The next follow-up must be after this measure';
  if (input.nextFollowUpOn && input.nextFollowUpOn < today) fields.nextFollowUpOn = 'The next follow-up cannot be in the past';
  if (Object.keys(fields).length > 0) invalidInput(fields);
}

export async function recordMeasure(session: WorkspaceSession, input: RecordMeasureInput): Promise<Measure> {
  const { db } = session.requireUnlocked();
  return db.transaction().execute(async (trx) => {
    const episode = await findEpisode(trx, input.episodeId);
    requireMeasurable(episode);
    await checkDates(trx, session, episode, input);
    await requireNoDuplicate(trx, episode.id, input.instrument, input.timepoint);
    const id = await insertMeasure(trx, session, episode, input);
    // The follow-up: the one asked for; none after the end; a follow-up measure fulfils the one due.
    if (input.nextFollowUpOn) await setFollowUp(trx, session, episode, input.nextFollowUpOn);
    else if (input.nextFollowUpOn === '' || input.timepoint !== 'baseline') await clearFollowUp(trx, session, episode);
    const [measure] = (await loadMeasures(trx, [episode.id])).filter((row) => row.id === id);
    return measure!;
  });
}
