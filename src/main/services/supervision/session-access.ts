import { sql } from 'kysely';
import { SIGN_OFF_DUE_DAYS } from '../../../shared/domain/supervision';
import { addDays } from '../../../shared/domain/working-days';
import type { SessionSummary } from '../../../shared/ipc/supervision-schemas';
import { AppError, ForbiddenError } from '../../errors';
import type { LinkdeskDb } from '../../store/kysely';
import { todayOf } from '../casework-common';
import type { WorkspaceSession } from '../workspace-session';
import { NOT_YOUR_SUPERVISION } from './pairs';

/**
 * Finding a supervision session for the signed-in user, and the one way to change one: sessions
 * belong to the two people in them, and a signed session refuses every change (the refusal is
 * audited, so the log shows each attempt; the database triggers refuse it too).
 */
export const SIGNED_MESSAGE = 'This session has been signed off, so it cannot be changed. Add an addendum instead.';

export function sessionQuery(db: LinkdeskDb) {
  return db
    .selectFrom('supervision_sessions as ss')
    .innerJoin('supervision_pairs as sp', 'sp.id', 'ss.pair_id')
    .innerJoin('users as s', 's.id', 'sp.supervisor_user_id')
    .innerJoin('users as w', 'w.id', 'sp.worker_user_id')
    .leftJoin('users as signer', 'signer.id', 'ss.signed_by')
    .selectAll('ss')
    .select([
      'sp.supervisor_user_id',
      'sp.worker_user_id',
      's.display_name as supervisor_name',
      'w.display_name as worker_name',
      'signer.display_name as signed_by_name',
      sql<number>`(SELECT count(*) FROM supervision_agenda_items i WHERE i.session_id = ss.id)`.as('agenda_items'),
    ]);
}

export type SessionRecord = Awaited<ReturnType<ReturnType<typeof sessionQuery>['execute']>>[number];
export type PartIn = 'supervisor' | 'link_worker';

export function toSessionSummary(row: SessionRecord, today: string): SessionSummary {
  return {
    id: row.id,
    pairId: row.pair_id,
    supervisor: { id: row.supervisor_user_id, displayName: row.supervisor_name },
    worker: { id: row.worker_user_id, displayName: row.worker_name },
    heldOn: row.held_on,
    periodFrom: row.period_from,
    attendees: JSON.parse(row.attendees_json) as string[],
    signedAt: row.signed_at,
    signedBy: row.signed_by_name,
    overdue: row.signed_at === null && row.held_on < addDays(today, -SIGN_OFF_DUE_DAYS),
    agendaItems: row.agenda_items,
  };
}

/** A session the signed-in user is in, and their part in it. Sessions of other pairs are refused (and audited by the router). */
export async function findMySession(session: WorkspaceSession, db: LinkdeskDb, sessionId: string): Promise<{ row: SessionRecord; you: PartIn }> {
  const { user } = session.requireUnlocked();
  const row = await sessionQuery(db).where('ss.id', '=', sessionId).executeTakeFirst();
  if (!row) throw new AppError('not_found', 'That supervision session does not exist.');
  if (row.supervisor_user_id === user.id) return { row, you: 'supervisor' };
  if (row.worker_user_id === user.id) return { row, you: 'link_worker' };
  throw new ForbiddenError(NOT_YOUR_SUPERVISION, { type: 'supervision_session', id: sessionId });
}

export async function summaryOf(session: WorkspaceSession, db: LinkdeskDb, sessionId: string): Promise<SessionSummary> {
  const row = await sessionQuery(db).where('ss.id', '=', sessionId).executeTakeFirstOrThrow();
  return toSessionSummary(row, todayOf(session));
}

class SignedSessionError extends AppError {
  constructor() {
    super('conflict', SIGNED_MESSAGE);
  }
}

/**
 * Runs a change to an open session in one transaction. `locate` finds the session the change is
 * in (an id, or a lookup from an item or action id). A signed session refuses the change, and the
 * refusal is audited after the transaction rolls back.
 */
export async function changeOpenSession<T>(
  session: WorkspaceSession,
  locate: string | ((db: LinkdeskDb) => Promise<string>),
  attempted: string,
  work: (trx: LinkdeskDb, found: { row: SessionRecord; you: PartIn }) => Promise<T>,
): Promise<T> {
  const { db } = session.requireUnlocked();
  let sessionId: string | null = typeof locate === 'string' ? locate : null;
  try {
    return await db.transaction().execute(async (trx) => {
      sessionId ??= await (locate as (db: LinkdeskDb) => Promise<string>)(trx);
      const found = await findMySession(session, trx, sessionId);
      if (found.row.signed_at !== null) throw new SignedSessionError();
      return work(trx, found);
    });
  } catch (error) {
    if (error instanceof SignedSessionError && sessionId) {
      await session.audit({ action: 'supervision.change_refused', entityType: 'supervision_session', entityId: sessionId, details: { attempted } });
    }
    throw error;
  }
}
