import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { ACTION_OWNERS, SUPERVISION_LIMITS } from '../../../shared/domain/supervision';
import type { SupervisionAction } from '../../../shared/ipc/supervision-schemas';
import { AppError } from '../../errors';
import type { LinkdeskDb } from '../../store/kysely';
import { invalidInput, todayOf } from '../casework-common';
import type { WorkspaceSession } from '../workspace-session';
import { changeOpenSession, findMySession, type SessionRecord } from './session-access';

/**
 * Actions agreed in supervision: what, who (the link worker or the supervisor) and by when. An
 * action belongs to the session it was agreed in and is frozen with it at sign-off; ticking it off
 * is a row of its own, so an action from a signed session can still be done later. Actions not
 * done when a session begins are carried over onto it.
 */

export const PERSON_NAME = sql<string>`(coalesce(p.preferred_name, p.given_name) || ' ' || p.family_name)`;

export function actionQuery(db: LinkdeskDb) {
  return db
    .selectFrom('supervision_actions as a')
    .innerJoin('supervision_sessions as ss', 'ss.id', 'a.session_id')
    .innerJoin('supervision_pairs as sp', 'sp.id', 'ss.pair_id')
    .innerJoin('users as s', 's.id', 'sp.supervisor_user_id')
    .innerJoin('users as w', 'w.id', 'sp.worker_user_id')
    .leftJoin('supervision_agenda_items as i', 'i.id', 'a.agenda_item_id')
    .leftJoin('people as p', 'p.id', 'i.person_id')
    .leftJoin('supervision_action_completions as c', 'c.action_id', 'a.id')
    .leftJoin('supervision_sessions as cs', 'cs.id', 'c.session_id')
    .select([
      'a.id',
      'a.session_id',
      'a.agenda_item_id',
      'a.text',
      'a.owner',
      'a.due_on',
      'ss.held_on',
      'ss.signed_at',
      'i.person_id',
      sql<string | null>`CASE WHEN p.id IS NULL THEN NULL ELSE ${PERSON_NAME} END`.as('person_name'),
      's.display_name as supervisor_name',
      'w.display_name as worker_name',
      'c.done_on',
      'c.recorded_at as done_recorded_at',
      'c.session_id as done_session_id',
      'cs.signed_at as done_session_signed_at',
    ]);
}

type ActionRow = Awaited<ReturnType<ReturnType<typeof actionQuery>['execute']>>[number];

/**
 * An action as the screens show it. `asOf` (a signed session's sign-off time) shows it as it
 * stood then: ticked off later, it is still open in that record.
 */
export function toAction(row: ActionRow, today: string, asOf: string | null = null): SupervisionAction {
  const doneOn = row.done_on !== null && (asOf === null || row.done_recorded_at! <= asOf) ? row.done_on : null;
  return {
    id: row.id,
    sessionId: row.session_id,
    sessionHeldOn: row.held_on,
    itemId: row.agenda_item_id,
    personId: row.person_id,
    personName: row.person_name,
    text: row.text,
    owner: row.owner,
    ownerName: row.owner === 'supervisor' ? row.supervisor_name : row.worker_name,
    dueOn: row.due_on,
    doneOn,
    overdue: doneOn === null && row.due_on < today,
    removable: asOf === null && row.signed_at === null && row.done_on === null,
    reopenable: asOf === null && row.done_on !== null && row.done_session_id !== null && row.done_session_signed_at === null,
  };
}

/** The actions agreed in a session, in the order they were agreed. */
export async function actionsOfSession(db: LinkdeskDb, sessionId: string, today: string, asOf: string | null): Promise<SupervisionAction[]> {
  const rows = await actionQuery(db).where('a.session_id', '=', sessionId).orderBy('a.seq').execute();
  return rows.map((row) => toAction(row, today, asOf));
}

/** Actions from the pair's earlier sessions that were still open when this session began. */
export async function carriedActions(db: LinkdeskDb, row: SessionRecord, today: string): Promise<SupervisionAction[]> {
  const rows = await actionQuery(db)
    .where('ss.pair_id', '=', row.pair_id)
    .where('ss.seq', '<', row.seq)
    .where((eb) => eb.or([eb('c.action_id', 'is', null), eb('c.recorded_at', '>=', row.created_at)]))
    .orderBy('ss.held_on')
    .orderBy('a.seq')
    .execute();
  return rows.map((action) => toAction(action, today, row.signed_at));
}

async function loadAction(db: LinkdeskDb, actionId: string, today: string): Promise<SupervisionAction> {
  const row = await actionQuery(db).where('a.id', '=', actionId).executeTakeFirst();
  if (!row) throw new AppError('not_found', 'That action does not exist.');
  return toAction(row, today);
}

async function sessionOfAction(db: LinkdeskDb, actionId: string): Promise<string> {
  const row = await db.selectFrom('supervision_actions').select('session_id').where('id', '=', actionId).executeTakeFirst();
  if (!row) throw new AppError('not_found', 'That action does not exist.');
  return row.session_id;
}

export async function addAction(
  session: WorkspaceSession,
  input: { sessionId: string; itemId: string | null; text: string; owner: keyof typeof ACTION_OWNERS; dueOn: string },
): Promise<SupervisionAction> {
  const { user } = session.requireUnlocked();
  return changeOpenSession(session, input.sessionId, 'add action', async (trx, { row }) => {
    if (input.itemId !== null) {
      const item = await trx.selectFrom('supervision_agenda_items').select('session_id').where('id', '=', input.itemId).executeTakeFirst();
      if (!item || item.session_id !== row.id) invalidInput({ itemId: 'Choose a case on this session’s agenda' });
    }
    if (input.dueOn < row.held_on) invalidInput({ dueOn: 'An action cannot be due before the session' });
    const count = await trx.selectFrom('supervision_actions').select((eb) => eb.fn.countAll<number>().as('n')).where('session_id', '=', row.id).executeTakeFirstOrThrow();
    if (count.n >= SUPERVISION_LIMITS.actionsPerSession) throw new AppError('conflict', `A session can hold at most ${SUPERVISION_LIMITS.actionsPerSession} actions.`);
    const id = randomUUID();
    await trx
      .insertInto('supervision_actions')
      .values({ id, session_id: row.id, agenda_item_id: input.itemId, text: input.text.trim(), owner: input.owner, due_on: input.dueOn, created_at: session.clock.now().toISOString(), created_by: user.id })
      .execute();
    await session.audit({ action: 'supervision.action_added', entityType: 'supervision_session', entityId: row.id, details: { actionId: id, itemId: input.itemId, owner: input.owner, dueOn: input.dueOn } }, trx);
    return loadAction(trx, id, todayOf(session));
  });
}

export async function removeAction(session: WorkspaceSession, actionId: string): Promise<{ id: string }> {
  return changeOpenSession(session, (db) => sessionOfAction(db, actionId), 'remove action', async (trx, { row }) => {
    const done = await trx.selectFrom('supervision_action_completions').select('action_id').where('action_id', '=', actionId).executeTakeFirst();
    if (done) throw new AppError('conflict', 'This action is marked done. Mark it not done before removing it.');
    await trx.deleteFrom('supervision_actions').where('id', '=', actionId).execute();
    await session.audit({ action: 'supervision.action_removed', entityType: 'supervision_session', entityId: row.id, details: { actionId } }, trx);
    return { id: actionId };
  });
}

/** Ticks an action off, from any session of the pair; recorded against the pair's open session, if there is one. */
export async function completeAction(session: WorkspaceSession, input: { actionId: string; doneOn: string }): Promise<SupervisionAction> {
  const { db, user } = session.requireUnlocked();
  const today = todayOf(session);
  return db.transaction().execute(async (trx) => {
    const { row } = await findMySession(session, trx, await sessionOfAction(trx, input.actionId));
    const done = await trx.selectFrom('supervision_action_completions').select('done_on').where('action_id', '=', input.actionId).executeTakeFirst();
    if (done) throw new AppError('conflict', `This action was already marked done on ${done.done_on}.`);
    if (input.doneOn > today) invalidInput({ doneOn: 'The date done cannot be in the future' });
    if (input.doneOn < row.held_on) invalidInput({ doneOn: 'The date done cannot be before the session that agreed the action' });
    const open = await trx.selectFrom('supervision_sessions').select('id').where('pair_id', '=', row.pair_id).where('signed_at', 'is', null).executeTakeFirst();
    await trx
      .insertInto('supervision_action_completions')
      .values({ action_id: input.actionId, done_on: input.doneOn, session_id: open?.id ?? null, recorded_at: session.clock.now().toISOString(), recorded_by: user.id })
      .execute();
    await session.audit(
      { action: 'supervision.action_completed', entityType: 'supervision_session', entityId: row.id, details: { actionId: input.actionId, doneOn: input.doneOn, inSessionId: open?.id ?? null } },
      trx,
    );
    return loadAction(trx, input.actionId, today);
  });
}

/** Undoes a tick, only while the session it was ticked off in is still open. */
export async function reopenAction(session: WorkspaceSession, actionId: string): Promise<SupervisionAction> {
  const { db } = session.requireUnlocked();
  const today = todayOf(session);
  return db.transaction().execute(async (trx) => {
    const { row } = await findMySession(session, trx, await sessionOfAction(trx, actionId));
    const action = await loadAction(trx, actionId, today);
    if (action.doneOn === null) throw new AppError('conflict', 'This action is not marked done.');
    if (!action.reopenable) throw new AppError('conflict', 'This action was marked done outside an open session, or in one now signed, so it stays done.');
    await trx.deleteFrom('supervision_action_completions').where('action_id', '=', actionId).execute();
    await session.audit({ action: 'supervision.action_reopened', entityType: 'supervision_session', entityId: row.id, details: { actionId } }, trx);
    return loadAction(trx, actionId, today);
  });
}

/** Actions across the signed-in user's sessions (optionally one pair's), open ones by due date first. */
export async function listActions(session: WorkspaceSession, input: { pairId?: string | undefined; status: 'open' | 'done' | 'all' }): Promise<SupervisionAction[]> {
  const { db, user } = session.requireUnlocked();
  const today = todayOf(session);
  let query = actionQuery(db).where((eb) => eb.or([eb('sp.supervisor_user_id', '=', user.id), eb('sp.worker_user_id', '=', user.id)]));
  if (input.pairId) query = query.where('sp.id', '=', input.pairId);
  if (input.status === 'open') query = query.where('c.action_id', 'is', null);
  if (input.status === 'done') query = query.where('c.action_id', 'is not', null);
  const rows = await query
    .orderBy(sql`c.action_id IS NOT NULL`)
    .orderBy(sql`CASE WHEN c.action_id IS NULL THEN a.due_on END`)
    .orderBy('c.done_on', 'desc')
    .orderBy('a.seq')
    .limit(500)
    .execute();
  const actions = rows.map((row) => toAction(row, today));
  await session.audit({ action: 'supervision.actions_listed', details: { status: input.status, pairId: input.pairId ?? null, count: actions.length } });
  return actions;
}
