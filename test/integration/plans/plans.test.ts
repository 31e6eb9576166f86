import { describe, expect, it } from 'vitest';
import type { PlanOverview, PlanVersion } from '../../../src/shared/ipc/plans-schemas';
import { advanceDays, auditOf, casework, personWithEpisode } from '../../support/casework';
import { ok, refused } from '../../support/workspace';
import { agreedPlan, draft, GOALS } from './support';

const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';

describe('a personalised care and support plan', () => {
  it('starts as a draft that can be edited, keeping goal and step ids, and holds who was there', async () => {
    const { worker, names } = await casework();
    const { person, episode } = await personWithEpisode(worker);
    const first = await ok<PlanVersion>(worker, 'plans.saveDraft', draft(episode.id));
    expect(first).toMatchObject({
      episodeId: episode.id,
      personId: person.id,
      version: 1,
      status: 'draft',
      readOnly: false,
      supportOffered: 'Knit and Natter at the library, and a befriending call each week',
      reviewOn: '2026-04-13',
      staffNotes: 'STAFF ONLY: son visits rarely; watch for low mood',
      present: ['The person', 'Their daughter'],
      agreement: null,
      createdBy: names.worker,
      reviews: [],
    });
    expect(first.goals.map((g) => g.text)).toEqual(GOALS);
    expect(first.steps.map((s) => [s.owner, s.ownerName, s.dueOn, s.done])).toEqual([
      ['person', '', '2026-03-16', false],
      ['link_worker', '', '2026-03-10', false],
      ['group_or_service', 'Knit and Natter', '2026-03-17', false],
    ]);
    const edited = await ok<PlanVersion>(worker, 'plans.saveDraft', {
      ...draft(episode.id),
      planVersionId: first.id,
      goals: [{ id: first.goals[0]!.id, text: 'Back to the allotment by spring' }],
      steps: [{ ...first.steps[0]!, done: true }],
    });
    expect(edited.id).toBe(first.id);
    expect(edited.version).toBe(1);
    expect(edited.goals).toEqual([{ id: first.goals[0]!.id, text: 'Back to the allotment by spring' }]);
    expect(edited.steps).toEqual([{ ...first.steps[0]!, done: true }]);
    expect(auditOf(worker, 'plan.draft_saved').map((row) => JSON.parse(row.details_json))).toEqual([
      { episodeId: episode.id, planId: first.planId, planVersionId: first.id, version: 1, goalCount: 2, stepCount: 3 },
      { episodeId: episode.id, planId: first.planId, planVersionId: first.id, version: 1, goalCount: 1, stepCount: 1 },
    ]);
  });

  it('has one plan per referral', async () => {
    const { worker } = await casework();
    const { episode } = await personWithEpisode(worker);
    await ok(worker, 'plans.saveDraft', draft(episode.id));
    expect(await refused(worker, 'plans.saveDraft', draft(episode.id))).toEqual({ code: 'conflict', message: 'This referral already has a plan. Open it to make changes.' });
  });

  describe('refuses drafts that are not right, naming the field', () => {
    const cases: [string, Record<string, unknown>, string, string][] = [
      ['a goal with no words', { goals: [{ text: '  ' }] }, 'goals.0.text', 'Write the goal in the person’s words'],
      ['a goal too long', { goals: [{ text: 'x'.repeat(1001) }] }, 'goals.0.text', 'Use at most 1000 characters'],
      ['too many goals', { goals: Array.from({ length: 21 }, () => ({ text: 'A goal' })) }, 'goals', 'Use at most 20 goals'],
      ['goals that are not a list', { goals: 'be happier' }, 'goals', 'Must be a list'],
      ['a step with nothing to do', { steps: [{ action: '', owner: 'person', dueOn: '2026-03-10' }] }, 'steps.0.action', 'Say what will be done'],
      ['a step with no one to do it', { steps: [{ action: 'Ring', dueOn: '2026-03-10' }] }, 'steps.0.owner', 'Choose who will do it'],
      ['a step owned by someone unnamed', { steps: [{ action: 'Ring', owner: 'other', dueOn: '2026-03-10' }] }, 'steps.0.ownerName', 'Say who will do it'],
      ['a step with no due date', { steps: [{ action: 'Ring', owner: 'person' }] }, 'steps.0.dueOn', 'Use a real date, like 2026-11-22'],
      ['a step due before the referral', { steps: [{ action: 'Ring', owner: 'person', dueOn: '2026-02-01' }] }, 'steps.0.dueOn', 'A step cannot be due before the referral was received'],
      ['a step done flag that is not yes or no', { steps: [{ action: 'Ring', owner: 'person', dueOn: '2026-03-10', done: 'yes' }] }, 'steps.0.done', 'Invalid input: expected boolean, received string'],
      ['a review date that is not a date', { reviewOn: 'soon' }, 'reviewOn', 'Use a real date, like 2026-11-22'],
      ['a review before the referral', { reviewOn: '2026-01-01' }, 'reviewOn', 'The review cannot be before the referral was received'],
      ['support offered too long', { supportOffered: 'x'.repeat(4001) }, 'supportOffered', 'Use at most 4000 characters'],
      ['staff notes too long', { staffNotes: 'x'.repeat(4001) }, 'staffNotes', 'Use at most 4000 characters'],
      ['an empty name among those present', { present: [''] }, 'present.0', 'Write who was there'],
      ['a name with a line break', { present: ['Sue\nSmith'] }, 'present.0', 'Remove control characters'],
      ['too many people present', { present: Array.from({ length: 11 }, (_v, i) => `Person ${i}`) }, 'present', 'Name at most 10 people'],
      ['a goal listed twice', { goals: [{ id: NO_SUCH_ID, text: 'a' }, { id: NO_SUCH_ID, text: 'b' }] }, 'goals.1.id', 'This goal is listed twice'],
      ['a version id that is not an id', { planVersionId: 'v1' }, 'planVersionId', 'Not a valid record id'],
    ];
    it.each(cases)('%s', async (_what, change, field, message) => {
      const { worker } = await casework();
      const { episode } = await personWithEpisode(worker);
      const error = await refused(worker, 'plans.saveDraft', draft(episode.id, change));
      expect(error.code).toBe('invalid_input');
      expect(error.fields?.[field]).toBe(message);
      expect(worker.requireUnlocked().raw.prepare('SELECT count(*) AS n FROM care_plan_versions').get()).toEqual({ n: 0 });
    });
  });

  it('refuses a draft naming another referral’s plan', async () => {
    const { worker } = await casework();
    const one = await personWithEpisode(worker);
    const two = await personWithEpisode(worker);
    const plan = await ok<PlanVersion>(worker, 'plans.saveDraft', draft(one.episode.id));
    const error = await refused(worker, 'plans.saveDraft', draft(two.episode.id, { planVersionId: plan.id }));
    expect(error).toMatchObject({ code: 'invalid_input', fields: { planVersionId: 'This plan belongs to another referral' } });
  });
});

describe('agreeing a plan', () => {
  it('records how and when the person agreed, and makes the version read-only', async () => {
    const { worker, names } = await casework();
    const { episode } = await personWithEpisode(worker);
    const saved = await ok<PlanVersion>(worker, 'plans.saveDraft', draft(episode.id));
    const agreed = await ok<PlanVersion>(worker, 'plans.agree', { planVersionId: saved.id, method: 'signed', agreedOn: '2026-03-02' });
    expect(agreed).toMatchObject({ status: 'agreed', readOnly: true, agreement: { method: 'signed', agreedOn: '2026-03-02', recordedBy: names.worker } });
    expect(JSON.parse(auditOf(worker, 'plan.agreed')[0]!.details_json)).toEqual({ episodeId: episode.id, planId: saved.planId, planVersionId: saved.id, version: 1, method: 'signed' });
  });

  it('refuses to agree a plan with no goals', async () => {
    const { worker } = await casework();
    const { episode } = await personWithEpisode(worker);
    const saved = await ok<PlanVersion>(worker, 'plans.saveDraft', draft(episode.id, { goals: [] }));
    const error = await refused(worker, 'plans.agree', { planVersionId: saved.id, method: 'verbal', agreedOn: '2026-03-02' });
    expect(error).toMatchObject({ code: 'invalid_input', fields: { goals: 'Add at least one goal, in the person’s words, before the plan is agreed' } });
    expect((await ok<PlanVersion>(worker, 'plans.getVersion', { planVersionId: saved.id })).status).toBe('draft');
  });

  const cases: [string, Record<string, unknown>, string, string][] = [
    ['no method', { method: undefined }, 'method', 'Choose how the person agreed'],
    ['an unknown method', { method: 'telepathy' }, 'method', 'Choose how the person agreed'],
    ['no date', { agreedOn: undefined }, 'agreedOn', 'Use a real date, like 2026-11-22'],
    ['a date in the future', { agreedOn: '2026-03-03' }, 'agreedOn', 'The plan cannot be agreed in the future'],
    ['a date before the referral', { agreedOn: '2026-02-01' }, 'agreedOn', 'The plan cannot be agreed before the referral was received'],
  ];
  it.each(cases)('refuses %s, naming the field', async (_what, change, field, message) => {
    const { worker } = await casework();
    const { episode } = await personWithEpisode(worker);
    const saved = await ok<PlanVersion>(worker, 'plans.saveDraft', draft(episode.id));
    const error = await refused(worker, 'plans.agree', { planVersionId: saved.id, method: 'verbal', agreedOn: '2026-03-02', ...change });
    expect(error.code).toBe('invalid_input');
    expect(error.fields?.[field]).toBe(message);
  });
});

describe('versions', () => {
  it('refuses any change to an agreed version; revising makes version 2 as a draft, and version 1 stays readable as it was', async () => {
    const { worker, clock } = await casework();
    const { episode } = await personWithEpisode(worker);
    const v1 = await agreedPlan(worker, episode.id);
    const readOnly = 'This version of the plan was agreed with the person, so it cannot be changed. Start a new version to make changes; the agreed one stays as it was.';
    expect(await refused(worker, 'plans.saveDraft', draft(episode.id, { planVersionId: v1.id, goals: [{ text: 'Changed' }] }))).toEqual({ code: 'conflict', message: readOnly });
    expect(await refused(worker, 'plans.agree', { planVersionId: v1.id, method: 'verbal', agreedOn: '2026-03-02' })).toEqual({
      code: 'conflict',
      message: 'This version of the plan was already agreed on 2026-03-02.',
    });
    // Not even the database lets it change.
    expect(() => worker.requireUnlocked().raw.prepare(`UPDATE care_plan_versions SET staff_notes = 'x' WHERE id = ?`).run(v1.id)).toThrow('An agreed plan version cannot be changed');

    advanceDays(clock, 14);
    const v2 = await ok<PlanVersion>(worker, 'plans.reviseAgreed', { planVersionId: v1.id });
    expect(v2).toMatchObject({ version: 2, status: 'draft', readOnly: false, agreement: null, goals: v1.goals, steps: v1.steps, supportOffered: v1.supportOffered });
    const v2edited = await ok<PlanVersion>(worker, 'plans.saveDraft', draft(episode.id, { planVersionId: v2.id, goals: [...v1.goals, { text: 'Join the walking group' }] }));
    expect(v2edited.goals.map((g) => g.text)).toEqual([...GOALS, 'Join the walking group']);
    expect(await refused(worker, 'plans.reviseAgreed', { planVersionId: v1.id })).toEqual({
      code: 'conflict',
      message: 'A newer version of this plan (version 2) already exists. Open it to make changes.',
    });
    expect(await refused(worker, 'plans.reviseAgreed', { planVersionId: v2.id })).toMatchObject({ code: 'conflict', message: expect.stringContaining('still a draft') });

    const overview = await ok<PlanOverview>(worker, 'plans.get', { episodeId: episode.id });
    expect(overview.current?.id).toBe(v2.id);
    expect(overview.versions.map((v) => [v.version, v.status, v.agreedOn])).toEqual([
      [2, 'draft', null],
      [1, 'agreed', '2026-03-02'],
    ]);
    const old = await ok<PlanVersion>(worker, 'plans.getVersion', { planVersionId: v1.id });
    expect(old).toEqual(v1);

    await ok(worker, 'plans.agree', { planVersionId: v2.id, method: 'online', agreedOn: '2026-03-16' });
    expect((await ok<PlanOverview>(worker, 'plans.get', { episodeId: episode.id })).versions.map((v) => v.status)).toEqual(['agreed', 'agreed']);
    expect(JSON.parse(auditOf(worker, 'plan.revised')[0]!.details_json)).toEqual({ episodeId: episode.id, planId: v1.planId, fromPlanVersionId: v1.id, planVersionId: v2.id, version: 2 });
  });

  it('shows an episode with no plan as empty, and refuses unknown versions', async () => {
    const { worker } = await casework();
    const { episode } = await personWithEpisode(worker);
    expect(await ok<PlanOverview>(worker, 'plans.get', { episodeId: episode.id })).toEqual({ current: null, versions: [] });
    expect(await refused(worker, 'plans.getVersion', { planVersionId: NO_SUCH_ID })).toEqual({ code: 'not_found', message: 'That plan does not exist.' });
  });

  it('refuses changes once the referral is closed, but keeps the plan readable', async () => {
    const { worker } = await casework();
    const { episode } = await personWithEpisode(worker);
    const v1 = await agreedPlan(worker, episode.id);
    await ok(worker, 'episodes.transition', { episodeId: episode.id, to: 'closed', closureReason: 'goals_met' });
    expect(await refused(worker, 'plans.reviseAgreed', { planVersionId: v1.id })).toEqual({ code: 'conflict', message: 'This referral is closed, so its conversations and plan cannot change.' });
    expect((await ok<PlanOverview>(worker, 'plans.get', { episodeId: episode.id })).current?.id).toBe(v1.id);
  });
});

describe('reviewing a plan', () => {
  it('records each goal’s progress with a note, newest review first', async () => {
    const { worker, clock, names } = await casework();
    const { episode } = await personWithEpisode(worker);
    const plan = await agreedPlan(worker, episode.id);
    const [allotment, evenings] = plan.goals;
    advanceDays(clock, 28);
    await ok(worker, 'plans.recordReview', {
      planVersionId: plan.id,
      reviewedOn: '2026-03-30',
      goals: [
        { goalId: evenings!.id, progress: 'started', note: 'Went to Knit and Natter twice' },
        { goalId: allotment!.id, progress: 'not_started' },
      ],
    });
    advanceDays(clock, 14);
    const reviewed = await ok<PlanVersion>(worker, 'plans.recordReview', {
      planVersionId: plan.id,
      reviewedOn: '2026-04-13',
      goals: [
        { goalId: allotment!.id, progress: 'achieved', note: 'Half plot from April' },
        { goalId: evenings!.id, progress: 'changed', note: 'Now wants a walking group instead' },
      ],
    });
    expect(reviewed.status).toBe('agreed');
    expect(reviewed.reviews.map((r) => [r.reviewedOn, r.recordedBy, r.goals])).toEqual([
      [
        '2026-04-13',
        names.worker,
        [
          { goalId: allotment!.id, progress: 'achieved', note: 'Half plot from April' },
          { goalId: evenings!.id, progress: 'changed', note: 'Now wants a walking group instead' },
        ],
      ],
      [
        '2026-03-30',
        names.worker,
        [
          { goalId: allotment!.id, progress: 'not_started', note: '' },
          { goalId: evenings!.id, progress: 'started', note: 'Went to Knit and Natter twice' },
        ],
      ],
    ]);
    const audits = auditOf(worker, 'plan.reviewed').map((row) => JSON.parse(row.details_json));
    expect(audits[1]).toEqual({ episodeId: episode.id, planId: plan.planId, planVersionId: plan.id, reviewId: reviewed.reviews[0]!.id, notStarted: 0, started: 0, achieved: 1, changed: 1 });
  });

  it('refuses to review a draft', async () => {
    const { worker } = await casework();
    const { episode } = await personWithEpisode(worker);
    const saved = await ok<PlanVersion>(worker, 'plans.saveDraft', draft(episode.id));
    expect(await refused(worker, 'plans.recordReview', { planVersionId: saved.id, reviewedOn: '2026-03-02', goals: saved.goals.map((g) => ({ goalId: g.id, progress: 'started' })) })).toEqual({
      code: 'conflict',
      message: 'Only an agreed plan can be reviewed. Agree the plan with the person first.',
    });
  });

  type Goals = PlanVersion['goals'];
  const cases: [string, (goals: Goals) => Record<string, unknown>, string, string][] = [
    ['a goal left out', (goals) => ({ goals: [{ goalId: goals[0]!.id, progress: 'started' }] }), 'goals', 'Give progress for every goal'],
    ['no goals at all', () => ({ goals: [] }), 'goals', 'Give progress for every goal'],
    ['a goal from somewhere else', (goals) => ({ goals: [{ goalId: goals[0]!.id, progress: 'started' }, { goalId: NO_SUCH_ID, progress: 'started' }] }), 'goals.1.goalId', 'This goal is not in this version of the plan'],
    ['a goal twice', (goals) => ({ goals: [{ goalId: goals[0]!.id, progress: 'started' }, { goalId: goals[0]!.id, progress: 'achieved' }] }), 'goals.1.goalId', 'This goal is listed twice'],
    ['an unknown progress', (goals) => ({ goals: goals.map((g) => ({ goalId: g.id, progress: 'nearly' })) }), 'goals.0.progress', 'Choose the progress'],
    ['a note too long', (goals) => ({ goals: goals.map((g) => ({ goalId: g.id, progress: 'started', note: 'x'.repeat(2001) })) }), 'goals.0.note', 'Use at most 2000 characters'],
    ['a date in the future', () => ({ reviewedOn: '2026-03-03' }), 'reviewedOn', 'The review cannot be in the future'],
    ['a date before the plan was agreed', () => ({ reviewedOn: '2026-03-01' }), 'reviewedOn', 'The review cannot be before the plan was agreed'],
  ];
  it.each(cases)('refuses %s, naming the field', async (_what, change, field, message) => {
    const { worker } = await casework();
    const { episode } = await personWithEpisode(worker);
    const plan = await agreedPlan(worker, episode.id);
    const input = { planVersionId: plan.id, reviewedOn: '2026-03-02', goals: plan.goals.map((g) => ({ goalId: g.id, progress: 'started' })), ...change(plan.goals) };
    const error = await refused(worker, 'plans.recordReview', input);
    expect(error.code).toBe('invalid_input');
    expect(error.fields?.[field]).toBe(message);
    expect(worker.requireUnlocked().raw.prepare('SELECT count(*) AS n FROM care_plan_reviews').get()).toEqual({ n: 0 });
  });
});

describe('who may do what', () => {
  it('GP supervisors read plans but change nothing; admins see nothing', async () => {
    const { worker, as } = await casework();
    const { episode } = await personWithEpisode(worker);
    const plan = await agreedPlan(worker, episode.id);
    const supervisor = await as('supervisor');
    const admin = await as('admin');
    expect((await ok<PlanOverview>(supervisor, 'plans.get', { episodeId: episode.id })).current?.id).toBe(plan.id);
    expect((await ok<PlanVersion>(supervisor, 'plans.getVersion', { planVersionId: plan.id })).goals).toEqual(plan.goals);
    const writes: [string, Record<string, unknown>][] = [
      ['plans.saveDraft', draft(episode.id)],
      ['plans.agree', { planVersionId: plan.id, method: 'verbal', agreedOn: '2026-03-02' }],
      ['plans.reviseAgreed', { planVersionId: plan.id }],
      ['plans.recordReview', { planVersionId: plan.id, reviewedOn: '2026-03-02', goals: plan.goals.map((g) => ({ goalId: g.id, progress: 'started' })) }],
      ['plans.exportPersonCopy', { planVersionId: plan.id, declaration: { purpose: 'A copy to keep', recipient: 'The person themselves', lawfulBasis: 'direct_care' } }],
    ];
    for (const [name, input] of writes) expect((await refused(supervisor, name, input)).code, name).toBe('forbidden');
    for (const [name, input] of [...writes, ['plans.get', { episodeId: episode.id }], ['plans.getVersion', { planVersionId: plan.id }]] as const) {
      expect((await refused(admin, name, input)).code, name).toBe('forbidden');
    }
  });
});

describe('the audit log', () => {
  it('records every change and every read with ids and codes only, never the plan’s words', async () => {
    const { worker, as } = await casework();
    const { person, episode } = await personWithEpisode(worker, {}, { givenName: 'Winifred', familyName: 'Oyelaran' });
    await ok(worker, 'conversations.record', { episodeId: episode.id, heldOn: '2026-03-02', ownWords: 'I miss my garden terribly', strengths: 'Patient' });
    const plan = await agreedPlan(worker, episode.id);
    await ok(worker, 'plans.recordReview', { planVersionId: plan.id, reviewedOn: '2026-03-02', goals: plan.goals.map((g) => ({ goalId: g.id, progress: 'started', note: 'Went once to the garden' })) });
    await ok(worker, 'plans.reviseAgreed', { planVersionId: plan.id });
    await ok(await as('supervisor'), 'plans.get', { episodeId: episode.id });
    await ok(worker, 'plans.getVersion', { planVersionId: plan.id });
    await ok(worker, 'conversations.list', { episodeId: episode.id });

    const rows = auditOf(worker).filter((row) => /^(plan|conversation)\./.test(row.action));
    expect(rows.map((row) => row.action)).toEqual([
      'conversation.recorded',
      'plan.draft_saved',
      'plan.agreed',
      'plan.reviewed',
      'plan.revised',
      'plan.viewed',
      'plan.viewed',
      'conversation.viewed',
    ]);
    const everything = JSON.stringify(rows);
    for (const words of ['garden', 'allotment', 'Knit', 'STAFF ONLY', 'daughter', 'Winifred', 'Oyelaran', 'Patient', person.nhsNumber!]) expect(everything).not.toContain(words);
    for (const row of rows) {
      expect(row.entity_id).toBe(person.id);
      for (const value of Object.values(JSON.parse(row.details_json) as Record<string, unknown>)) expect(typeof value === 'string' ? value : '').toMatch(/^([0-9a-f-]{36}|[0-9a-f]{64}|[a-z_]+|)$/);
    }
  });
});
