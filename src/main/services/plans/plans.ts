import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { z } from 'zod';
import type { GoalProgress } from '../../../shared/domain/plans';
import type {
  agreePlanSchema,
  PlanGoal,
  PlanOverview,
  PlanReview,
  PlanStep,
  PlanVersion,
  reviewPlanSchema,
  saveDraftSchema,
} from '../../../shared/ipc/plans-schemas';
import { AppError } from '../../errors';
import type { LinkdeskDb } from '../../store/kysely';
import type { CarePlanVersionsTable } from '../../store/schema';
import { findReadableEpisode, invalidInput, todayOf } from '../casework-common';
import type { WorkspaceSession } from '../workspace-session';
import { requireOpenEpisode, textOrNull } from './plans-common';

/**
 * Personalised care and support plans, one per episode, in numbered versions. A draft can be
 * edited; once the person has agreed it, a version is read-only (here and by database triggers),
 * and changing the plan starts a new draft version from it. Reviews record each goal's progress
 * against an agreed version. Every change and every read is audited with ids and codes only.
 */
type SaveDraftInput = z.output<typeof saveDraftSchema>;
type AgreeInput = z.output<typeof agreePlanSchema>;
type ReviewInput = z.output<typeof reviewPlanSchema>;
export type PlanVersionRow = Selectable<CarePlanVersionsTable>;

export const AGREED_IS_READ_ONLY =
  'This version of the plan was agreed with the person, so it cannot be changed. Start a new version to make changes; the agreed one stays as it was.';

export async function findPlanVersion(db: LinkdeskDb, planVersionId: string): Promise<PlanVersionRow & { episode_id: string; person_id: string }> {
  const row = await db
    .selectFrom('care_plan_versions as v')
    .innerJoin('care_plans as p', 'p.id', 'v.plan_id')
    .selectAll('v')
    .select(['p.episode_id', 'p.person_id'])
    .where('v.id', '=', planVersionId)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', 'That plan does not exist.');
  return row;
}

async function latestVersionNumber(db: LinkdeskDb, planId: string): Promise<number> {
  const row = await db.selectFrom('care_plan_versions').select((eb) => eb.fn.max('version').as('latest')).where('plan_id', '=', planId).executeTakeFirst();
  return Number(row?.latest ?? 0);
}

async function loadReviews(db: LinkdeskDb, versionId: string): Promise<PlanReview[]> {
  const reviews = await db
    .selectFrom('care_plan_reviews as r')
    .leftJoin('users as u', 'u.id', 'r.recorded_by')
    .select(['r.id', 'r.reviewed_on', 'u.display_name'])
    .where('r.version_id', '=', versionId)
    .orderBy('r.reviewed_on', 'desc')
    .orderBy('r.recorded_at', 'desc')
    .execute();
  if (reviews.length === 0) return [];
  const goals = await db
    .selectFrom('care_plan_review_goals')
    .selectAll()
    .where(
      'review_id',
      'in',
      reviews.map((review) => review.id),
    )
    .execute();
  const order = (await findPlanVersionGoals(db, versionId)).map((goal) => goal.id);
  return reviews.map((review) => ({
    id: review.id,
    reviewedOn: review.reviewed_on,
    recordedBy: review.display_name,
    goals: goals
      .filter((goal) => goal.review_id === review.id)
      .sort((a, b) => order.indexOf(a.goal_id) - order.indexOf(b.goal_id))
      .map((goal) => ({ goalId: goal.goal_id, progress: goal.progress, note: goal.note ?? '' })),
  }));
}

async function findPlanVersionGoals(db: LinkdeskDb, versionId: string): Promise<PlanGoal[]> {
  const row = await db.selectFrom('care_plan_versions').select('goals_json').where('id', '=', versionId).executeTakeFirstOrThrow();
  return JSON.parse(row.goals_json) as PlanGoal[];
}

/** A plan version as the renderer sees it, with names for who agreed and who wrote it. */
export async function loadPlanVersion(db: LinkdeskDb, planVersionId: string): Promise<PlanVersion> {
  const row = await findPlanVersion(db, planVersionId);
  const names = new Map(
    (
      await db
        .selectFrom('users')
        .select(['id', 'display_name'])
        .where('id', 'in', [row.created_by, row.agreed_by ?? row.created_by])
        .execute()
    ).map((user) => [user.id, user.display_name]),
  );
  const latest = await latestVersionNumber(db, row.plan_id);
  return {
    id: row.id,
    planId: row.plan_id,
    episodeId: row.episode_id,
    personId: row.person_id,
    version: row.version,
    status: row.status,
    readOnly: row.status === 'agreed' || row.version < latest,
    goals: JSON.parse(row.goals_json) as PlanGoal[],
    steps: JSON.parse(row.steps_json) as PlanStep[],
    supportOffered: row.support_offered ?? '',
    reviewOn: row.review_on,
    staffNotes: row.staff_notes ?? '',
    present: JSON.parse(row.present_json) as string[],
    agreement:
      row.status === 'agreed' && row.agreement_method && row.agreed_on
        ? { method: row.agreement_method, agreedOn: row.agreed_on, recordedBy: names.get(row.agreed_by ?? '') ?? null }
        : null,
    createdAt: row.created_at,
    createdBy: names.get(row.created_by) ?? null,
    updatedAt: row.updated_at,
    reviews: await loadReviews(db, row.id),
  };
}

export async function getPlan(session: WorkspaceSession, episodeId: string): Promise<PlanOverview> {
  const { db } = session.requireUnlocked();
  return db.transaction().execute(async (trx) => {
    const episode = await findReadableEpisode(session, trx, episodeId);
    const plan = await trx.selectFrom('care_plans').select('id').where('episode_id', '=', episodeId).executeTakeFirst();
    const versions = plan
      ? await trx.selectFrom('care_plan_versions').select(['id', 'version', 'status', 'agreed_on', 'created_at']).where('plan_id', '=', plan.id).orderBy('version', 'desc').execute()
      : [];
    const current = versions[0] ? await loadPlanVersion(trx, versions[0].id) : null;
    await session.audit(
      { action: 'plan.viewed', entityType: 'person', entityId: episode.person_id, details: { episodeId, planId: plan?.id ?? null, planVersionId: current?.id ?? null } },
      trx,
    );
    return {
      current,
      versions: versions.map((version) => ({ id: version.id, version: version.version, status: version.status, agreedOn: version.agreed_on, createdAt: version.created_at })),
    };
  });
}

export async function getPlanVersion(session: WorkspaceSession, planVersionId: string): Promise<PlanVersion> {
  const { db } = session.requireUnlocked();
  return db.transaction().execute(async (trx) => {
    const version = await loadPlanVersion(trx, planVersionId);
    await findReadableEpisode(session, trx, version.episodeId);
    await session.audit(
      { action: 'plan.viewed', entityType: 'person', entityId: version.personId, details: { episodeId: version.episodeId, planId: version.planId, planVersionId } },
      trx,
    );
    return version;
  });
}

/** Gives new goals and steps their ids and checks the dates and ids against the referral. */
function planContent(input: SaveDraftInput, receivedOn: string): { goals: PlanGoal[]; steps: PlanStep[] } {
  const fields: Record<string, string> = {};
  const seen = new Set<string>();
  const goals = input.goals.map((goal, index) => {
    if (goal.id && seen.has(goal.id)) fields[`goals.${index}.id`] = 'This goal is listed twice';
    if (goal.id) seen.add(goal.id);
    return { id: goal.id ?? randomUUID(), text: goal.text };
  });
  const seenSteps = new Set<string>();
  const steps = input.steps.map((step, index) => {
    if (step.id && seenSteps.has(step.id)) fields[`steps.${index}.id`] = 'This step is listed twice';
    if (step.id) seenSteps.add(step.id);
    if (step.dueOn < receivedOn) fields[`steps.${index}.dueOn`] = 'A step cannot be due before the referral was received';
    return { id: step.id ?? randomUUID(), action: step.action, owner: step.owner, ownerName: step.ownerName, dueOn: step.dueOn, done: step.done };
  });
  if (input.reviewOn !== '' && input.reviewOn < receivedOn) fields.reviewOn = 'The review cannot be before the referral was received';
  if (Object.keys(fields).length > 0) invalidInput(fields);
  return { goals, steps };
}

export async function saveDraft(session: WorkspaceSession, input: SaveDraftInput): Promise<PlanVersion> {
  const { db, user } = session.requireUnlocked();
  return db.transaction().execute(async (trx) => {
    const episode = await requireOpenEpisode(trx, input.episodeId);
    const { goals, steps } = planContent(input, episode.received_on);
    const now = session.clock.now().toISOString();
    const content = {
      goals_json: JSON.stringify(goals),
      steps_json: JSON.stringify(steps),
      present_json: JSON.stringify(input.present),
      support_offered: textOrNull(input.supportOffered),
      review_on: input.reviewOn === '' ? null : input.reviewOn,
      staff_notes: textOrNull(input.staffNotes),
      updated_at: now,
      updated_by: user.id,
    };
    let planId: string;
    let versionId: string;
    let versionNumber: number;
    if (input.planVersionId === null) {
      const existing = await trx.selectFrom('care_plans').select('id').where('episode_id', '=', episode.id).executeTakeFirst();
      if (existing) throw new AppError('conflict', 'This referral already has a plan. Open it to make changes.');
      planId = randomUUID();
      versionId = randomUUID();
      versionNumber = 1;
      await trx.insertInto('care_plans').values({ id: planId, episode_id: episode.id, person_id: episode.person_id, created_at: now, created_by: user.id }).execute();
      await trx.insertInto('care_plan_versions').values({ id: versionId, plan_id: planId, version: 1, status: 'draft', created_at: now, created_by: user.id, ...content }).execute();
    } else {
      const version = await findPlanVersion(trx, input.planVersionId);
      if (version.episode_id !== episode.id) invalidInput({ planVersionId: 'This plan belongs to another referral' });
      if (version.status === 'agreed') throw new AppError('conflict', AGREED_IS_READ_ONLY);
      planId = version.plan_id;
      versionId = version.id;
      versionNumber = version.version;
      await trx.updateTable('care_plan_versions').set(content).where('id', '=', versionId).execute();
    }
    await session.audit(
      {
        action: 'plan.draft_saved',
        entityType: 'person',
        entityId: episode.person_id,
        details: { episodeId: episode.id, planId, planVersionId: versionId, version: versionNumber, goalCount: goals.length, stepCount: steps.length },
      },
      trx,
    );
    return loadPlanVersion(trx, versionId);
  });
}

export async function agreePlan(session: WorkspaceSession, input: AgreeInput): Promise<PlanVersion> {
  const { db, user } = session.requireUnlocked();
  return db.transaction().execute(async (trx) => {
    const version = await findPlanVersion(trx, input.planVersionId);
    const episode = await requireOpenEpisode(trx, version.episode_id);
    if (version.status === 'agreed') throw new AppError('conflict', `This version of the plan was already agreed on ${version.agreed_on}.`);
    const fields: Record<string, string> = {};
    if ((JSON.parse(version.goals_json) as PlanGoal[]).length === 0) fields.goals = 'Add at least one goal, in the person’s words, before the plan is agreed';
    if (input.agreedOn > todayOf(session)) fields.agreedOn = 'The plan cannot be agreed in the future';
    else if (input.agreedOn < episode.received_on) fields.agreedOn = 'The plan cannot be agreed before the referral was received';
    if (Object.keys(fields).length > 0) invalidInput(fields);
    const now = session.clock.now().toISOString();
    await trx
      .updateTable('care_plan_versions')
      .set({ status: 'agreed', agreement_method: input.method, agreed_on: input.agreedOn, agreed_at: now, agreed_by: user.id, updated_at: now, updated_by: user.id })
      .where('id', '=', version.id)
      .execute();
    await session.audit(
      {
        action: 'plan.agreed',
        entityType: 'person',
        entityId: version.person_id,
        details: { episodeId: version.episode_id, planId: version.plan_id, planVersionId: version.id, version: version.version, method: input.method },
      },
      trx,
    );
    return loadPlanVersion(trx, version.id);
  });
}

export async function reviseAgreedPlan(session: WorkspaceSession, planVersionId: string): Promise<PlanVersion> {
  const { db, user } = session.requireUnlocked();
  return db.transaction().execute(async (trx) => {
    const version = await findPlanVersion(trx, planVersionId);
    await requireOpenEpisode(trx, version.episode_id);
    if (version.status !== 'agreed') throw new AppError('conflict', 'This version is still a draft: change it directly, then agree it with the person.');
    const latest = await latestVersionNumber(trx, version.plan_id);
    if (latest !== version.version) throw new AppError('conflict', `A newer version of this plan (version ${latest}) already exists. Open it to make changes.`);
    const id = randomUUID();
    const now = session.clock.now().toISOString();
    await trx
      .insertInto('care_plan_versions')
      .values({
        id,
        plan_id: version.plan_id,
        version: version.version + 1,
        status: 'draft',
        goals_json: version.goals_json,
        steps_json: version.steps_json,
        present_json: version.present_json,
        support_offered: version.support_offered,
        review_on: version.review_on,
        staff_notes: version.staff_notes,
        created_at: now,
        created_by: user.id,
        updated_at: now,
        updated_by: user.id,
      })
      .execute();
    await session.audit(
      {
        action: 'plan.revised',
        entityType: 'person',
        entityId: version.person_id,
        details: { episodeId: version.episode_id, planId: version.plan_id, fromPlanVersionId: version.id, planVersionId: id, version: version.version + 1 },
      },
      trx,
    );
    return loadPlanVersion(trx, id);
  });
}

export async function recordReview(session: WorkspaceSession, input: ReviewInput): Promise<PlanVersion> {
  const { db, user } = session.requireUnlocked();
  return db.transaction().execute(async (trx) => {
    const version = await findPlanVersion(trx, input.planVersionId);
    await requireOpenEpisode(trx, version.episode_id);
    if (version.status !== 'agreed' || version.agreed_on === null) throw new AppError('conflict', 'Only an agreed plan can be reviewed. Agree the plan with the person first.');
    const goalIds = (JSON.parse(version.goals_json) as PlanGoal[]).map((goal) => goal.id);
    const fields: Record<string, string> = {};
    if (input.reviewedOn > todayOf(session)) fields.reviewedOn = 'The review cannot be in the future';
    else if (input.reviewedOn < version.agreed_on) fields.reviewedOn = 'The review cannot be before the plan was agreed';
    const seen = new Set<string>();
    input.goals.forEach((goal, index) => {
      if (!goalIds.includes(goal.goalId)) fields[`goals.${index}.goalId`] = 'This goal is not in this version of the plan';
      else if (seen.has(goal.goalId)) fields[`goals.${index}.goalId`] = 'This goal is listed twice';
      seen.add(goal.goalId);
    });
    if (Object.keys(fields).length === 0 && goalIds.some((id) => !seen.has(id))) fields.goals = 'Give progress for every goal';
    if (Object.keys(fields).length > 0) invalidInput(fields);
    const id = randomUUID();
    await trx.insertInto('care_plan_reviews').values({ id, version_id: version.id, reviewed_on: input.reviewedOn, recorded_by: user.id, recorded_at: session.clock.now().toISOString() }).execute();
    await trx
      .insertInto('care_plan_review_goals')
      .values(input.goals.map((goal) => ({ review_id: id, goal_id: goal.goalId, progress: goal.progress, note: textOrNull(goal.note) })))
      .execute();
    const counts = (progress: GoalProgress) => input.goals.filter((goal) => goal.progress === progress).length;
    await session.audit(
      {
        action: 'plan.reviewed',
        entityType: 'person',
        entityId: version.person_id,
        details: {
          episodeId: version.episode_id,
          planId: version.plan_id,
          planVersionId: version.id,
          reviewId: id,
          notStarted: counts('not_started'),
          started: counts('started'),
          achieved: counts('achieved'),
          changed: counts('changed'),
        },
      },
      trx,
    );
    return loadPlanVersion(trx, version.id);
  });
}
