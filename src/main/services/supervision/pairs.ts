import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { SIGN_OFF_DUE_DAYS } from '../../../shared/domain/supervision';
import { addDays } from '../../../shared/domain/working-days';
import type { MyPair, PairsOverview, SupervisionPair } from '../../../shared/ipc/supervision-schemas';
import { AppError, ForbiddenError } from '../../errors';
import type { LinkdeskDb } from '../../store/kysely';
import { invalidInput, isUniqueViolation, todayOf } from '../casework-common';
import type { WorkspaceSession } from '../workspace-session';

/**
 * Who supervises whom. Admins assign a link worker to a GP supervisor and end the pairing when it
 * stops; ended pairs are kept so past sessions still name the two people in them. The current
 * pairs decide what a GP supervisor may read (supervision-scope.ts).
 */

function pairQuery(db: LinkdeskDb) {
  return db
    .selectFrom('supervision_pairs as sp')
    .innerJoin('users as s', 's.id', 'sp.supervisor_user_id')
    .innerJoin('users as w', 'w.id', 'sp.worker_user_id')
    .select([
      'sp.id',
      'sp.supervisor_user_id',
      'sp.worker_user_id',
      'sp.assigned_at',
      'sp.ended_at',
      's.display_name as supervisor_name',
      'w.display_name as worker_name',
    ]);
}

type PairRow = Awaited<ReturnType<ReturnType<typeof pairQuery>['execute']>>[number];

function toPair(row: PairRow): SupervisionPair {
  return {
    id: row.id,
    supervisor: { id: row.supervisor_user_id, displayName: row.supervisor_name },
    worker: { id: row.worker_user_id, displayName: row.worker_name },
    assignedAt: row.assigned_at,
    endedAt: row.ended_at,
  };
}

async function loadPair(db: LinkdeskDb, pairId: string): Promise<SupervisionPair> {
  const row = await pairQuery(db).where('sp.id', '=', pairId).executeTakeFirst();
  if (!row) throw new AppError('not_found', 'That supervision pair does not exist.');
  return toPair(row);
}

async function activeUsers(db: LinkdeskDb, role: 'gp_supervisor' | 'link_worker') {
  return db.selectFrom('users').select(['id', 'display_name as displayName']).where('role', '=', role).where('disabled_at', 'is', null).orderBy('display_name').execute();
}

export async function listPairs(session: WorkspaceSession): Promise<PairsOverview> {
  const { db } = session.requireUnlocked();
  const rows = await pairQuery(db).where('sp.ended_at', 'is', null).orderBy('s.display_name').orderBy('w.display_name').execute();
  return { pairs: rows.map(toPair), supervisors: await activeUsers(db, 'gp_supervisor'), workers: await activeUsers(db, 'link_worker') };
}

async function requireActiveUser(db: LinkdeskDb, userId: string, role: 'gp_supervisor' | 'link_worker', field: string, message: string): Promise<void> {
  const row = await db.selectFrom('users').select(['role', 'disabled_at']).where('id', '=', userId).executeTakeFirst();
  if (!row || row.role !== role || row.disabled_at !== null) invalidInput({ [field]: message });
}

export async function assignPair(session: WorkspaceSession, input: { supervisorUserId: string; workerUserId: string }): Promise<SupervisionPair> {
  const { db, user } = session.requireUnlocked();
  return db.transaction().execute(async (trx) => {
    await requireActiveUser(trx, input.supervisorUserId, 'gp_supervisor', 'supervisorUserId', 'Choose an active GP supervisor');
    await requireActiveUser(trx, input.workerUserId, 'link_worker', 'workerUserId', 'Choose an active link worker');
    const id = randomUUID();
    try {
      await trx
        .insertInto('supervision_pairs')
        .values({ id, supervisor_user_id: input.supervisorUserId, worker_user_id: input.workerUserId, assigned_at: session.clock.now().toISOString(), assigned_by: user.id })
        .execute();
    } catch (error) {
      if (isUniqueViolation(error, 'supervision_pairs')) throw new AppError('conflict', 'This GP supervisor already supervises this link worker.');
      throw error;
    }
    await session.audit(
      { action: 'supervision.pair_assigned', entityType: 'supervision_pair', entityId: id, details: { supervisorUserId: input.supervisorUserId, workerUserId: input.workerUserId } },
      trx,
    );
    return loadPair(trx, id);
  });
}

export async function endPair(session: WorkspaceSession, pairId: string): Promise<SupervisionPair> {
  const { db, user } = session.requireUnlocked();
  return db.transaction().execute(async (trx) => {
    const pair = await loadPair(trx, pairId);
    if (pair.endedAt !== null) throw new AppError('conflict', 'This supervision pair has already ended.');
    await trx.updateTable('supervision_pairs').set({ ended_at: session.clock.now().toISOString(), ended_by: user.id }).where('id', '=', pairId).execute();
    await session.audit({ action: 'supervision.pair_ended', entityType: 'supervision_pair', entityId: pairId, details: { supervisorUserId: pair.supervisor.id, workerUserId: pair.worker.id } }, trx);
    return loadPair(trx, pairId);
  });
}

/** The current pairs the signed-in user is in, with their open session and how many sessions wait too long for sign-off. */
export async function myPairs(session: WorkspaceSession): Promise<MyPair[]> {
  const { db, user } = session.requireUnlocked();
  const dueBefore = addDays(todayOf(session), -SIGN_OFF_DUE_DAYS);
  const rows = await pairQuery(db)
    .where('sp.ended_at', 'is', null)
    .where((eb) => eb.or([eb('sp.supervisor_user_id', '=', user.id), eb('sp.worker_user_id', '=', user.id)]))
    .select([
      sql<string | null>`(SELECT x.id FROM supervision_sessions x WHERE x.pair_id = sp.id AND x.signed_at IS NULL)`.as('open_session_id'),
      sql<string | null>`(SELECT max(x.held_on) FROM supervision_sessions x WHERE x.pair_id = sp.id AND x.signed_at IS NOT NULL)`.as('last_signed_on'),
      sql<number>`(SELECT count(*) FROM supervision_sessions x WHERE x.pair_id = sp.id AND x.signed_at IS NULL AND x.held_on < ${dueBefore})`.as('overdue_sessions'),
    ])
    .orderBy('s.display_name')
    .orderBy('w.display_name')
    .execute();
  return rows.map((row) => ({ ...toPair(row), openSessionId: row.open_session_id, lastSignedOn: row.last_signed_on, overdueSessions: row.overdue_sessions }));
}

export const NOT_YOUR_SUPERVISION = 'Supervision records are for the link worker and the GP supervisor in them only.';

/** A pair the signed-in user is in (current or ended); anyone else is refused. */
export async function requireMyPair(session: WorkspaceSession, db: LinkdeskDb, pairId: string): Promise<SupervisionPair> {
  const { user } = session.requireUnlocked();
  const pair = await loadPair(db, pairId);
  if (pair.supervisor.id !== user.id && pair.worker.id !== user.id) throw new ForbiddenError(NOT_YOUR_SUPERVISION, { type: 'supervision_pair', id: pairId });
  return pair;
}
