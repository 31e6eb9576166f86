import { sql } from 'kysely';
import { ONS4_ITEMS, higherIsBetter } from '../../../shared/domain/outcomes/ons4';
import type { LinkdeskDb } from '../../store/kysely';
import type { ActivityFilter } from './activity-counts';
import type { RawTable } from './suppression';

/**
 * ONS4 change: for referrals closed in the period with an answered ONS4 at the start (baseline)
 * and at the end, how many scored better, the same, or worse at the end on each of the four
 * questions, which are never summed. For anxiety lower is better, so "better" means a lower
 * score. The same referrals and timepoints as the cohort outcomes (docs/outcomes.md); counted in
 * SQL, one table per question, each adding up to the referrals with both scores. Closed referrals
 * are found by their closing date (the unary + keeps SQLite off the status index).
 */
const DIRECTIONS = { better: 'Better at the end', same: 'No change', worse: 'Worse at the end' } as const;

export async function ons4ChangeTables(db: LinkdeskDb, filter: ActivityFilter): Promise<RawTable[]> {
  const worker = filter.workerUserId === null ? sql`` : sql`AND e.worker_user_id = ${filter.workerUserId}`;
  const items = sql.join(ONS4_ITEMS.map((_item, index) => sql`(${sql.lit(index)})`));
  const { rows } = await sql<{ item: number; change: number; n: number }>`
    WITH pairs AS (
      SELECT b.answers_json AS first, x.answers_json AS last
      FROM episodes e
        JOIN outcome_measures b ON b.episode_id = e.id AND b.instrument = 'ons4' AND b.timepoint = 'baseline' AND b.declined = 0
        JOIN outcome_measures x ON x.episode_id = e.id AND x.instrument = 'ons4' AND x.timepoint = 'end' AND x.declined = 0
      WHERE +e.status = 'closed' AND e.closed_on BETWEEN ${filter.from} AND ${filter.to} ${worker}
    ), items(i) AS (VALUES ${items}),
    changes AS (
      SELECT items.i AS item, json_extract(pairs.last, '$[' || items.i || ']') - json_extract(pairs.first, '$[' || items.i || ']') AS difference
      FROM pairs CROSS JOIN items)
    SELECT item, CASE WHEN difference > 0 THEN 1 WHEN difference < 0 THEN -1 ELSE 0 END AS change, COUNT(*) AS n
    FROM changes GROUP BY item, change`.execute(db);

  return ONS4_ITEMS.map((item, index) => {
    const count = (change: number) => Number(rows.find((row) => Number(row.item) === index && Number(row.change) === change)?.n ?? 0);
    const up = higherIsBetter(item.code) ? 1 : -1;
    return {
      id: `ons4_${item.code}`,
      section: 'ons4_change',
      title: higherIsBetter(item.code) ? item.label : `${item.label} (lower is better)`,
      unit: 'Referrals',
      rows: [
        { key: 'better', label: DIRECTIONS.better, count: count(up) },
        { key: 'same', label: DIRECTIONS.same, count: count(0) },
        { key: 'worse', label: DIRECTIONS.worse, count: count(-up) },
      ],
      additive: true,
    };
  });
}
