import { sql } from 'kysely';
import { GAP_REASON_CODES, REASON_CATEGORIES, type GapReason } from '../../../shared/domain/connections';
import type { DirectoryCategory } from '../../../shared/domain/directory';
import type { GapsReport } from '../../../shared/ipc/connections-schemas';
import type { WorkspaceSession } from '../workspace-session';

/**
 * The gaps view, computed in SQL: (a) the needs open referrals bring (episode reasons of episodes
 * neither closed nor declined), against the active directory services whose category meets each
 * need (REASON_CATEGORIES); (b) services that are full or have a waiting list. Counts only.
 */
export async function gapsReport(session: WorkspaceSession): Promise<GapsReport> {
  const { db } = session.requireUnlocked();
  const reasons = sql.join(GAP_REASON_CODES.map((reason, position) => sql`(${reason}, ${position})`));
  const pairs = sql.join(GAP_REASON_CODES.flatMap((reason) => REASON_CATEGORIES[reason].map((category) => sql`(${reason}, ${category})`)));
  const { rows: needs } = await sql<{ reason: GapReason; open_referrals: number; active_services: number }>`
    WITH reasons(reason, position) AS (VALUES ${reasons}),
      meets(reason, category) AS (VALUES ${pairs})
    SELECT r.reason,
      (SELECT COUNT(DISTINCT er.episode_id) FROM episode_reasons er JOIN episodes e ON e.id = er.episode_id
        WHERE er.reason = r.reason AND e.status NOT IN ('closed', 'declined')) AS open_referrals,
      (SELECT COUNT(*) FROM directory_services s
        WHERE s.status = 'active' AND s.category IN (SELECT m.category FROM meets m WHERE m.reason = r.reason)) AS active_services
    FROM reasons r
    ORDER BY open_referrals DESC, r.position
  `.execute(db);

  const full = await db
    .selectFrom('directory_services as s')
    .innerJoin('directory_organisations as o', 'o.id', 's.organisation_id')
    .select([
      's.id',
      's.name',
      'o.name as organisation_name',
      's.category',
      's.status',
      's.capacity',
      's.places_used',
      's.waiting_list',
      sql<number>`(SELECT COUNT(DISTINCT c.person_id) FROM connections c WHERE c.service_id = s.id AND c.status IN ('suggested', 'introduced', 'attending'))`.as('open_connections'),
    ])
    .where('s.status', '!=', 'closed')
    .where(sql<boolean>`((s.capacity IS NOT NULL AND s.places_used IS NOT NULL AND s.places_used >= s.capacity) OR s.waiting_list = 1)`)
    .orderBy(sql`s.name COLLATE NOCASE`)
    .orderBy('s.id')
    .execute();

  return {
    needs: needs.map((row) => ({ reason: row.reason, openReferrals: Number(row.open_referrals), activeServices: Number(row.active_services) })),
    unmet: needs.filter((row) => Number(row.open_referrals) > 0 && Number(row.active_services) === 0).map((row) => row.reason),
    full: full.map((row) => ({
      id: row.id,
      name: row.name,
      organisationName: row.organisation_name,
      category: row.category as DirectoryCategory,
      status: row.status,
      capacity: row.capacity,
      placesUsed: row.places_used,
      waitingList: row.waiting_list === 1,
      openConnections: Number(row.open_connections),
    })),
  };
}
