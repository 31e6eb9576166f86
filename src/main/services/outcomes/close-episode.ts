import type { z } from 'zod';
import { CONNECTION_STATUSES } from '../../../shared/domain/connections';
import { GOAL_PROGRESS } from '../../../shared/domain/plans';
import type { Episode } from '../../../shared/ipc/casework-schemas';
import type { ClosingDraft, closeEpisodeSchema } from '../../../shared/ipc/outcomes-schemas';
import { AppError } from '../../errors';
import type { LinkdeskDb } from '../../store/kysely';
import { findEpisode, invalidInput, todayOf } from '../casework-common';
import { applyStatusChange, loadEpisode, requireTransition } from '../episodes';
import { loadConversations } from '../plans/conversations';
import { loadPlanVersion } from '../plans/plans';
import type { WorkspaceSession } from '../workspace-session';
import { clearFollowUp } from './follow-ups';
import { insertMeasure } from './measures';

/**
 * Closing an episode: the reason, the PRSB summary (what mattered, what was offered, what the
 * result was) and, if the person answered it, the final ONS4, all in one transaction with the
 * status change. The message back to the GP and referrer is made from what is saved here.
 */
type CloseInput = z.output<typeof closeEpisodeSchema>;

async function endOns4(db: LinkdeskDb, episodeId: string): Promise<'answered' | 'declined' | 'none'> {
  const row = await db.selectFrom('outcome_measures').select('declined').where('episode_id', '=', episodeId).where('instrument', '=', 'ons4').where('timepoint', '=', 'end').executeTakeFirst();
  if (!row) return 'none';
  return row.declined === 1 ? 'declined' : 'answered';
}

async function latestPlan(db: LinkdeskDb, episodeId: string) {
  const latest = await db
    .selectFrom('care_plans as p')
    .innerJoin('care_plan_versions as v', 'v.plan_id', 'p.id')
    .select('v.id')
    .where('p.episode_id', '=', episodeId)
    .orderBy('v.version', 'desc')
    .executeTakeFirst();
  return latest ? loadPlanVersion(db, latest.id) : null;
}

/** A starting point for the closing summary, from what the episode's record already says. */
export async function closingDraft(session: WorkspaceSession, episodeId: string): Promise<ClosingDraft> {
  const { db } = session.requireUnlocked();
  return db.transaction().execute(async (trx) => {
    const episode = await findEpisode(trx, episodeId);
    const [conversation] = await loadConversations(trx, { episodeId });
    const plan = await latestPlan(trx, episodeId);
    const connections = await trx
      .selectFrom('connections as c')
      .innerJoin('directory_services as s', 's.id', 'c.service_id')
      .select(['c.status', 's.name'])
      .where('c.episode_id', '=', episodeId)
      .orderBy('c.seq')
      .execute();
    const review = plan?.reviews[0];
    const offered = [plan?.supportOffered.trim() ?? '', connections.length > 0 ? `Connected with: ${connections.map((c) => c.name).join('; ')}.` : ''].filter(Boolean);
    const happened = [
      ...connections.map((c) => `${c.name}: ${CONNECTION_STATUSES[c.status].toLowerCase()}.`),
      ...(review && plan
        ? review.goals.map((progress) => `Goal “${plan.goals.find((goal) => goal.id === progress.goalId)?.text ?? 'removed'}”: ${GOAL_PROGRESS[progress.progress].toLowerCase()}.`)
        : []),
    ];
    await session.audit(
      { action: 'outcome.viewed', entityType: 'person', entityId: episode.person_id, details: { episodeId, view: 'closing_draft', connections: connections.length } },
      trx,
    );
    return {
      episodeId,
      whatMattered: conversation ? [conversation.ownWords, conversation.priorities].filter((text) => text.trim() !== '').join('\n') : '',
      whatWasOffered: offered.join('\n'),
      whatHappened: happened.join('\n'),
      endOns4: await endOns4(trx, episodeId),
    };
  });
}

export async function closeEpisode(session: WorkspaceSession, input: CloseInput): Promise<Episode> {
  const { db, user } = session.requireUnlocked();
  return db.transaction().execute(async (trx) => {
    const episode = await findEpisode(trx, input.episodeId);
    requireTransition(episode.status, 'closed');
    if (episode.status === 'declined' && input.closureReason !== 'declined') {
      invalidInput({ closureReason: 'A declined referral closes with the reason "Declined social prescribing"' });
    }
    if (input.finalOns4 !== 'not_asked') {
      if (episode.status === 'declined') invalidInput({ finalOns4: 'They declined social prescribing, so there is no final ONS4' });
      if ((await endOns4(trx, episode.id)) !== 'none') throw new AppError('conflict', 'The end-of-episode ONS4 is already recorded for this referral.');
      await insertMeasure(trx, session, episode, {
        instrument: 'ons4',
        timepoint: 'end',
        recordedOn: todayOf(session),
        declined: input.finalOns4 === 'declined',
        answers: input.finalOns4Answers,
      });
    }
    await trx
      .insertInto('episode_closures')
      .values({
        episode_id: episode.id,
        what_mattered: input.whatMattered.trim(),
        what_was_offered: input.whatWasOffered.trim(),
        what_happened: input.whatHappened.trim(),
        recorded_at: session.clock.now().toISOString(),
        recorded_by: user.id,
      })
      .execute();
    await session.audit(
      {
        action: 'outcome.closure_recorded',
        entityType: 'person',
        entityId: episode.person_id,
        details: { episodeId: episode.id, closureReason: input.closureReason, finalOns4: input.finalOns4 },
      },
      trx,
    );
    await clearFollowUp(trx, session, episode);
    await applyStatusChange(trx, session, episode, { to: 'closed', closureReason: input.closureReason, closureNote: input.closureNote });
    return loadEpisode(trx, episode.id);
  });
}
