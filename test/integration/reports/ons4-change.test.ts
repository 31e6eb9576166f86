import { describe, expect, it } from 'vitest';
import { ons4ChangeTables } from '../../../src/main/services/reports/ons4-change';
import { monthsBetween } from '../../../src/shared/domain/reports';
import type { ActivityReport } from '../../../src/shared/ipc/reports-schemas';
import { advanceDays, casework, personWithEpisode, recordContact } from '../../support/casework';
import { ok } from '../../support/workspace';
import { shownRows } from './support';

/**
 * Five referrals, each scored 5 on every ONS4 question at the start; their end scores (life
 * satisfaction, worthwhile, happiness, anxiety), and so how each changed (anxiety: lower is better):
 *   R1 7 7 7 3   better better better better
 *   R2 6 5 4 6   better same   worse  worse
 *   R3 8 6 6 2   better better better better
 *   R4 9 5 7 1   better same   better better
 *   R5 5 9 9 5   same   better better same
 * A sixth referral has a start score but declined the end one, so it is not counted.
 */
const ENDS = [
  [7, 7, 7, 3],
  [6, 5, 4, 6],
  [8, 6, 6, 2],
  [9, 5, 7, 1],
  [5, 9, 9, 5],
];

async function scoredQuarter() {
  const cw = await casework('2026-03-02T09:00:00.000Z');
  const episodes: string[] = [];
  for (let index = 0; index < ENDS.length + 1; index += 1) {
    const { episode } = await personWithEpisode(cw.worker, { receivedOn: '2026-03-02' });
    await recordContact(cw.worker, episode.id, { decision: 'accepted' });
    await ok(cw.worker, 'outcomes.record', { episodeId: episode.id, instrument: 'ons4', timepoint: 'baseline', recordedOn: '2026-03-02', answers: [5, 5, 5, 5] });
    episodes.push(episode.id);
  }
  advanceDays(cw.clock, 30);
  for (const [index, episodeId] of episodes.entries()) {
    const end = ENDS[index];
    await ok(cw.worker, 'outcomes.record', { episodeId, instrument: 'ons4', timepoint: 'end', recordedOn: '2026-04-01', ...(end ? { answers: end } : { declined: true }) });
    await ok(cw.worker, 'episodes.transition', { episodeId, to: 'closed', closureReason: 'goals_met' });
  }
  return cw;
}

describe('ONS4 change in the activity report', () => {
  it('counts, per question and never summed, the closed referrals whose end score is better, the same or worse than at the start', async () => {
    const cw = await scoredQuarter();
    const { db } = cw.worker.requireUnlocked();
    const filter = { from: '2026-04-01', to: '2026-04-30', workerUserId: null, today: '2026-04-01', months: monthsBetween('2026-04-01', '2026-04-30') };
    const tables = await ons4ChangeTables(db, filter);
    expect(tables.map((table) => [table.title, ...table.rows.map((row) => `${row.key} ${row.count}`)])).toEqual([
      ['Life satisfaction', 'better 4', 'same 1', 'worse 0'],
      ['Worthwhile', 'better 3', 'same 2', 'worse 0'],
      ['Happiness', 'better 4', 'same 0', 'worse 1'],
      ['Anxiety (lower is better)', 'better 3', 'same 1', 'worse 1'],
    ]);
    // Another worker's referrals, or another period, hold none of them.
    expect((await ons4ChangeTables(db, { ...filter, workerUserId: cw.ids.otherWorker })).every((table) => table.rows.every((row) => row.count === 0))).toBe(true);
    expect((await ons4ChangeTables(db, { ...filter, from: '2026-03-01', to: '2026-03-31' })).every((table) => table.rows.every((row) => row.count === 0))).toBe(true);
  });

  it('reaches the report suppressed like every other count: at a threshold of 3 the small rows hide, and a breakdown that would pin them is withheld', async () => {
    const cw = await scoredQuarter();
    await ok(await cw.as('admin'), 'reports.updateSettings', { threshold: 3 });
    const report = await ok<ActivityReport>(cw.worker, 'reports.activity', { from: '2026-04-01', to: '2026-04-30' });
    // 4 better and 1 the same: the 1 alone would be found from the total of 5, so the 4 hides too.
    expect(shownRows(report, 'ons4_life_satisfaction')).toEqual(['Better at the end: *', 'No change: <3', 'Total: 5']);
    expect(shownRows(report, 'ons4_worthwhile')).toEqual(['Better at the end: *', 'No change: <3', 'Total: 5']);
    expect(shownRows(report, 'ons4_happiness')).toEqual(['Better at the end: *', 'Worse at the end: <3', 'Total: 5']);
    // 3, 1 and 1: two small rows and a hidden one adding to 5 leave each small row exactly 1.
    expect(shownRows(report, 'ons4_anxiety')).toEqual(['Better at the end: —', 'No change: —', 'Worse at the end: —', 'Total: 5']);
  });
});
