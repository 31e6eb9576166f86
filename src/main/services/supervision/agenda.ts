import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { AGENDA_REASON_CODES, type AgendaReason, type PersonFlagKind, SUPERVISION_LIMITS } from '../../../shared/domain/supervision';
import type { AgendaItem, SupervisionAction } from '../../../shared/ipc/supervision-schemas';
import { AppError } from '../../errors';
import type { LinkdeskDb } from '../../store/kysely';
import { flagExpressions } from '../caseload';
import { findEpisode, invalidInput, nullIfEmpty, todayOf } from '../casework-common';
import type { WorkspaceSession } from '../workspace-session';
import { actionsOfSession, PERSON_NAME } from './actions';
import { changeOpenSession, type SessionRecord } from './session-access';

/**
 * A session's agenda: the cases of the link worker's caseload that need discussing, worked out in
 * SQL from the same flag expressions as the caseload, plus cases either person adds by hand, plus
 * cases with actions carried over from earlier sessions. Each case then gets its discussion notes,
 * the decision and whether a safeguarding concern was raised and what was done.
 */

type Candidate = { personId: string; reasons: Set<AgendaReason> };

export function sortReasons(reasons: Iterable<AgendaReason>): AgendaReason[] {
  return [...new Set(reasons)].sort((a, b) => AGENDA_REASON_CODES.indexOf(a) - AGENDA_REASON_CODES.indexOf(b));
}

interface OpenEpisodeFlags {
  id: string;
  person_id: string;
  status: string;
  safeguarding: number;
  risk: number;
  over_12_weeks: number;
  over_12_contacts: number;
  coding_overdue: number;
  no_recent_contact: number;
}

/** Why each of the worker's cases needs discussing now, by episode id. */
export async function caseloadAgenda(db: LinkdeskDb, row: SessionRecord, today: string): Promise<Map<string, Candidate>> {
  const worker = row.worker_user_id;
  const found = new Map<string, Candidate>();
  const add = (episodeId: string, personId: string, reason: AgendaReason) => {
    const candidate = found.get(episodeId) ?? { personId, reasons: new Set<AgendaReason>() };
    candidate.reasons.add(reason);
    found.set(episodeId, candidate);
  };
  const flags = flagExpressions(today);
  const open = await sql<OpenEpisodeFlags>`
    SELECT e.id, e.person_id, e.status, ${flags.safeguarding} AS safeguarding, ${flags.risk} AS risk, ${flags.over_12_weeks} AS over_12_weeks,
           ${flags.over_12_contacts} AS over_12_contacts, ${flags.coding_overdue} AS coding_overdue, ${flags.no_recent_contact} AS no_recent_contact
    FROM episodes e JOIN people p ON p.id = e.person_id
    WHERE e.worker_user_id = ${worker} AND e.status <> 'closed'`.execute(db);
  for (const episode of open.rows) {
    const reasons: [AgendaReason, boolean][] = [
      ['safeguarding', episode.safeguarding === 1],
      ['risk', episode.risk === 1],
      ['over_12_weeks', episode.over_12_weeks === 1],
      ['over_12_contacts', episode.over_12_contacts === 1],
      ['coding_overdue', episode.coding_overdue === 1],
      ['disengaged', episode.no_recent_contact === 1],
      ['declined', episode.status === 'declined'],
    ];
    for (const [reason, applies] of reasons) if (applies) add(episode.id, episode.person_id, reason);
  }

  // Closed in the period as declined or disengaged: worth a word even though the case has ended.
  const closed = await db
    .selectFrom('episodes')
    .select(['id', 'person_id', 'closure_reason'])
    .where('worker_user_id', '=', worker)
    .where('status', '=', 'closed')
    .where('closure_reason', 'in', ['declined', 'disengaged'])
    .where('closed_on', '>=', row.period_from)
    .where('closed_on', '<=', row.held_on)
    .execute();
  for (const episode of closed) add(episode.id, episode.person_id, episode.closure_reason === 'declined' ? 'declined' : 'disengaged');

  // No progress at review: the plan's latest review has no goal started or achieved.
  const stalled = await sql<{ episode_id: string; person_id: string }>`
    WITH latest AS (
      SELECT cp.episode_id, cp.person_id,
             (SELECT r.id FROM care_plan_reviews r JOIN care_plan_versions v ON v.id = r.version_id
              WHERE v.plan_id = cp.id ORDER BY r.reviewed_on DESC, r.recorded_at DESC LIMIT 1) AS review_id
      FROM care_plans cp JOIN episodes e ON e.id = cp.episode_id
      WHERE e.worker_user_id = ${worker} AND e.status <> 'closed')
    SELECT episode_id, person_id FROM latest
    WHERE review_id IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM care_plan_review_goals g WHERE g.review_id = latest.review_id AND g.progress IN ('started', 'achieved'))`.execute(db);
  for (const episode of stalled.rows) add(episode.episode_id, episode.person_id, 'no_progress');

  // Cases with an action from an earlier session of this pair still not done.
  const carried = await sql<{ episode_id: string; person_id: string }>`
    SELECT DISTINCT i.episode_id, i.person_id FROM supervision_actions a
    JOIN supervision_sessions ss ON ss.id = a.session_id
    JOIN supervision_agenda_items i ON i.id = a.agenda_item_id
    LEFT JOIN supervision_action_completions c ON c.action_id = a.id
    WHERE ss.pair_id = ${row.pair_id} AND ss.seq < ${row.seq} AND c.action_id IS NULL`.execute(db);
  for (const episode of carried.rows) add(episode.episode_id, episode.person_id, 'carried_action');
  return found;
}

/**
 * Brings the caseload part of the agenda up to date inside the caller's transaction: new cases
 * are added, reasons are updated, and cases that no longer need discussing leave the agenda,
 * unless something was written about them or someone added them by hand.
 */
export async function syncAgenda(session: WorkspaceSession, trx: LinkdeskDb, row: SessionRecord): Promise<{ added: number; removed: number }> {
  const { user } = session.requireUnlocked();
  const now = session.clock.now().toISOString();
  const computed = await caseloadAgenda(trx, row, todayOf(session));
  const existing = await trx
    .selectFrom('supervision_agenda_items as i')
    .select(['i.id', 'i.episode_id', 'i.reasons_json', 'i.added_by', 'i.discussion', 'i.decision', 'i.safeguarding_raised'])
    .select(sql<number>`EXISTS (SELECT 1 FROM supervision_actions a WHERE a.agenda_item_id = i.id)`.as('has_actions'))
    .where('i.session_id', '=', row.id)
    .execute();
  let added = 0;
  let removed = 0;
  for (const item of existing) {
    const candidate = computed.get(item.episode_id);
    computed.delete(item.episode_id);
    if (candidate) {
      const reasons = JSON.stringify(sortReasons(candidate.reasons));
      if (reasons !== item.reasons_json) await trx.updateTable('supervision_agenda_items').set({ reasons_json: reasons }).where('id', '=', item.id).execute();
      continue;
    }
    const worked = item.added_by !== null || item.discussion !== null || item.decision !== null || item.safeguarding_raised === 1 || item.has_actions === 1;
    if (!worked) {
      await trx.deleteFrom('supervision_agenda_items').where('id', '=', item.id).execute();
      removed += 1;
    }
  }
  let room = SUPERVISION_LIMITS.agendaItems - (existing.length - removed);
  for (const [episodeId, candidate] of computed) {
    if (room <= 0) break;
    await trx
      .insertInto('supervision_agenda_items')
      .values({
        id: randomUUID(),
        session_id: row.id,
        episode_id: episodeId,
        person_id: candidate.personId,
        reasons_json: JSON.stringify(sortReasons(candidate.reasons)),
        created_at: now,
        updated_at: now,
        updated_by: user.id,
      })
      .execute();
    added += 1;
    room -= 1;
  }
  return { added, removed };
}

export async function refreshAgenda(session: WorkspaceSession, sessionId: string): Promise<{ added: number; removed: number }> {
  return changeOpenSession(session, sessionId, 'refresh agenda', async (trx, { row }) => {
    const result = await syncAgenda(session, trx, row);
    await session.audit({ action: 'supervision.agenda_refreshed', entityType: 'supervision_session', entityId: sessionId, details: result }, trx);
    return result;
  });
}

function agendaQuery(db: LinkdeskDb) {
  return db
    .selectFrom('supervision_agenda_items as i')
    .innerJoin('people as p', 'p.id', 'i.person_id')
    .innerJoin('episodes as e', 'e.id', 'i.episode_id')
    .selectAll('i')
    .select(['e.status as episode_status', PERSON_NAME.as('person_name')]);
}

/** Flags current at `asOf` (a signed session shows the flags as they were when it was signed). */
async function flagsAt(db: LinkdeskDb, personIds: string[], asOf: string): Promise<Map<string, { kind: PersonFlagKind; reason: string }[]>> {
  const flags = new Map<string, { kind: PersonFlagKind; reason: string }[]>();
  if (personIds.length === 0) return flags;
  const rows = await db
    .selectFrom('person_flags')
    .select(['person_id', 'kind', 'reason'])
    .where('person_id', 'in', personIds)
    .where('raised_at', '<=', asOf)
    .where((eb) => eb.or([eb('cleared_at', 'is', null), eb('cleared_at', '>', asOf)]))
    .orderBy('kind', 'desc')
    .execute();
  for (const row of rows) flags.set(row.person_id, [...(flags.get(row.person_id) ?? []), { kind: row.kind, reason: row.reason }]);
  return flags;
}

/** The agenda as the workspace shows it: most pressing reason first, then by name. */
export async function loadAgenda(db: LinkdeskDb, row: SessionRecord, actions: readonly SupervisionAction[], asOf: string, onlyItemId?: string): Promise<AgendaItem[]> {
  let query = agendaQuery(db).where('i.session_id', '=', row.id);
  if (onlyItemId) query = query.where('i.id', '=', onlyItemId);
  const items = await query.execute();
  const flags = await flagsAt(db, [...new Set(items.map((item) => item.person_id))], asOf);
  const agenda = items.map((item): AgendaItem => {
    const reasons = sortReasons([...(JSON.parse(item.reasons_json) as AgendaReason[]), ...(item.added_by ? (['added'] as const) : [])]);
    return {
      id: item.id,
      episodeId: item.episode_id,
      personId: item.person_id,
      personName: item.person_name,
      episodeStatus: item.episode_status,
      reasons,
      addedNote: item.added_note ?? '',
      flags: flags.get(item.person_id) ?? [],
      discussion: item.discussion ?? '',
      decision: item.decision ?? '',
      safeguardingRaised: item.safeguarding_raised === 1,
      safeguardingAction: item.safeguarding_action ?? '',
      actions: actions.filter((action) => action.itemId === item.id),
    };
  });
  const rank = (item: AgendaItem) => AGENDA_REASON_CODES.indexOf(item.reasons[0]!);
  return agenda.sort((a, b) => rank(a) - rank(b) || a.personName.localeCompare(b.personName, 'en-GB'));
}

async function sessionOfItem(db: LinkdeskDb, itemId: string): Promise<string> {
  const row = await db.selectFrom('supervision_agenda_items').select('session_id').where('id', '=', itemId).executeTakeFirst();
  if (!row) throw new AppError('not_found', 'That case is not on a supervision agenda.');
  return row.session_id;
}

/** A case either person wants to discuss, with why. It must be one of the link worker's cases. */
export async function addCase(session: WorkspaceSession, input: { sessionId: string; episodeId: string; note: string }): Promise<AgendaItem> {
  const { user } = session.requireUnlocked();
  return changeOpenSession(session, input.sessionId, 'add case', async (trx, { row }) => {
    const episode = await findEpisode(trx, input.episodeId);
    if (episode.worker_user_id !== row.worker_user_id) invalidInput({ episodeId: `Choose one of ${row.worker_name}’s cases` });
    const now = session.clock.now().toISOString();
    const existing = await trx.selectFrom('supervision_agenda_items').select(['id', 'added_by']).where('session_id', '=', row.id).where('episode_id', '=', input.episodeId).executeTakeFirst();
    if (existing?.added_by) throw new AppError('conflict', 'This case has already been added to the agenda.');
    const id = existing?.id ?? randomUUID();
    if (existing) {
      await trx.updateTable('supervision_agenda_items').set({ added_by: user.id, added_note: input.note.trim(), updated_at: now, updated_by: user.id }).where('id', '=', id).execute();
    } else {
      const count = await trx.selectFrom('supervision_agenda_items').select((eb) => eb.fn.countAll<number>().as('n')).where('session_id', '=', row.id).executeTakeFirstOrThrow();
      if (count.n >= SUPERVISION_LIMITS.agendaItems) throw new AppError('conflict', `An agenda can hold at most ${SUPERVISION_LIMITS.agendaItems} cases.`);
      await trx
        .insertInto('supervision_agenda_items')
        .values({ id, session_id: row.id, episode_id: episode.id, person_id: episode.person_id, reasons_json: '[]', added_by: user.id, added_note: input.note.trim(), created_at: now, updated_at: now, updated_by: user.id })
        .execute();
    }
    await session.audit({ action: 'supervision.case_added', entityType: 'person', entityId: episode.person_id, details: { sessionId: row.id, itemId: id, episodeId: episode.id } }, trx);
    const [item] = await loadAgenda(trx, row, [], now, id);
    return item!;
  });
}

/** The discussion, the decision and any safeguarding concern for one case. */
export async function recordDiscussion(
  session: WorkspaceSession,
  input: { itemId: string; discussion: string; decision: string; safeguardingRaised: boolean; safeguardingAction: string },
): Promise<AgendaItem> {
  const { user } = session.requireUnlocked();
  return changeOpenSession(session, (db) => sessionOfItem(db, input.itemId), 'record discussion', async (trx, { row }) => {
    const now = session.clock.now().toISOString();
    await trx
      .updateTable('supervision_agenda_items')
      .set({
        discussion: nullIfEmpty(input.discussion.trim()),
        decision: nullIfEmpty(input.decision.trim()),
        safeguarding_raised: input.safeguardingRaised ? 1 : 0,
        safeguarding_action: input.safeguardingRaised ? input.safeguardingAction.trim() : null,
        updated_at: now,
        updated_by: user.id,
      })
      .where('id', '=', input.itemId)
      .execute();
    const [item] = await loadAgenda(trx, row, await actionsOfSession(trx, row.id, todayOf(session), null), now, input.itemId);
    await session.audit(
      {
        action: 'supervision.discussion_recorded',
        entityType: 'person',
        entityId: item!.personId,
        details: { sessionId: row.id, itemId: input.itemId, decisionRecorded: input.decision.trim() !== '', safeguardingRaised: input.safeguardingRaised },
      },
      trx,
    );
    return item!;
  });
}
