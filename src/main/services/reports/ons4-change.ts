import type { LinkdeskDb } from '../../store/kysely';
import type { ActivityFilter } from './activity-counts';
import type { RawTable } from './suppression';

/**
 * HOOK for the ONS4 change section. The outcome measures (migration 0007, schema-outcomes.ts)
 * are being built in another branch. When they land, this returns one table per ONS4 question
 * (people whose last score in the period is higher, the same, or lower than their first; for
 * anxiety, lower is better), and the report, CSV, PDF and chart pick it up with no other change.
 * Until then the section is listed as unavailable with this reason.
 */
export const ONS4_UNAVAILABLE = 'ONS4 scores are not recorded in this version of Linkdesk yet.';

export function ons4ChangeTables(db: LinkdeskDb, filter: ActivityFilter): Promise<RawTable[] | null> {
  void db;
  void filter;
  return Promise.resolve(null);
}
