import { describe, expect, it } from 'vitest';
import type { Measure } from '../../../src/shared/ipc/outcomes-schemas';
import { advanceDays, auditOf, caseloadRow, casework, personWithEpisode } from '../../support/casework';
import { ok, refused } from '../../support/workspace';
import { closeWith, outcomesOf, recordMeasure } from './support';

describe('recording outcome measures', () => {
  it('records a baseline ONS4 with its four answers, never summed, and schedules the follow-up', async () => {
    const { worker, names } = await casework();
    const { person, episode } = await personWithEpisode(worker);
    const measure = await recordMeasure(worker, episode.id, { nextFollowUpOn: '2026-04-13' });
    expect(measure).toMatchObject({
      episodeId: episode.id,
      personId: person.id,
      instrument: 'ons4',
      timepoint: 'baseline',
      recordedOn: '2026-03-02',
      declined: false,
      answers: [3, 4, 5, 6],
      total: null,
      metric: null,
      recordedBy: names.worker,
    });
    const outcomes = await outcomesOf(worker, person.id, episode.id);
    expect(outcomes).toMatchObject({ followUpDueOn: '2026-04-13', followUpDue: false, changes: [] });
  });

  it('scores SWEMWBS (raw and metric from the published table) and UCLA-3', async () => {
    const { worker } = await casework();
    const { episode } = await personWithEpisode(worker);
    const swemwbs = await recordMeasure(worker, episode.id, { instrument: 'swemwbs', answers: [3, 4, 2, 3, 4, 3, 5] });
    expect(swemwbs).toMatchObject({ answers: [3, 4, 2, 3, 4, 3, 5], total: 24, metric: 21.54 });
    const ucla = await recordMeasure(worker, episode.id, { instrument: 'ucla3', answers: [3, 2, 3] });
    expect(ucla).toMatchObject({ total: 8, metric: null });
  });

  it('records "declined to answer" as declined, with no answers and no score, never as zero', async () => {
    const { worker } = await casework();
    const { person, episode } = await personWithEpisode(worker);
    const declined = await recordMeasure(worker, episode.id, { instrument: 'swemwbs', declined: true, answers: [] });
    expect(declined).toMatchObject({ declined: true, answers: null, total: null, metric: null });
    const raw = worker.requireUnlocked().raw.prepare('SELECT declined, answers_json, total, metric FROM outcome_measures WHERE id = ?').get(declined.id);
    expect(raw).toEqual({ declined: 1, answers_json: null, total: null, metric: null });
    expect((await outcomesOf(worker, person.id, episode.id)).measures).toHaveLength(1);
  });

  describe('refuses answers that are partial or out of range, naming the question, and saves nothing', () => {
    const cases: [string, Record<string, unknown>, Record<string, string>][] = [
      ['an unanswered ONS4 question', { answers: [3, null, 5, 6] }, { 'answers.1': 'Answer “Worthwhile”, or record that they declined to answer' }],
      [
        'too few ONS4 answers',
        { answers: [3, 4] },
        { 'answers.2': 'Answer “Happiness”, or record that they declined to answer', 'answers.3': 'Answer “Anxiety”, or record that they declined to answer' },
      ],
      ['an ONS4 score of 11', { answers: [3, 4, 11, 6] }, { 'answers.2': 'Happiness: use a whole number from 0 to 10' }],
      ['a negative ONS4 score', { answers: [-1, 4, 5, 6] }, { 'answers.0': 'Life satisfaction: use a whole number from 0 to 10' }],
      ['a fractional ONS4 score', { answers: [3, 4.5, 5, 6] }, { 'answers.1': 'Worthwhile: use a whole number from 0 to 10' }],
      ['a SWEMWBS answer of 0', { instrument: 'swemwbs', answers: [0, 3, 3, 3, 3, 3, 3] }, { 'answers.0': 'Statement 1: use a whole number from 1 to 5' }],
      ['six SWEMWBS answers', { instrument: 'swemwbs', answers: [3, 3, 3, 3, 3, 3] }, { 'answers.6': 'Answer “Statement 7”, or record that they declined to answer' }],
      ['a UCLA answer of 4', { instrument: 'ucla3', answers: [1, 4, 2] }, { 'answers.1': 'Question 2: use a whole number from 1 to 3' }],
      ['too many answers', { answers: [1, 2, 3, 4, 5] }, { answers: 'This measure has 4 questions, not 5' }],
      ['declined with answers', { declined: true, answers: [0, 0, 0, 0] }, { answers: 'A declined measure has no answers: clear them, or untick “declined”' }],
      ['an unknown measure', { instrument: 'phq9' }, { instrument: 'Choose the measure' }],
      ['an unknown timepoint', { timepoint: 'midway' }, { timepoint: 'Choose when this was measured: baseline, follow-up or end' }],
      ['a follow-up after the end', { timepoint: 'end', nextFollowUpOn: '2026-04-13' }, { nextFollowUpOn: 'No follow-up comes after the end of the episode' }],
    ];
    it.each(cases)('%s', async (_name, change, fields) => {
      const { worker } = await casework();
      const { person, episode } = await personWithEpisode(worker);
      const error = await refused(worker, 'outcomes.record', { episodeId: episode.id, instrument: 'ons4', timepoint: 'baseline', recordedOn: '2026-03-02', answers: [1, 2, 3, 4], ...change });
      expect(error.code).toBe('invalid_input');
      expect(error.fields).toEqual(fields);
      expect((await outcomesOf(worker, person.id, episode.id)).measures).toEqual([]);
    });
  });

  describe('refuses what does not fit the referral', () => {
    it('dates in the future, before the referral, or a follow-up before the baseline', async () => {
      const { worker, clock } = await casework();
      const { episode } = await personWithEpisode(worker);
      expect((await refused(worker, 'outcomes.record', { episodeId: episode.id, instrument: 'ons4', timepoint: 'baseline', recordedOn: '2026-03-03', answers: [1, 2, 3, 4] })).fields).toEqual({
        recordedOn: 'The date cannot be in the future',
      });
      expect((await refused(worker, 'outcomes.record', { episodeId: episode.id, instrument: 'ons4', timepoint: 'baseline', recordedOn: '2026-03-01', answers: [1, 2, 3, 4] })).fields).toEqual({
        recordedOn: 'The date cannot be before the referral was received',
      });
      advanceDays(clock, 10);
      await recordMeasure(worker, episode.id, { recordedOn: '2026-03-09' });
      expect((await refused(worker, 'outcomes.record', { episodeId: episode.id, instrument: 'ons4', timepoint: 'review', recordedOn: '2026-03-05', answers: [1, 2, 3, 4] })).fields).toEqual({
        recordedOn: 'The date cannot be before the baseline (9 Mar 2026)',
      });
      expect((await refused(worker, 'outcomes.record', { episodeId: episode.id, instrument: 'ons4', timepoint: 'review', recordedOn: '2026-03-12', answers: [1, 2, 3, 4], nextFollowUpOn: '2026-03-12' })).fields).toEqual({
        nextFollowUpOn: 'The next follow-up must be after this measure',
      });
    });

    it('a second baseline or end of the same measure', async () => {
      const { worker } = await casework();
      const { episode } = await personWithEpisode(worker);
      await recordMeasure(worker, episode.id);
      expect(await refused(worker, 'outcomes.record', { episodeId: episode.id, instrument: 'ons4', timepoint: 'baseline', recordedOn: '2026-03-02', declined: true })).toMatchObject({
        code: 'conflict',
        message: 'The baseline ONS4 for this referral was already recorded on 2 Mar 2026.',
      });
      await recordMeasure(worker, episode.id, { instrument: 'swemwbs', answers: [3, 3, 3, 3, 3, 3, 3] });
      await recordMeasure(worker, episode.id, { timepoint: 'review' });
      await recordMeasure(worker, episode.id, { timepoint: 'review' });
      await recordMeasure(worker, episode.id, { timepoint: 'end' });
      expect((await refused(worker, 'outcomes.record', { episodeId: episode.id, instrument: 'ons4', timepoint: 'end', recordedOn: '2026-03-02', answers: [1, 2, 3, 4] })).code).toBe('conflict');
    });

    it('a closed referral, or one where social prescribing was declined', async () => {
      const { worker } = await casework();
      const { episode } = await personWithEpisode(worker);
      await closeWith(worker, episode.id);
      expect(await refused(worker, 'outcomes.record', { episodeId: episode.id, instrument: 'ons4', timepoint: 'review', recordedOn: '2026-03-02', answers: [1, 2, 3, 4] })).toMatchObject({
        code: 'conflict',
        message: 'This referral is closed, so no more measures can be recorded.',
      });
      const declined = await personWithEpisode(worker);
      await ok(worker, 'contacts.record', { episodeId: declined.episode.id, at: worker.clock.now().toISOString(), mode: 'phone', decision: 'declined' });
      expect((await refused(worker, 'outcomes.record', { episodeId: declined.episode.id, instrument: 'ons4', timepoint: 'baseline', recordedOn: '2026-03-02', answers: [1, 2, 3, 4] })).message).toBe(
        'They declined social prescribing, so there is nothing to measure.',
      );
      expect((await refused(worker, 'outcomes.record', { episodeId: '00000000-0000-4000-8000-000000000000', instrument: 'ons4', timepoint: 'baseline', recordedOn: '2026-03-02', answers: [1, 2, 3, 4] })).code).toBe('not_found');
    });
  });

  it('flags a due follow-up on the caseload until a follow-up is recorded, and says the change in plain English', async () => {
    const { worker, clock } = await casework();
    const { person, episode } = await personWithEpisode(worker);
    await recordMeasure(worker, episode.id, { answers: [3, 4, 5, 7], nextFollowUpOn: '2026-04-13' });
    expect((await caseloadRow(worker, episode.id))!.flags).not.toContain('outcome_follow_up_due');

    advanceDays(clock, 42); // 13 April: due today
    expect((await caseloadRow(worker, episode.id))!.flags).toContain('outcome_follow_up_due');
    const flagged = await ok<{ rows: { episodeId: string }[] }>(worker, 'caseload.list', { page: 0, pageSize: 100, flag: 'outcome_follow_up_due' });
    expect(flagged.rows.map((row) => row.episodeId)).toEqual([episode.id]);
    expect(await outcomesOf(worker, person.id, episode.id)).toMatchObject({ followUpDueOn: '2026-04-13', followUpDue: true });

    const review = await recordMeasure(worker, episode.id, { timepoint: 'review', recordedOn: '2026-04-13', answers: [6, 4, 7, 2] });
    expect(review.timepoint).toBe('review');
    expect((await caseloadRow(worker, episode.id))!.flags).not.toContain('outcome_follow_up_due');
    const outcomes = await outcomesOf(worker, person.id, episode.id);
    expect(outcomes.followUpDueOn).toBeNull();
    expect(outcomes.changes).toEqual([
      {
        instrument: 'ons4',
        fromOn: '2026-03-02',
        toOn: '2026-04-13',
        toTimepoint: 'review',
        lines: [
          'Life satisfaction went from 3 (low) to 6 (medium)',
          'Feeling that the things they do are worthwhile stayed at 4 (low)',
          'Happiness yesterday went from 5 (medium) to 7 (high)',
          'Anxiety yesterday went from 7 (high) to 2 (low)',
        ],
      },
    ]);
  });

  it('moves or clears the follow-up by hand, never into the past', async () => {
    const { worker, clock } = await casework();
    const { person, episode } = await personWithEpisode(worker);
    await recordMeasure(worker, episode.id, { nextFollowUpOn: '2026-04-13' });
    expect(await ok(worker, 'outcomes.scheduleFollowUp', { episodeId: episode.id, dueOn: '2026-05-04' })).toEqual({ episodeId: episode.id, dueOn: '2026-05-04' });
    expect((await refused(worker, 'outcomes.scheduleFollowUp', { episodeId: episode.id, dueOn: '2026-03-01' })).fields).toEqual({ dueOn: 'The follow-up cannot be in the past' });
    advanceDays(clock, 70);
    expect((await caseloadRow(worker, episode.id))!.flags).toContain('outcome_follow_up_due');
    expect(await ok(worker, 'outcomes.scheduleFollowUp', { episodeId: episode.id, dueOn: '' })).toEqual({ episodeId: episode.id, dueOn: null });
    expect((await caseloadRow(worker, episode.id))!.flags).not.toContain('outcome_follow_up_due');
    expect((await outcomesOf(worker, person.id, episode.id)).followUpDueOn).toBeNull();
  });

  it('lets GP supervisors read outcomes but not record them, and admins do neither', async () => {
    const { worker, as } = await casework();
    const { person, episode } = await personWithEpisode(worker);
    await recordMeasure(worker, episode.id);
    const supervisor = await as('supervisor');
    expect((await outcomesOf(supervisor, person.id, episode.id)).measures).toHaveLength(1);
    expect((await refused(supervisor, 'outcomes.record', { episodeId: episode.id, instrument: 'ons4', timepoint: 'review', recordedOn: '2026-03-02', answers: [1, 2, 3, 4] })).code).toBe('forbidden');
    const admin = await as('admin');
    expect((await refused(admin, 'outcomes.forPerson', { personId: person.id })).code).toBe('forbidden');
  });

  it('audits recording and reading with ids and codes only, never answers or names', async () => {
    const { worker } = await casework();
    const { person, episode } = await personWithEpisode(worker);
    const measure = await recordMeasure(worker, episode.id, { nextFollowUpOn: '2026-04-13' });
    await ok(worker, 'outcomes.forPerson', { personId: person.id });
    const [recorded] = auditOf(worker, 'outcome.recorded');
    expect(recorded).toMatchObject({ entity_type: 'person', entity_id: person.id });
    expect(JSON.parse(recorded!.details_json)).toEqual({ episodeId: episode.id, measureId: measure.id, instrument: 'ons4', timepoint: 'baseline', declined: false });
    expect(JSON.parse(auditOf(worker, 'outcome.follow_up_scheduled')[0]!.details_json)).toEqual({ episodeId: episode.id, dueOn: '2026-04-13' });
    expect(JSON.parse(auditOf(worker, 'outcome.viewed')[0]!.details_json)).toEqual({ episodes: 1, measures: 1 });
  });

  it('keeps each referral’s measures apart', async () => {
    const { worker, clock } = await casework();
    const { person, episode } = await personWithEpisode(worker);
    await recordMeasure(worker, episode.id);
    await closeWith(worker, episode.id, { finalOns4: 'answered', finalOns4Answers: [5, 5, 5, 5] });
    advanceDays(clock, 30);
    const second = await ok<{ id: string }>(worker, 'episodes.create', { personId: person.id, source: 'self', receivedOn: '2026-04-01', reasons: ['money'] });
    const measure = await recordMeasure(worker, second.id, { recordedOn: '2026-04-01', answers: [9, 9, 9, 0] });
    const all = await ok<{ episodes: { episodeId: string; measures: Measure[] }[] }>(worker, 'outcomes.forPerson', { personId: person.id });
    expect(all.episodes.map((entry) => [entry.episodeId, entry.measures.length])).toEqual([
      [second.id, 1],
      [episode.id, 2],
    ]);
    expect(all.episodes[0]!.measures[0]!.id).toBe(measure.id);
  });
});
