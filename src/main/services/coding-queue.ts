import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { CODING_DUE_DAYS, SNOMED } from '../../shared/domain/referral';
import { addDays } from '../../shared/domain/working-days';
import type { CodingItem } from '../../shared/ipc/casework-schemas';
import { AppError } from '../errors';
import type { LinkdeskDb } from '../store/kysely';
import { findReadableEpisode, fullName, invalidInput, todayOf } from './casework-common';
import { caseScope, scopeCondition } from './supervision/supervision-scope';
import type { WorkspaceSession } from './workspace-session';

/**
 * The GP coding queue: SNOMED CT codes that must reach the GP record within a week of the contact
 * that triggered them. Someone with access to the practice system records them and ticks them off.
 */
const TERMS: Record<string, string> = Object.fromEntries(Object.values(SNOMED).map((concept) => [concept.code, concept.term]));

/** Recorded codes stay on the list (with includeRecorded) for this many days after recording. */
export const RECORDED_CODES_SHOWN_FOR_DAYS = 28;

export interface QueueCodeRequest {
  episodeId: string;
  personId: string;
  code: string;
  contactId: string | null;
  contactOn: string;
}

/**
 * Queues a code inside the caller's transaction, due CODING_DUE_DAYS after the contact. A code
 * already queued for the episode is left as it is (the unique index makes a second one impossible).
 */
export async function queueCode(trx: LinkdeskDb, session: WorkspaceSession, request: QueueCodeRequest): Promise<void> {
  const { user } = session.requireUnlocked();
  const id = randomUUID();
  const result = await trx
    .insertInto('coding_queue')
    .values({
      id,
      episode_id: request.episodeId,
      person_id: request.personId,
      contact_id: request.contactId,
      code: request.code,
      contact_on: request.contactOn,
      due_on: addDays(request.contactOn, CODING_DUE_DAYS),
      queued_at: session.clock.now().toISOString(),
      queued_by: user.id,
    })
    .onConflict((conflict) => conflict.columns(['episode_id', 'code']).doNothing())
    .executeTakeFirst();
  if (Number(result.numInsertedOrUpdatedRows ?? 0n) === 1) {
    await session.audit({ action: 'coding.queued', entityType: 'person', entityId: request.personId, details: { itemId: id, episodeId: request.episodeId, code: request.code } }, trx);
  }
}

function codingQuery(db: LinkdeskDb, today: string) {
  return db
    .selectFrom('coding_queue as q')
    .innerJoin('people as p', 'p.id', 'q.person_id')
    .leftJoin('users as r', 'r.id', 'q.recorded_by')
    .select([
      'q.id',
      'q.person_id',
      'p.given_name',
      'p.family_name',
      'p.nhs_number',
      'q.episode_id',
      'q.code',
      'q.contact_on',
      'q.due_on',
      'q.recorded_on',
      'r.display_name as recorded_by_name',
      sql<number>`(q.recorded_on IS NULL AND q.due_on < ${today})`.as('overdue'),
    ]);
}

type CodingRow = Awaited<ReturnType<ReturnType<typeof codingQuery>['execute']>>[number];

function toItem(row: CodingRow): CodingItem {
  return {
    id: row.id,
    personId: row.person_id,
    personName: fullName(row),
    nhsNumber: row.nhs_number,
    episodeId: row.episode_id,
    code: row.code,
    term: TERMS[row.code] ?? row.code,
    contactOn: row.contact_on,
    dueOn: row.due_on,
    overdue: row.overdue === 1,
    recordedOn: row.recorded_on,
    recordedBy: row.recorded_by_name,
  };
}

/** Codes still to record, overdue first, then by due date; with includeRecorded, the recently recorded ones after them. */
export async function listCodingQueue(session: WorkspaceSession, input: { includeRecorded: boolean }): Promise<CodingItem[]> {
  const { db } = session.requireUnlocked();
  const today = todayOf(session);
  // A GP supervisor sees only their supervisees' codes (services/supervision/supervision-scope.ts).
  const scope = await caseScope(session);
  const scoped = () => {
    const query = codingQuery(db, today);
    return scope.all ? query : query.where((eb) => eb('q.episode_id', 'in', eb.selectFrom('episodes as e').select('e.id').where(scopeCondition(scope, 'e.worker_user_id'))));
  };
  // Still to record, then (with includeRecorded) the recently recorded: two queries, each on its
  // own partial index. One query with "IS NULL OR >=" read every code ever queued (docs/performance.md).
  const pending = await scoped().where('q.recorded_on', 'is', null).orderBy(sql`overdue`, 'desc').orderBy('q.due_on').orderBy('q.queued_at').execute();
  const recorded = input.includeRecorded
    ? await scoped().where('q.recorded_on', '>=', addDays(today, -RECORDED_CODES_SHOWN_FOR_DAYS)).orderBy('q.due_on').orderBy('q.queued_at').execute()
    : [];
  return [...pending, ...recorded].map(toItem);
}

export async function markCodeRecorded(session: WorkspaceSession, input: { itemId: string; recordedOn: string }): Promise<CodingItem> {
  const { db, user } = session.requireUnlocked();
  const today = todayOf(session);
  return db.transaction().execute(async (trx) => {
    const item = await trx.selectFrom('coding_queue').selectAll().where('id', '=', input.itemId).executeTakeFirst();
    if (!item) throw new AppError('not_found', 'That code is not in the coding queue.');
    await findReadableEpisode(session, trx, item.episode_id);
    if (item.recorded_on !== null) throw new AppError('conflict', `This code was already marked as recorded on ${item.recorded_on}.`);
    if (input.recordedOn > today) invalidInput({ recordedOn: 'The date recorded cannot be in the future' });
    if (input.recordedOn < item.contact_on) invalidInput({ recordedOn: 'The code cannot be recorded before the contact it follows' });
    await trx
      .updateTable('coding_queue')
      .set({ recorded_on: input.recordedOn, recorded_by: user.id, recorded_at: session.clock.now().toISOString() })
      .where('id', '=', item.id)
      .where('recorded_on', 'is', null)
      .execute();
    await session.audit({ action: 'coding.recorded', entityType: 'person', entityId: item.person_id, details: { itemId: item.id, episodeId: item.episode_id, code: item.code } }, trx);
    const row = await codingQuery(trx, today).where('q.id', '=', item.id).executeTakeFirstOrThrow();
    return toItem(row);
  });
}
