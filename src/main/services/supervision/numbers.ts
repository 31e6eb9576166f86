import { sql } from 'kysely';
import type { PeriodNumbers } from '../../../shared/ipc/supervision-schemas';
import type { LinkdeskDb } from '../../store/kysely';

/**
 * The numbers for a session's period, for one link worker's caseload (episodes they hold now):
 * - new referrals: received in the period;
 * - active: accepted or active episodes, as they stand when worked out;
 * - closed: closed in the period;
 * - contacts: attended contacts in the period;
 * - waiting for a first contact: open episodes with no attended contact yet, as they stand.
 * An open session works them out live; sign-off freezes them into the session.
 */
export async function periodNumbers(db: LinkdeskDb, workerUserId: string, from: string, to: string): Promise<PeriodNumbers> {
  const result = await sql<PeriodNumbers>`
    SELECT
      (SELECT count(*) FROM episodes e WHERE e.worker_user_id = ${workerUserId} AND e.received_on BETWEEN ${from} AND ${to}) AS newReferrals,
      (SELECT count(*) FROM episodes e WHERE e.worker_user_id = ${workerUserId} AND e.status IN ('accepted', 'active')) AS active,
      (SELECT count(*) FROM episodes e WHERE e.worker_user_id = ${workerUserId} AND e.status = 'closed' AND e.closed_on BETWEEN ${from} AND ${to}) AS closed,
      (SELECT count(*) FROM contacts c JOIN episodes e ON e.id = c.episode_id
        WHERE e.worker_user_id = ${workerUserId} AND c.did_not_attend = 0 AND c.contact_on BETWEEN ${from} AND ${to}) AS contacts,
      (SELECT count(*) FROM episodes e WHERE e.worker_user_id = ${workerUserId} AND e.status <> 'closed' AND e.first_contact_at IS NULL) AS waitingFirstContact`.execute(db);
  return result.rows[0]!;
}
