import { randomUUID } from 'node:crypto';
import { FIRST_PERIOD_DAYS } from '../../../shared/domain/supervision';
import { addDays } from '../../../shared/domain/working-days';
import type { Addendum, PeriodNumbers, SessionSummary, SessionWorkspace } from '../../../shared/ipc/supervision-schemas';
import { AppError, ForbiddenError } from '../../errors';
import type { LinkdeskDb } from '../../store/kysely';
import { invalidInput, todayOf } from '../casework-common';
import type { WorkspaceSession } from '../workspace-session';
import { actionsOfSession, carriedActions } from './actions';
import { loadAgenda, syncAgenda } from './agenda';
import { periodNumbers } from './numbers';
import { requireMyPair } from './pairs';
import { changeOpenSession, findMySession, sessionQuery, summaryOf, toSessionSummary, type SessionRecord } from './session-access';
import { loadWellbeing } from './wellbeing';

/**
 * Weekly supervision sessions: started by either person in a pair (usually the link worker,
 * preparing), worked through together, signed off by the GP supervisor. At sign-off the period
 * numbers are frozen into the session and everything in it becomes read-only; addenda (who, when)
 * are the only way to add to it afterwards.
 */

/** A session is recorded up to four weeks ahead, so the link worker can prepare the next one. */
export const MAX_DAYS_AHEAD = 28;

async function previousSession(db: LinkdeskDb, pairId: string, beforeSeq?: number) {
  let query = db.selectFrom('supervision_sessions').select(['id', 'held_on', 'numbers_json']).where('pair_id', '=', pairId);
  if (beforeSeq !== undefined) query = query.where('seq', '<', beforeSeq);
  return query.orderBy('seq', 'desc').limit(1).executeTakeFirst();
}

/** The session date's rules, and the first day of the period its numbers cover. */
async function datedPeriod(session: WorkspaceSession, db: LinkdeskDb, pairId: string, heldOn: string, beforeSeq?: number): Promise<string> {
  if (heldOn > addDays(todayOf(session), MAX_DAYS_AHEAD)) invalidInput({ heldOn: `A session can be at most ${MAX_DAYS_AHEAD} days ahead` });
  const previous = await previousSession(db, pairId, beforeSeq);
  if (previous && heldOn <= previous.held_on) invalidInput({ heldOn: `Choose a date after the last session (${previous.held_on})` });
  return previous ? addDays(previous.held_on, 1) : addDays(heldOn, -(FIRST_PERIOD_DAYS - 1));
}

/** The signed-in user's sessions, newest first (optionally one pair's). */
export async function listSessions(session: WorkspaceSession, input: { pairId?: string | undefined }): Promise<SessionSummary[]> {
  const { db, user } = session.requireUnlocked();
  let query = sessionQuery(db).where((eb) => eb.or([eb('sp.supervisor_user_id', '=', user.id), eb('sp.worker_user_id', '=', user.id)]));
  if (input.pairId) {
    await requireMyPair(session, db, input.pairId);
    query = query.where('ss.pair_id', '=', input.pairId);
  }
  const rows = await query.orderBy('ss.held_on', 'desc').orderBy('ss.seq', 'desc').limit(500).execute();
  const today = todayOf(session);
  return rows.map((row) => toSessionSummary(row, today));
}

export async function createSession(session: WorkspaceSession, input: { pairId: string; heldOn: string; attendees: string[] }): Promise<SessionSummary> {
  const { db, user } = session.requireUnlocked();
  return db.transaction().execute(async (trx) => {
    const pair = await requireMyPair(session, trx, input.pairId);
    if (pair.endedAt !== null) throw new AppError('conflict', 'This supervision pair has ended, so no new sessions can start.');
    const open = await trx.selectFrom('supervision_sessions').select('held_on').where('pair_id', '=', pair.id).where('signed_at', 'is', null).executeTakeFirst();
    if (open) throw new AppError('conflict', `The session of ${open.held_on} is still open. Finish and sign it off before starting the next.`);
    const periodFrom = await datedPeriod(session, trx, pair.id, input.heldOn);
    const id = randomUUID();
    const now = session.clock.now().toISOString();
    await trx
      .insertInto('supervision_sessions')
      .values({ id, pair_id: pair.id, held_on: input.heldOn, period_from: periodFrom, attendees_json: JSON.stringify(input.attendees), created_at: now, created_by: user.id, updated_at: now, updated_by: user.id })
      .execute();
    const row = await sessionQuery(trx).where('ss.id', '=', id).executeTakeFirstOrThrow();
    const agenda = await syncAgenda(session, trx, row);
    await session.audit({ action: 'supervision.session_created', entityType: 'supervision_session', entityId: id, details: { pairId: pair.id, heldOn: input.heldOn, agendaItems: agenda.added } }, trx);
    return summaryOf(session, trx, id);
  });
}

export async function updateSession(session: WorkspaceSession, input: { sessionId: string; heldOn: string; attendees: string[] }): Promise<SessionSummary> {
  const { user } = session.requireUnlocked();
  return changeOpenSession(session, input.sessionId, 'change date or attendees', async (trx, { row }) => {
    const periodFrom = await datedPeriod(session, trx, row.pair_id, input.heldOn, row.seq);
    await trx
      .updateTable('supervision_sessions')
      .set({ held_on: input.heldOn, period_from: periodFrom, attendees_json: JSON.stringify(input.attendees), updated_at: session.clock.now().toISOString(), updated_by: user.id })
      .where('id', '=', row.id)
      .execute();
    await session.audit({ action: 'supervision.session_updated', entityType: 'supervision_session', entityId: row.id, details: { heldOn: input.heldOn, attendees: input.attendees.length } }, trx);
    return summaryOf(session, trx, row.id);
  });
}

async function numbersOf(db: LinkdeskDb, row: SessionRecord): Promise<PeriodNumbers> {
  return row.numbers_json ? (JSON.parse(row.numbers_json) as PeriodNumbers) : periodNumbers(db, row.worker_user_id, row.period_from, row.held_on);
}

async function loadAddenda(db: LinkdeskDb, sessionId: string): Promise<Addendum[]> {
  const rows = await db
    .selectFrom('supervision_addenda as x')
    .leftJoin('users as u', 'u.id', 'x.added_by')
    .select(['x.id', 'x.text', 'x.added_at', 'u.display_name'])
    .where('x.session_id', '=', sessionId)
    .orderBy('x.seq')
    .execute();
  return rows.map((row) => ({ id: row.id, text: row.text, addedAt: row.added_at, addedBy: row.display_name }));
}

/** Everything the session workspace shows, read in one transaction with its audit entry. */
export async function readWorkspace(session: WorkspaceSession, db: LinkdeskDb, sessionId: string): Promise<SessionWorkspace> {
  const today = todayOf(session);
  const { row, you } = await findMySession(session, db, sessionId);
  const asOf = row.signed_at ?? session.clock.now().toISOString();
  const actions = await actionsOfSession(db, row.id, today, row.signed_at);
  const previous = await previousSession(db, row.pair_id, row.seq);
  const previousNumbers = previous ? (previous.numbers_json ? (JSON.parse(previous.numbers_json) as PeriodNumbers) : null) : null;
  return {
    session: toSessionSummary(row, today),
    you,
    numbers: await numbersOf(db, row),
    numbersFrozen: row.numbers_json !== null,
    previous: previous && previousNumbers ? { heldOn: previous.held_on, numbers: previousNumbers } : null,
    agenda: await loadAgenda(db, row, actions, asOf),
    actions: actions.filter((action) => action.itemId === null),
    carriedActions: await carriedActions(db, row, today),
    wellbeing: await loadWellbeing(db, row.id),
    addenda: await loadAddenda(db, row.id),
  };
}

export async function getSession(session: WorkspaceSession, sessionId: string): Promise<SessionWorkspace> {
  const { db } = session.requireUnlocked();
  return db.transaction().execute(async (trx) => {
    const workspace = await readWorkspace(session, trx, sessionId);
    await session.audit(
      { action: 'supervision.session_viewed', entityType: 'supervision_session', entityId: sessionId, details: { agendaItems: workspace.agenda.length, signed: workspace.session.signedAt !== null } },
      trx,
    );
    return workspace;
  });
}

export async function signSession(session: WorkspaceSession, sessionId: string): Promise<SessionSummary> {
  const { user } = session.requireUnlocked();
  return changeOpenSession(session, sessionId, 'sign off', async (trx, { row, you }) => {
    if (you !== 'supervisor') throw new ForbiddenError('Only the GP supervisor in this session can sign it off.', { type: 'supervision_session', id: sessionId });
    if (row.held_on > todayOf(session)) throw new AppError('conflict', `This session is dated ${row.held_on}; it can be signed off on or after that day.`);
    const numbers = await periodNumbers(trx, row.worker_user_id, row.period_from, row.held_on);
    const now = session.clock.now().toISOString();
    await trx
      .updateTable('supervision_sessions')
      .set({ numbers_json: JSON.stringify(numbers), signed_at: now, signed_by: user.id, updated_at: now, updated_by: user.id })
      .where('id', '=', row.id)
      .where('signed_at', 'is', null)
      .execute();
    const counts = await trx
      .selectFrom('supervision_agenda_items')
      .select((eb) => [eb.fn.countAll<number>().as('items'), eb.fn.sum<number>('safeguarding_raised').as('safeguarding')])
      .where('session_id', '=', row.id)
      .executeTakeFirstOrThrow();
    await session.audit(
      { action: 'supervision.session_signed', entityType: 'supervision_session', entityId: row.id, details: { agendaItems: counts.items, safeguardingRaised: Number(counts.safeguarding ?? 0) } },
      trx,
    );
    return summaryOf(session, trx, row.id);
  });
}

export async function addAddendum(session: WorkspaceSession, input: { sessionId: string; text: string }): Promise<Addendum> {
  const { db, user } = session.requireUnlocked();
  return db.transaction().execute(async (trx) => {
    const { row } = await findMySession(session, trx, input.sessionId);
    if (row.signed_at === null) throw new AppError('conflict', 'This session is still open, so write it in the session itself; addenda are for signed sessions.');
    const id = randomUUID();
    await trx.insertInto('supervision_addenda').values({ id, session_id: row.id, text: input.text.trim(), added_at: session.clock.now().toISOString(), added_by: user.id }).execute();
    await session.audit({ action: 'supervision.addendum_added', entityType: 'supervision_session', entityId: row.id, details: { addendumId: id } }, trx);
    const [addendum] = (await loadAddenda(trx, row.id)).filter((entry) => entry.id === id);
    return addendum!;
  });
}
