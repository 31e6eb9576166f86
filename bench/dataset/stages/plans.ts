import { STEP_OWNER_CODES } from '../../../src/shared/domain/plans';
import { addDays, daysBetween } from '../../../src/shared/domain/working-days';
import { type GeneratorStage, inOneTransaction, seededUuid, streamFor } from '../context';

/**
 * "What matters to me" conversations and care and support plans for the episodes that reached
 * acceptance: one plan per episode, version 1 agreed (a draft while the episode is new), some with
 * a second version, and reviews of goal progress. Goals and steps are JSON on the version, as the
 * plans service stores them; agreed versions are only ever inserted (the triggers forbid changes).
 */
const GOALS = ['Get out of the house twice a week', 'Sort out my debts', 'Sleep better', 'Meet new people', 'Get fitter', 'Find some volunteering', 'Feel less anxious', 'Get my benefits right'] as const;
const STEPS = ['Try the walking group', 'Call the advice line', 'Visit the library cafe', 'Go to the singing group', 'Book the debt advice appointment', 'Ask the GP about talking therapies'] as const;
const PROGRESS = ['not_started', 'started', 'started', 'achieved', 'achieved', 'changed'] as const;

export const plansStage: GeneratorStage = {
  name: 'what matters conversations and care plans',
  run(context) {
    const { raw, today } = context;
    const random = streamFor(context.seed, 'plans');
    const eligible = context.episodes.filter((episode) => episode.acceptedOn !== null);
    const chosen = eligible.length <= context.scale.plans ? eligible : random.pickSome(eligible, context.scale.plans);
    chosen.sort((a, b) => (a.acceptedOn! < b.acceptedOn! ? -1 : a.acceptedOn! > b.acceptedOn! ? 1 : 0));
    const conversation = raw.prepare(`INSERT INTO what_matters_conversations (id, episode_id, person_id, held_on, own_words, strengths, barriers, priorities, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const plan = raw.prepare(`INSERT INTO care_plans (id, episode_id, person_id, created_at, created_by) VALUES (?, ?, ?, ?, ?)`);
    const version = raw.prepare(`INSERT INTO care_plan_versions (id, plan_id, version, status, goals_json, steps_json, present_json, support_offered, review_on, staff_notes,
        agreement_method, agreed_on, agreed_at, agreed_by, created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const review = raw.prepare(`INSERT INTO care_plan_reviews (id, version_id, reviewed_on, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?)`);
    const reviewGoal = raw.prepare(`INSERT INTO care_plan_review_goals (review_id, goal_id, progress, note) VALUES (?, ?, ?, ?)`);
    const counts = { what_matters_conversations: 0, care_plans: 0, care_plan_versions: 0, care_plan_reviews: 0, goals_and_steps: 0 };
    const plans: { episodeId: string; goalIds: string[] }[] = [];
    inOneTransaction(raw, chosen, (episode) => {
      const heldOn = episode.acceptedOn!;
      const at = `${heldOn}T11:00:00.000Z`;
      const worker = episode.workerId;
      conversation.run(seededUuid(random), episode.id, episode.personId, heldOn, random.pick(GOALS), 'Good with people', 'Worried about money', 'Feeling better', worker, at);
      const planId = seededUuid(random);
      plan.run(planId, episode.id, episode.personId, at, worker);
      const end = episode.closedOn ?? today;
      const goals = random.pickSome(GOALS, random.int(1, 3)).map((text) => ({ id: seededUuid(random), text }));
      const steps = random.pickSome(STEPS, random.int(1, 3)).map((action) => ({
        id: seededUuid(random), action, owner: random.pick(STEP_OWNER_CODES.filter((owner) => owner !== 'other')), ownerName: '', dueOn: addDays(heldOn, random.int(7, 60)), done: random.chance(0.5),
      }));
      const versions = random.chance(0.2) && daysBetween(heldOn, end) > 30 ? 2 : 1;
      let goalIds = goals.map((goal) => goal.id);
      for (let number = 1; number <= versions; number += 1) {
        const createdOn = number === 1 ? heldOn : addDays(heldOn, Math.floor(daysBetween(heldOn, end) / 2));
        const agreed = episode.status !== 'accepted' || number < versions || random.chance(0.5);
        const agreedOn = agreed ? (addDays(createdOn, random.int(0, 7)) < end ? addDays(createdOn, random.int(0, 7)) : createdOn) : null;
        const versionGoals = number === 1 ? goals : [...goals.slice(0, 1), { id: seededUuid(random), text: random.pick(GOALS) }];
        const versionId = seededUuid(random);
        const created = `${createdOn}T11:30:00.000Z`;
        version.run(
          versionId, planId, number, agreed ? 'agreed' : 'draft', JSON.stringify(versionGoals), JSON.stringify(steps), JSON.stringify(['The person']),
          'Introductions to local groups', addDays(createdOn, 42), null, agreed ? 'verbal' : null, agreedOn, agreed ? `${agreedOn}T12:00:00.000Z` : null, agreed ? worker : null,
          created, worker, created, worker,
        );
        counts.care_plan_versions += 1;
        goalIds = versionGoals.map((goal) => goal.id);
        if (number === versions) counts.goals_and_steps += versionGoals.length + steps.length;
        if (agreed && episode.status === 'closed' && random.chance(0.4)) {
          const reviewId = seededUuid(random);
          const reviewedOn = end < addDays(agreedOn!, 30) ? end : addDays(agreedOn!, 30);
          review.run(reviewId, versionId, reviewedOn, worker, `${reviewedOn}T15:00:00.000Z`);
          for (const goal of versionGoals) reviewGoal.run(reviewId, goal.id, random.pick(PROGRESS), null);
          counts.care_plan_reviews += 1;
        }
      }
      plans.push({ episodeId: episode.id, goalIds });
      counts.what_matters_conversations += 1;
      counts.care_plans += 1;
    });
    context.plans = plans;
    return counts;
  },
};
