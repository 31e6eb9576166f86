import type { z } from 'zod';
import { shownCount } from '../../../shared/domain/outcomes/disclosure';
import { higherIsBetter, improvedByBand, ONS4_ITEMS } from '../../../shared/domain/outcomes/ons4';
import { mean, meanWith95Ci } from '../../../shared/domain/outcomes/statistics';
import type { CohortItem, CohortOutcomes, cohortQuerySchema } from '../../../shared/ipc/outcomes-schemas';
import type { LinkdeskDb } from '../../store/kysely';
import type { WorkspaceSession } from '../workspace-session';
import { readThreshold } from '../reports/report-settings';

/**
 * Cohort outcomes for people whose episodes closed in a period (each person's latest episode
 * closed in it): how many have an answered ONS4 at baseline and at the end, the mean change per
 * item with its 95% confidence interval, and the share whose end score is at least one ONS band
 * better. Aggregate only, with the workspace's small-number threshold (8 unless changed): counts
 * below it show as "<8", others are rounded to 5, and no statistic is shown for fewer people.
 */
type CohortQuery = z.output<typeof cohortQuerySchema>;

interface Pair {
  baseline: number[];
  end: number[];
}

/** Each person's latest episode closed in the period. */
async function closedEpisodes(db: LinkdeskDb, query: CohortQuery): Promise<string[]> {
  const rows = await db
    .selectFrom('episodes')
    .select(['id', 'person_id'])
    .where('status', '=', 'closed')
    .where('closed_on', '>=', query.from)
    .where('closed_on', '<=', query.to)
    .orderBy('closed_on')
    .orderBy('seq')
    .execute();
  const latest = new Map<string, string>();
  for (const row of rows) latest.set(row.person_id, row.id);
  return [...latest.values()];
}

async function ons4Pairs(db: LinkdeskDb, episodeIds: readonly string[]): Promise<Pair[]> {
  if (episodeIds.length === 0) return [];
  const rows = await db
    .selectFrom('outcome_measures')
    .select(['episode_id', 'timepoint', 'answers_json'])
    .where('episode_id', 'in', episodeIds)
    .where('instrument', '=', 'ons4')
    .where('timepoint', 'in', ['baseline', 'end'])
    .where('declined', '=', 0)
    .execute();
  const byEpisode = new Map<string, Partial<Pair>>();
  for (const row of rows) {
    const pair = byEpisode.get(row.episode_id) ?? {};
    pair[row.timepoint as 'baseline' | 'end'] = JSON.parse(row.answers_json!) as number[];
    byEpisode.set(row.episode_id, pair);
  }
  return [...byEpisode.values()].filter((pair): pair is Pair => pair.baseline !== undefined && pair.end !== undefined);
}

function itemStatistics(pairs: readonly Pair[]): CohortItem[] {
  return ONS4_ITEMS.map((item, index) => {
    const changes = pairs.map((pair) => pair.end[index]! - pair.baseline[index]!);
    const interval = meanWith95Ci(changes);
    const improved = pairs.filter((pair) => improvedByBand(item.code, pair.baseline[index]!, pair.end[index]!)).length;
    return {
      item: item.code,
      label: item.label,
      higherIsBetter: higherIsBetter(item.code),
      baselineMean: mean(pairs.map((pair) => pair.baseline[index]!)),
      endMean: mean(pairs.map((pair) => pair.end[index]!)),
      meanChange: interval.mean,
      ciLow: interval.low,
      ciHigh: interval.high,
      improvedShare: improved / pairs.length,
    };
  });
}

async function systemUseSummary(db: LinkdeskDb, episodeIds: readonly string[], threshold: number): Promise<CohortOutcomes['systemUse']> {
  const rows =
    episodeIds.length === 0
      ? []
      : await db
          .selectFrom('system_use')
          .select(['gp_before', 'ae_before', 'gp_after', 'ae_after'])
          .where('episode_id', 'in', episodeIds)
          .where('gp_before', 'is not', null)
          .where('gp_after', 'is not', null)
          .execute();
  const enough = rows.length >= threshold;
  const meanOf = (pick: (row: (typeof rows)[number]) => number | null) => (enough ? mean(rows.map((row) => pick(row)!)) : null);
  return {
    people: shownCount(rows.length, threshold),
    gpBefore: meanOf((row) => row.gp_before),
    gpAfter: meanOf((row) => row.gp_after),
    aeBefore: meanOf((row) => row.ae_before),
    aeAfter: meanOf((row) => row.ae_after),
  };
}

export async function cohortOutcomes(session: WorkspaceSession, query: CohortQuery): Promise<CohortOutcomes> {
  const { db } = session.requireUnlocked();
  return db.transaction().execute(async (trx) => {
    const threshold = await readThreshold(trx);
    const episodes = await closedEpisodes(trx, query);
    const pairs = await ons4Pairs(trx, episodes);
    const result: CohortOutcomes = {
      from: query.from,
      to: query.to,
      threshold,
      closed: shownCount(episodes.length, threshold),
      pairedOns4: shownCount(pairs.length, threshold),
      items: pairs.length >= threshold ? itemStatistics(pairs) : [],
      systemUse: await systemUseSummary(trx, episodes, threshold),
    };
    await session.audit({ action: 'outcome.cohort_viewed', details: { from: query.from, to: query.to } }, trx);
    return result;
  });
}
