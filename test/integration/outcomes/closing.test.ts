import { describe, expect, it } from 'vitest';
import type { Episode } from '../../../src/shared/ipc/casework-schemas';
import type { ClosingDraft } from '../../../src/shared/ipc/outcomes-schemas';
import { advanceDays, auditOf, casework, personWithEpisode } from '../../support/casework';
import { ok, refused } from '../../support/workspace';
import { createEntry } from '../directory/support';
import { agreedPlan } from '../plans/support';
import { closeWith, outcomesOf, recordMeasure } from './support';

describe('closing an episode with its summary and final measures', () => {
  it('suggests a summary from what matters, the plan and the connections', async () => {
    const { worker } = await casework();
    const { episode } = await personWithEpisode(worker);
    await ok(worker, 'conversations.record', { episodeId: episode.id, heldOn: '2026-03-02', ownWords: 'Getting back to my allotment', priorities: 'Company in the evenings' });
    const plan = await agreedPlan(worker, episode.id);
    const service = await createEntry(worker);
    const connection = await ok<{ id: string }>(worker, 'connections.create', { episodeId: episode.id, serviceId: service.id });
    await ok(worker, 'connections.move', { connectionId: connection.id, to: 'introduced' });
    await ok(worker, 'plans.recordReview', {
      planVersionId: plan.id,
      reviewedOn: '2026-03-02',
      goals: plan.goals.map((goal, index) => ({ goalId: goal.id, progress: index === 0 ? 'achieved' : 'started', note: '' })),
    });
    const draft = await ok<ClosingDraft>(worker, 'outcomes.closingDraft', { episodeId: episode.id });
    expect(draft).toEqual({
      episodeId: episode.id,
      whatMattered: 'Getting back to my allotment\nCompany in the evenings',
      whatWasOffered: 'Knit and Natter at the library, and a befriending call each week\nConnected with: Tuesday Knit and Natter.',
      whatHappened: 'Tuesday Knit and Natter: introduced.\nGoal ““I want to get back to the allotment by spring””: achieved.\nGoal “Feel less on my own in the evenings”: started.',
      endOns4: 'none',
    });
    expect(JSON.parse(auditOf(worker, 'outcome.viewed').at(-1)!.details_json)).toEqual({ episodeId: episode.id, view: 'closing_draft', connections: 1 });
  });

  it('closes with the reason, the PRSB summary and the final ONS4, in one go, and shows the change', async () => {
    const { worker, clock, names } = await casework();
    const { person, episode } = await personWithEpisode(worker);
    await recordMeasure(worker, episode.id, { answers: [3, 5, 4, 8], nextFollowUpOn: '2026-04-13' });
    advanceDays(clock, 84);
    const closed = await closeWith(worker, episode.id, { closureNote: 'Doing well', finalOns4: 'answered', finalOns4Answers: [6, 7, 7, 3] });
    expect(closed).toMatchObject({ status: 'closed', closureReason: 'goals_met', closedOn: '2026-05-25', closureNote: 'Doing well' });
    const outcomes = await outcomesOf(worker, person.id, episode.id);
    expect(outcomes.measures.map((m) => [m.timepoint, m.recordedOn, m.answers])).toEqual([
      ['baseline', '2026-03-02', [3, 5, 4, 8]],
      ['end', '2026-05-25', [6, 7, 7, 3]],
    ]);
    expect(outcomes.changes[0]!.lines).toEqual([
      'Life satisfaction went from 3 (low) to 6 (medium)',
      'Feeling that the things they do are worthwhile went from 5 (medium) to 7 (high)',
      'Happiness yesterday went from 4 (low) to 7 (high)',
      'Anxiety yesterday went from 8 (high) to 3 (low)',
    ]);
    expect(outcomes.closure).toEqual({
      whatMattered: 'Getting out of the house and seeing people',
      whatWasOffered: 'Walking group on Tuesdays; befriending calls',
      whatHappened: 'Walks every week and has made two friends',
      recordedOn: '2026-05-25',
      recordedBy: names.worker,
    });
    expect(outcomes.followUpDueOn).toBeNull();
    expect(auditOf(worker, 'episode.status_changed').at(-1)).toMatchObject({ entity_id: person.id });
    expect(JSON.parse(auditOf(worker, 'outcome.closure_recorded')[0]!.details_json)).toEqual({ episodeId: episode.id, closureReason: 'goals_met', finalOns4: 'answered' });
  });

  it('records a final ONS4 they declined as declined, and closes without one when not asked', async () => {
    const { worker } = await casework();
    const first = await personWithEpisode(worker);
    await closeWith(worker, first.episode.id, { finalOns4: 'declined' });
    const declined = await outcomesOf(worker, first.person.id, first.episode.id);
    expect(declined.measures).toMatchObject([{ timepoint: 'end', declined: true, answers: null }]);
    const second = await personWithEpisode(worker);
    await closeWith(worker, second.episode.id);
    expect((await outcomesOf(worker, second.person.id, second.episode.id)).measures).toEqual([]);
  });

  describe('refuses, changing nothing', () => {
    it('a partial final ONS4, or a summary without the result', async () => {
      const { worker } = await casework();
      const { person, episode } = await personWithEpisode(worker);
      expect((await refused(worker, 'outcomes.closeEpisode', { episodeId: episode.id, closureReason: 'goals_met', whatHappened: 'x', finalOns4: 'answered', finalOns4Answers: [6, 7, null, 3] })).fields).toEqual({
        'finalOns4Answers.2': 'Answer “Happiness”, or record that they declined to answer',
      });
      expect((await refused(worker, 'outcomes.closeEpisode', { episodeId: episode.id, closureReason: 'disengaged', whatHappened: '  ' })).fields).toEqual({
        whatHappened: 'Say what happened: the result for the person',
      });
      expect((await refused(worker, 'outcomes.closeEpisode', { episodeId: episode.id, whatHappened: 'x' })).fields).toEqual({ closureReason: 'Choose why the episode is closing' });
      const outcomes = await outcomesOf(worker, person.id, episode.id);
      expect(outcomes).toMatchObject({ status: 'received', measures: [], closure: null });
    });

    it('a second end ONS4, an episode already closed, and another reason for a declined referral', async () => {
      const { worker } = await casework();
      const { person, episode } = await personWithEpisode(worker);
      await recordMeasure(worker, episode.id, { timepoint: 'end' });
      expect(await refused(worker, 'outcomes.closeEpisode', { episodeId: episode.id, closureReason: 'goals_met', whatHappened: 'x', finalOns4: 'declined' })).toMatchObject({
        code: 'conflict',
        message: 'The end-of-episode ONS4 is already recorded for this referral.',
      });
      expect((await outcomesOf(worker, person.id, episode.id)).status).toBe('received');
      await closeWith(worker, episode.id);
      expect(await refused(worker, 'outcomes.closeEpisode', { episodeId: episode.id, closureReason: 'goals_met', whatHappened: 'x' })).toMatchObject({
        code: 'conflict',
        message: 'This referral is already Closed.',
      });

      const declined = await personWithEpisode(worker);
      await ok(worker, 'contacts.record', { episodeId: declined.episode.id, at: worker.clock.now().toISOString(), mode: 'phone', decision: 'declined' });
      expect((await refused(worker, 'outcomes.closeEpisode', { episodeId: declined.episode.id, closureReason: 'goals_met', whatHappened: 'x' })).fields).toEqual({
        closureReason: 'A declined referral closes with the reason "Declined social prescribing"',
      });
      const closed = await ok<Episode>(worker, 'outcomes.closeEpisode', { episodeId: declined.episode.id, closureReason: 'declined' });
      expect(closed.status).toBe('closed');
    });

    it('closing by anyone but a link worker', async () => {
      const { worker, as } = await casework();
      const { episode } = await personWithEpisode(worker);
      for (const who of ['supervisor', 'admin'] as const) {
        const session = await as(who);
        expect((await refused(session, 'outcomes.closeEpisode', { episodeId: episode.id, closureReason: 'goals_met', whatHappened: 'x' })).code).toBe('forbidden');
      }
    });
  });
});
