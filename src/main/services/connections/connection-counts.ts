import { sql } from 'kysely';

/**
 * How many distinct people have any connection to the directory service aliased `s` in the
 * surrounding query. A count only: no names leave this subquery.
 */
export function connectionCountSql() {
  return sql<number>`(SELECT COUNT(DISTINCT cc.person_id) FROM connections cc WHERE cc.service_id = s.id)`;
}
