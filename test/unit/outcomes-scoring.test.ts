import { describe, expect, it } from 'vitest';
import { shownCount } from '../../src/shared/domain/outcomes/disclosure';
import { answerProblems, describeChanges, scoreAnswers } from '../../src/shared/domain/outcomes/instruments';
import {
  describeOns4Change,
  improvedByBand,
  ONS4_ITEM_CODES,
  ONS4_ITEMS,
  ons4Band,
  ons4BandRanges,
  type Ons4Item,
} from '../../src/shared/domain/outcomes/ons4';
import { mean, meanWith95Ci, sampleSd, t975 } from '../../src/shared/domain/outcomes/statistics';
import { scoreSwemwbs, SWEMWBS_ATTRIBUTION, SWEMWBS_STATEMENTS, swemwbsMetric } from '../../src/shared/domain/outcomes/swemwbs';
import { scoreUcla3 } from '../../src/shared/domain/outcomes/ucla3';
import { closeEpisodeSchema, recordMeasureSchema } from '../../src/shared/ipc/outcomes-schemas';

const ID = '3f1c7a52-8f7e-4d36-9a55-0c1f4b2e9d10';

describe('ONS4 wording and bands', () => {
  it('asks the four ONS questions word for word', () => {
    expect(ONS4_ITEMS.map((item) => item.question)).toEqual([
      'Overall, how satisfied are you with your life nowadays?',
      'Overall, to what extent do you feel that the things you do in your life are worthwhile?',
      'Overall, how happy did you feel yesterday?',
      "On a scale where nought is 'not at all anxious' and 10 is 'completely anxious', overall, how anxious did you feel yesterday?",
    ]);
  });

  // Every score of every item, so each band edge (4|5, 6|7, 8|9; anxiety 1|2, 3|4, 5|6) is pinned.
  const POSITIVE = ['low', 'low', 'low', 'low', 'low', 'medium', 'medium', 'high', 'high', 'very high', 'very high'];
  const ANXIETY = ['very low', 'very low', 'low', 'low', 'medium', 'medium', 'high', 'high', 'high', 'high', 'high'];
  const expected: Record<Ons4Item, string[]> = { life_satisfaction: POSITIVE, worthwhile: POSITIVE, happiness: POSITIVE, anxiety: ANXIETY };
  for (const item of ONS4_ITEM_CODES) {
    it(`bands every ${item} score from 0 to 10`, () => {
      expect(Array.from({ length: 11 }, (_, score) => ons4Band(item, score))).toEqual(expected[item]);
    });
  }

  it('describes the bands as ranges', () => {
    expect(ons4BandRanges('life_satisfaction')).toEqual(['0–4 low', '5–6 medium', '7–8 high', '9–10 very high']);
    expect(ons4BandRanges('anxiety')).toEqual(['0–1 very low', '2–3 low', '4–5 medium', '6–10 high']);
  });

  it('refuses scores the scale cannot give', () => {
    for (const score of [-1, 11, 4.5, Number.NaN]) expect(() => ons4Band('happiness', score)).toThrow(RangeError);
  });

  it('counts a move of at least one band as better: up for the first three, down for anxiety', () => {
    expect(improvedByBand('life_satisfaction', 4, 5)).toBe(true);
    expect(improvedByBand('life_satisfaction', 5, 6)).toBe(false);
    expect(improvedByBand('life_satisfaction', 9, 7)).toBe(false);
    expect(improvedByBand('worthwhile', 0, 10)).toBe(true);
    expect(improvedByBand('anxiety', 6, 5)).toBe(true);
    expect(improvedByBand('anxiety', 2, 3)).toBe(false);
    expect(improvedByBand('anxiety', 1, 2)).toBe(false);
    expect(improvedByBand('anxiety', 10, 6)).toBe(false);
  });

  it('says the change from baseline in plain English', () => {
    expect(describeOns4Change('life_satisfaction', 3, 6)).toBe('life satisfaction went from 3 (low) to 6 (medium)');
    expect(describeOns4Change('anxiety', 7, 3)).toBe('anxiety yesterday went from 7 (high) to 3 (low)');
    expect(describeOns4Change('happiness', 8, 8)).toBe('happiness yesterday stayed at 8 (high)');
  });

  it('never sums the four items', () => {
    expect(scoreAnswers('ons4', [3, 4, 5, 6])).toEqual({ total: null, metric: null });
    expect(describeChanges('ons4', { answers: [3, 4, 5, 6], scores: { total: null, metric: null } }, { answers: [6, 4, 7, 2], scores: { total: null, metric: null } })).toEqual([
      'Life satisfaction went from 3 (low) to 6 (medium)',
      'Feeling that the things they do are worthwhile stayed at 4 (low)',
      'Happiness yesterday went from 5 (medium) to 7 (high)',
      'Anxiety yesterday went from 6 (high) to 2 (low)',
    ]);
  });
});

describe('SWEMWBS', () => {
  // The published raw → metric conversion (Stewart-Brown et al. 2009; Warwick Medical School).
  const TABLE: [number, number][] = [
    [7, 7.0], [8, 9.51], [9, 11.25], [10, 12.4], [11, 13.33], [12, 14.08], [13, 14.75], [14, 15.32], [15, 15.84], [16, 16.36],
    [17, 16.88], [18, 17.43], [19, 17.98], [20, 18.59], [21, 19.25], [22, 19.98], [23, 20.73], [24, 21.54], [25, 22.35], [26, 23.21],
    [27, 24.11], [28, 25.03], [29, 26.02], [30, 27.03], [31, 28.13], [32, 29.31], [33, 30.7], [34, 32.55], [35, 35.0],
  ];

  it.each(TABLE)('converts raw %i to metric %f', (raw, metric) => {
    expect(swemwbsMetric(raw)).toBe(metric);
  });

  it('covers every raw score from 7 to 35 and nothing else', () => {
    expect(TABLE.map(([raw]) => raw)).toEqual(Array.from({ length: 29 }, (_, index) => index + 7));
    for (const raw of [6, 36, 20.5]) expect(() => swemwbsMetric(raw)).toThrow(RangeError);
  });

  it('sums the seven answers and converts the total', () => {
    expect(scoreSwemwbs([1, 1, 1, 1, 1, 1, 1])).toEqual({ raw: 7, metric: 7.0 });
    expect(scoreSwemwbs([3, 4, 2, 3, 4, 3, 5])).toEqual({ raw: 24, metric: 21.54 });
    expect(scoreSwemwbs([5, 5, 5, 5, 5, 5, 5])).toEqual({ raw: 35, metric: 35.0 });
    expect(scoreAnswers('swemwbs', [3, 4, 2, 3, 4, 3, 5])).toEqual({ total: 24, metric: 21.54 });
  });

  it('refuses partial or out-of-range answers', () => {
    expect(() => scoreSwemwbs([3, 3, 3, 3, 3, 3])).toThrow('SWEMWBS needs all 7 answers');
    expect(() => scoreSwemwbs([3, 3, 3, 3, 3, 3, 6])).toThrow(RangeError);
    expect(() => scoreSwemwbs([0, 3, 3, 3, 3, 3, 3])).toThrow(RangeError);
  });

  it('has seven statements and carries the required attribution', () => {
    expect(SWEMWBS_STATEMENTS).toHaveLength(7);
    expect(SWEMWBS_ATTRIBUTION).toBe('Short Warwick-Edinburgh Mental Well-being Scale (SWEMWBS) © University of Warwick, 2006, all rights reserved.');
  });

  it('describes a change in the metric score', () => {
    const score = (answers: number[]) => ({ answers, scores: scoreAnswers('swemwbs', answers) });
    expect(describeChanges('swemwbs', score([2, 2, 2, 3, 3, 3, 3]), score([3, 4, 2, 3, 4, 3, 5]))).toEqual(['Mental wellbeing (SWEMWBS metric score) went from 17.43 to 21.54']);
  });
});

describe('UCLA 3-item loneliness', () => {
  it('totals 3 to 9', () => {
    expect(scoreUcla3([1, 1, 1])).toBe(3);
    expect(scoreUcla3([2, 3, 1])).toBe(6);
    expect(scoreUcla3([3, 3, 3])).toBe(9);
  });

  it('refuses partial or out-of-range answers', () => {
    expect(() => scoreUcla3([1, 2])).toThrow(RangeError);
    expect(() => scoreUcla3([1, 2, 4])).toThrow(RangeError);
    expect(() => scoreUcla3([0, 2, 2])).toThrow(RangeError);
  });
});

describe('answers as entered', () => {
  it('names each missing or out-of-range answer', () => {
    expect(Object.fromEntries(answerProblems('ons4', [3, null, 11, 2.5]))).toEqual({
      1: 'Answer “Worthwhile”, or record that they declined to answer',
      2: 'Happiness: use a whole number from 0 to 10',
      3: 'Anxiety: use a whole number from 0 to 10',
    });
    expect(answerProblems('ucla3', [1, 2, 3]).size).toBe(0);
  });

  it('refuses a partly answered measure, naming the question left out', () => {
    const result = recordMeasureSchema.safeParse({ episodeId: ID, instrument: 'ons4', timepoint: 'baseline', recordedOn: '2026-03-02', answers: [3, 4, 5] });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['answers.3', 'Answer “Anxiety”, or record that they declined to answer']]);
  });

  it('records "declined" without answers, and refuses answers with it', () => {
    expect(recordMeasureSchema.parse({ episodeId: ID, instrument: 'swemwbs', timepoint: 'review', recordedOn: '2026-03-02', declined: true })).toMatchObject({ declined: true, answers: [] });
    const result = recordMeasureSchema.safeParse({ episodeId: ID, instrument: 'swemwbs', timepoint: 'review', recordedOn: '2026-03-02', declined: true, answers: [0, 0, 0, 0, 0, 0, 0] });
    expect(result.error!.issues[0]!.message).toBe('A declined measure has no answers: clear them, or untick “declined”');
  });

  it('checks the final ONS4 on closing only when it was answered', () => {
    const base = { episodeId: ID, closureReason: 'goals_met', whatHappened: 'Goes to the walking group weekly' };
    expect(closeEpisodeSchema.safeParse({ ...base, finalOns4: 'not_asked' }).success).toBe(true);
    expect(closeEpisodeSchema.safeParse({ ...base, finalOns4: 'declined' }).success).toBe(true);
    const partial = closeEpisodeSchema.safeParse({ ...base, finalOns4: 'answered', finalOns4Answers: [6, 6, null, 2] });
    expect(partial.error!.issues.map((issue) => issue.path.join('.'))).toEqual(['finalOns4Answers.2']);
  });
});

describe('cohort statistics', () => {
  it('uses t(0.975, df) from the table to 30, and the expansion above it', () => {
    expect(t975(1)).toBe(12.7062);
    expect(t975(9)).toBe(2.2622);
    expect(t975(30)).toBe(2.0423);
    // Published values: df 40 2.0211, 60 2.0003, 120 1.9799; the normal 1.9600 in the limit.
    expect(t975(40)).toBeCloseTo(2.0211, 4);
    expect(t975(60)).toBeCloseTo(2.0003, 4);
    expect(t975(120)).toBeCloseTo(1.9799, 4);
    expect(t975(100_000)).toBeCloseTo(1.96, 3);
    expect(() => t975(0)).toThrow(RangeError);
  });

  it('computes the mean, the sample SD and the 95% interval by hand-checkable arithmetic', () => {
    // Changes 1, 2, 3, 4, 5: mean 3, SD √2.5 = 1.5811, half-width 2.7764 × 1.5811 / √5 = 1.9632.
    const values = [1, 2, 3, 4, 5];
    expect(mean(values)).toBe(3);
    expect(sampleSd(values)).toBeCloseTo(1.58114, 5);
    const interval = meanWith95Ci(values);
    expect(interval.low).toBeCloseTo(1.0368, 4);
    expect(interval.high).toBeCloseTo(4.9632, 4);
  });

  it('suppresses counts below the threshold (1 to 7 at the usual 8) and rounds the rest to 5', () => {
    expect([0, 1, 7, 8, 12, 13, 250].map((count) => shownCount(count, 8).text)).toEqual(['0', '<8', '<8', '10', '10', '15', '250']);
    expect(shownCount(5, 8).value).toBeNull();
    expect([4, 5, 9, 10].map((count) => shownCount(count, 10).text)).toEqual(['<10', '<10', '<10', '10']);
    expect(shownCount(3, 3).text).toBe('5');
  });
});
