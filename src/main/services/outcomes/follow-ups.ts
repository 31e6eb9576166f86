import type { z } from 'zod';
import type { scheduleFollowUpSchema } from '../../../shared/ipc/outcomes-schemas';
import type { LinkdeskDb } from '../../store/kysely';
import { type EpisodeRow, findEpisode, invalidInput, todayOf } from '../casework-common';
import type { WorkspaceSession } from '../workspace-session';
import { requireMeasurable } from './outcomes-common';

/**
 * Wellbeing follow-ups: the date the next measures are due for an open episode. When it has come,
 * the caseload flags the episode ("Outcome follow-up due") until a follow-up is recorded or the
 * date moves.
 */
type ScheduleInput = z.output<typeof scheduleFollowUpSchema>;

/** Six weeks after a measure, the usual review point, is what the forms suggest. */
export const FOLLOW_UP_DEFAULT_DAYS = 42;

export async function setFollowUp(trx: LinkdeskDb, session: WorkspaceSession, episode: EpisodeRow, dueOn: string): Promise<void> {
  const { user } = session.requireUnlocked();
  const values = { due_on: dueOn, set_at: session.clock.now().toISOString(), set_by: user.id };
  await trx
    .insertInto('outcome_follow_ups')
    .values({ episode_id: episode.id, ...values })
    .onConflict((conflict) => conflict.column('episode_id').doUpdateSet(values))
    .execute();
  await session.audit({ action: 'outcome.follow_up_scheduled', entityType: 'person', entityId: episode.person_id, details: { episodeId: episode.id, dueOn } }, trx);
}

export async function clearFollowUp(trx: LinkdeskDb, session: WorkspaceSession, episode: EpisodeRow): Promise<void> {
  const result = await trx.deleteFrom('outcome_follow_ups').where('episode_id', '=', episode.id).executeTakeFirst();
  if (Number(result.numDeletedRows) > 0) {
    await session.audit({ action: 'outcome.follow_up_scheduled', entityType: 'person', entityId: episode.person_id, details: { episodeId: episode.id, dueOn: null } }, trx);
  }
}

export async function scheduleFollowUp(session: WorkspaceSession, input: ScheduleInput): Promise<{ episodeId: string; dueOn: string | null }> {
  const { db } = session.requireUnlocked();
  return db.transaction().execute(async (trx) => {
    const episode = await findEpisode(trx, input.episodeId);
    requireMeasurable(episode);
    if (input.dueOn === '') {
      await clearFollowUp(trx, session, episode);
      return { episodeId: episode.id, dueOn: null };
    }
    if (input.dueOn < todayOf(session)) invalidInput({ dueOn: 'The follow-up cannot be in the past' });
    await setFollowUp(trx, session, episode, input.dueOn);
    return { episodeId: episode.id, dueOn: input.dueOn };
  });
}
