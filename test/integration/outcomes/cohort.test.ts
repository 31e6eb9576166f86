import { describe, expect, it } from 'vitest';
import type { CohortOutcomes } from '../../../src/shared/ipc/outcomes-schemas';
import { advanceDays, auditOf, casework, personWithEpisode } from '../../support/casework';
import { ok, refused } from '../../support/workspace';
import { closeWith, recordMeasure } from './support';

/**
 * A fixed dataset whose cohort outcomes were worked out by hand (arithmetic in the comments).
 * Ten people have an answered ONS4 at baseline and end: [baseline, end] per item.
 */
const PAIRS: { baseline: number[]; end: number[] }[] = [
  // life satisfaction, worthwhile, happiness, anxiety
  { baseline: [3, 5, 4, 7], end: [6, 6, 4, 2] },
  { baseline: [4, 5, 4, 7], end: [5, 6, 5, 3] },
  { baseline: [5, 5, 4, 7], end: [6, 6, 4, 4] },
  { baseline: [2, 5, 4, 7], end: [2, 6, 5, 5] },
  { baseline: [6, 5, 4, 7], end: [8, 6, 4, 6] },
  { baseline: [7, 5, 4, 7], end: [6, 6, 5, 7] },
  { baseline: [4, 5, 4, 7], end: [7, 6, 4, 8] },
  { baseline: [5, 5, 4, 7], end: [5, 6, 5, 1] },
  { baseline: [3, 5, 4, 7], end: [4, 6, 4, 0] },
  { baseline: [6, 5, 4, 7], end: [9, 6, 5, 7] },
];

async function closedPerson(worker: Parameters<typeof recordMeasure>[0], baseline: number[] | 'declined' | null, end: number[] | 'declined' | null) {
  const { episode } = await personWithEpisode(worker, { receivedOn: worker.clock.now().toISOString().slice(0, 10) });
  if (baseline) await recordMeasure(worker, episode.id, baseline === 'declined' ? { declined: true, answers: [] } : { answers: baseline });
  const final = end === null ? { finalOns4: 'not_asked' } : end === 'declined' ? { finalOns4: 'declined' } : { finalOns4: 'answered', finalOns4Answers: end };
  await closeWith(worker, episode.id, final);
  return episode.id;
}

describe('cohort outcomes', () => {
  it('match a hand computation on a fixed dataset', async () => {
    const { worker, clock } = await casework('2026-01-05T09:00:00.000Z');
    // Closed before the period (5 January): left out.
    await closedPerson(worker, [0, 0, 0, 10], [10, 10, 10, 0]);
    advanceDays(clock, 30); // 4 February
    const inPeriod: string[] = [];
    for (const pair of PAIRS) inPeriod.push(await closedPerson(worker, pair.baseline, pair.end));
    // In the period but not paired: no end measure, a declined end, a declined baseline.
    await closedPerson(worker, [5, 5, 5, 5], null);
    await closedPerson(worker, [5, 5, 5, 5], 'declined');
    await closedPerson(worker, 'declined', [9, 9, 9, 0]);
    // Still open, with a baseline: not closed, so not in the cohort.
    const open = await personWithEpisode(worker, { receivedOn: '2026-02-04' });
    await recordMeasure(worker, open.episode.id, { answers: [1, 1, 1, 9] });

    const cohort = await ok<CohortOutcomes>(worker, 'outcomes.cohort', { from: '2026-02-01', to: '2026-02-28' });
    // 13 people closed in the period (shown rounded to 5); 10 with pairs.
    expect(cohort.closed).toEqual({ value: 15, text: '15' });
    expect(cohort.pairedOns4).toEqual({ value: 10, text: '10' });
    const [life, worthwhile, happiness, anxiety] = cohort.items;

    // Life satisfaction changes 3, 1, 1, 0, 2, -1, 3, 0, 1, 3: mean 13/10 = 1.3; squared deviations
    // sum to 18.1, SD √(18.1/9) = 1.41814; t(0.975, 9) = 2.2622; half-width 2.2622 × 1.41814/√10 = 1.01449.
    // Better band (low→medium or higher): people 1, 2, 5, 7, 10 → 5/10.
    expect(life).toMatchObject({ item: 'life_satisfaction', baselineMean: 4.5, endMean: 5.8, higherIsBetter: true, improvedShare: 0.5 });
    expect(life!.meanChange).toBeCloseTo(1.3, 10);
    expect(life!.ciLow).toBeCloseTo(0.28551, 4);
    expect(life!.ciHigh).toBeCloseTo(2.31449, 4);

    // Worthwhile: every change is +1 (5 → 6, both medium): SD 0, so the interval is [1, 1]; nobody changes band.
    expect(worthwhile).toMatchObject({ item: 'worthwhile', baselineMean: 5, endMean: 6, meanChange: 1, ciLow: 1, ciHigh: 1, improvedShare: 0 });

    // Happiness: changes 0, 1, 0, 1, … mean 0.5; SD √(2.5/9) = 0.52705; half-width 2.2622 × 0.52705/√10 = 0.37703.
    // 4 → 5 is low → medium: 5/10.
    expect(happiness).toMatchObject({ baselineMean: 4, endMean: 4.5, improvedShare: 0.5 });
    expect(happiness!.meanChange).toBeCloseTo(0.5, 10);
    expect(happiness!.ciLow).toBeCloseTo(0.12297, 4);
    expect(happiness!.ciHigh).toBeCloseTo(0.87703, 4);

    // Anxiety: changes -5, -4, -3, -2, -1, 0, 1, -6, -7, 0: mean -2.7; squared deviations sum to 68.1,
    // SD √(68.1/9) = 2.75076; half-width 2.2622 × 2.75076/√10 = 1.96780. From 7 (high), a better band is
    // 5 or below: ends 2, 3, 4, 5, 1, 0 → 6/10. Lower is better.
    expect(anxiety).toMatchObject({ item: 'anxiety', higherIsBetter: false, baselineMean: 7, endMean: 4.3, improvedShare: 0.6 });
    expect(anxiety!.meanChange).toBeCloseTo(-2.7, 10);
    expect(anxiety!.ciLow).toBeCloseTo(-4.6678, 4);
    expect(anxiety!.ciHigh).toBeCloseTo(-0.7322, 4);

    // System use for eight of the paired people, once the 6 months after have passed.
    advanceDays(clock, 190);
    const gp = [[6, 2], [4, 4], [10, 3], [2, 1], [8, 8], [5, 1], [3, 2], [6, 3]];
    for (const [index, [before, after]] of gp.entries()) {
      await ok(worker, 'systemUse.record', { episodeId: inPeriod[index], period: 'before', gpConsultations: before, aeAttendances: index % 2 });
      await ok(worker, 'systemUse.record', { episodeId: inPeriod[index], period: 'after', gpConsultations: after, aeAttendances: 0 });
    }
    const withUse = await ok<CohortOutcomes>(worker, 'outcomes.cohort', { from: '2026-02-01', to: '2026-02-28' });
    // GP before: 44/8 = 5.5, after: 24/8 = 3; A&E before 4/8 = 0.5, after 0.
    expect(withUse.systemUse).toEqual({ people: { value: 10, text: '10' }, gpBefore: 5.5, gpAfter: 3, aeBefore: 0.5, aeAfter: 0 });
    expect(JSON.parse(auditOf(worker, 'outcome.cohort_viewed')[0]!.details_json)).toEqual({ from: '2026-02-01', to: '2026-02-28' });
  });

  it('shows no statistics for fewer than 8 people with pairs, and suppresses small counts', async () => {
    const { worker, as } = await casework();
    for (const pair of PAIRS.slice(0, 5)) await closedPerson(worker, pair.baseline, pair.end);
    const cohort = await ok<CohortOutcomes>(worker, 'outcomes.cohort', { from: '2026-03-01', to: '2026-03-31' });
    expect(cohort).toMatchObject({ closed: { value: null, text: '<8' }, pairedOns4: { value: null, text: '<8' }, items: [] });
    expect(cohort.systemUse).toEqual({ people: { value: 0, text: '0' }, gpBefore: null, gpAfter: null, aeBefore: null, aeAfter: null });
    const none = await ok<CohortOutcomes>(worker, 'outcomes.cohort', { from: '2025-01-01', to: '2025-12-31' });
    expect(none).toMatchObject({ closed: { value: 0, text: '0' }, items: [] });
    // Aggregate only, so admins and supervisors see it too.
    for (const who of ['admin', 'supervisor'] as const) {
      expect((await ok<CohortOutcomes>(await as(who), 'outcomes.cohort', { from: '2026-03-01', to: '2026-03-31' })).pairedOns4.text).toBe('<8');
    }
  });

  it('follows the workspace’s small-number threshold, the same one the activity report uses', async () => {
    const { worker, as } = await casework();
    for (const pair of PAIRS.slice(0, 5)) await closedPerson(worker, pair.baseline, pair.end);
    const march = { from: '2026-03-01', to: '2026-03-31' };
    expect(await ok<CohortOutcomes>(worker, 'outcomes.cohort', march)).toMatchObject({ threshold: 8, pairedOns4: { text: '<8' }, items: [] });
    // An admin lowers the threshold to 5 in the Reports settings: five people with pairs are now enough.
    await ok(await as('admin'), 'reports.updateSettings', { threshold: 5 });
    const lowered = await ok<CohortOutcomes>(worker, 'outcomes.cohort', march);
    expect(lowered).toMatchObject({ threshold: 5, closed: { value: 5, text: '5' }, pairedOns4: { value: 5, text: '5' } });
    expect(lowered.items).toHaveLength(4);
    // And raised to 10, the same five are suppressed again.
    await ok(await as('admin'), 'reports.updateSettings', { threshold: 10 });
    expect(await ok<CohortOutcomes>(worker, 'outcomes.cohort', march)).toMatchObject({ threshold: 10, pairedOns4: { value: null, text: '<10' }, items: [] });
  });

  it('refuses a period that ends before it starts', async () => {
    const { worker } = await casework();
    expect((await refused(worker, 'outcomes.cohort', { from: '2026-03-31', to: '2026-03-01' })).fields).toEqual({ to: 'The end of the period cannot be before its start' });
  });
});
