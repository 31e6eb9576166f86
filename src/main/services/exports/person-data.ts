import type { Selectable } from 'kysely';
import { AUDIT_ACTIONS } from '../../../shared/audit-actions';
import { SNOMED, type ClosureReason, type EpisodeStatus } from '../../../shared/domain/referral';
import type { Episode } from '../../../shared/ipc/casework-schemas';
import type { Conversation, PlanVersion } from '../../../shared/ipc/plans-schemas';
import { AppError } from '../../errors';
import type { LinkdeskDb } from '../../store/kysely';
import type { PeopleTable } from '../../store/schema';
import { loadConnections } from '../connections/connections';
import { loadEpisodes } from '../episodes';
import { loadConversations } from '../plans/conversations';
import { loadPlanVersion } from '../plans/plans';
import { flagQuery, toFlag } from '../supervision/person-flags';

/**
 * Everything Linkdesk holds about one person, read through the same loaders the screens use, for
 * the subject access export and the transfer bundle. Each loader reads one kind of thing; the
 * exports choose which they need (a transfer carries less than a subject access request).
 */
export type PersonRow = Selectable<PeopleTable>;

export async function loadPersonRow(db: LinkdeskDb, personId: string): Promise<PersonRow> {
  const row = await db.selectFrom('people').selectAll().where('id', '=', personId).executeTakeFirst();
  if (!row) throw new AppError('not_found', 'That person does not exist.');
  return row;
}

export interface StatusChange {
  at: string;
  from: EpisodeStatus | null;
  to: EpisodeStatus;
  by: string | null;
  closureReason: ClosureReason | null;
}

export type EpisodeWithHistory = Episode & { statusHistory: StatusChange[] };

/** Referrals, newest first, each with its status history (oldest first). */
export async function loadEpisodesWithHistory(db: LinkdeskDb, personId: string): Promise<EpisodeWithHistory[]> {
  const episodes = await loadEpisodes(db, { personId });
  if (episodes.length === 0) return [];
  const history = await db
    .selectFrom('episode_status_history as h')
    .leftJoin('users as u', 'u.id', 'h.changed_by')
    .select(['h.episode_id', 'h.at', 'h.from_status', 'h.to_status', 'h.closure_reason', 'u.display_name'])
    .where(
      'h.episode_id',
      'in',
      episodes.map((episode) => episode.id),
    )
    .orderBy('h.id')
    .execute();
  return episodes.map((episode) => ({
    ...episode,
    statusHistory: history
      .filter((entry) => entry.episode_id === episode.id)
      .map((entry) => ({ at: entry.at, from: entry.from_status, to: entry.to_status, by: entry.display_name, closureReason: entry.closure_reason })),
  }));
}

export interface PersonContact {
  id: string;
  episodeId: string;
  at: string;
  contactOn: string;
  mode: string;
  durationMinutes: number;
  didNotAttend: boolean;
  decision: 'accepted' | 'declined' | null;
  attendees: string | null;
  notes: string | null;
  recordedBy: string | null;
}

/** Contacts, oldest first (a record reads as a story). */
export async function loadPersonContacts(db: LinkdeskDb, personId: string): Promise<PersonContact[]> {
  const rows = await db
    .selectFrom('contacts as c')
    .leftJoin('users as u', 'u.id', 'c.recorded_by')
    .selectAll('c')
    .select('u.display_name')
    .where('c.person_id', '=', personId)
    .orderBy('c.at')
    .orderBy('c.seq')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    episodeId: row.episode_id,
    at: row.at,
    contactOn: row.contact_on,
    mode: row.mode,
    durationMinutes: row.duration_minutes,
    didNotAttend: row.did_not_attend === 1,
    decision: row.decision,
    attendees: row.attendees,
    notes: row.notes,
    recordedBy: row.display_name,
  }));
}

export async function loadPersonNotes(db: LinkdeskDb, personId: string) {
  const rows = await db
    .selectFrom('person_notes as n')
    .leftJoin('users as u', 'u.id', 'n.created_by')
    .select(['n.id', 'n.episode_id', 'n.created_at', 'n.text', 'u.display_name'])
    .where('n.person_id', '=', personId)
    .orderBy('n.created_at')
    .orderBy('n.seq')
    .execute();
  return rows.map((row) => ({ id: row.id, episodeId: row.episode_id, at: row.created_at, author: row.display_name, text: row.text }));
}

export async function loadPersonConversations(db: LinkdeskDb, episodeIds: readonly string[]): Promise<Conversation[]> {
  const all: Conversation[] = [];
  for (const episodeId of episodeIds) all.push(...(await loadConversations(db, { episodeId })));
  return all;
}

/** Every version of every plan, oldest first, with reviews and staff notes. */
export async function loadPersonPlans(db: LinkdeskDb, personId: string): Promise<PlanVersion[]> {
  const versions = await db
    .selectFrom('care_plan_versions as v')
    .innerJoin('care_plans as p', 'p.id', 'v.plan_id')
    .select('v.id')
    .where('p.person_id', '=', personId)
    .orderBy('p.created_at')
    .orderBy('v.version')
    .execute();
  const plans: PlanVersion[] = [];
  for (const version of versions) plans.push(await loadPlanVersion(db, version.id));
  return plans;
}

export function loadPersonConnections(db: LinkdeskDb, personId: string) {
  return loadConnections(db, { personId });
}

const TERMS: Record<string, string> = Object.fromEntries(Object.values(SNOMED).map((concept) => [concept.code, concept.term]));

export async function loadPersonCodes(db: LinkdeskDb, personId: string) {
  const rows = await db
    .selectFrom('coding_queue')
    .select(['episode_id', 'code', 'contact_on', 'due_on', 'recorded_on'])
    .where('person_id', '=', personId)
    .orderBy('queued_at')
    .execute();
  return rows.map((row) => ({ episodeId: row.episode_id, code: row.code, term: TERMS[row.code] ?? row.code, contactOn: row.contact_on, dueOn: row.due_on, recordedOn: row.recorded_on }));
}

/**
 * Who viewed, changed or exported the person's record: every audit entry filed against them
 * (casework services file each read and change against the person). Only when, what and who:
 * the entries' details can name other records.
 */
export async function loadPersonAudit(db: LinkdeskDb, personId: string) {
  const rows = await db
    .selectFrom('audit_log as a')
    .leftJoin('users as u', 'u.id', 'a.actor_user_id')
    .select(['a.at', 'a.action', 'a.actor_username', 'u.display_name', 'u.role'])
    .where('a.entity_type', '=', 'person')
    .where('a.entity_id', '=', personId)
    .orderBy('a.id')
    .execute();
  return rows.map((row) => ({
    at: row.at,
    action: row.action,
    what: (AUDIT_ACTIONS as Record<string, string>)[row.action] ?? row.action,
    by: row.display_name ?? row.actor_username,
    role: row.role,
  }));
}

/** Risk and safeguarding flags, oldest first, with who raised and cleared each and why. */
export async function loadPersonFlags(db: LinkdeskDb, personId: string) {
  const rows = await flagQuery(db).where('f.person_id', '=', personId).orderBy('f.seq').execute();
  return rows.map(toFlag);
}

/**
 * What was said about the person in clinical supervision: each time their case was on a session's
 * agenda, why, the discussion, the decision, any safeguarding concern, and the actions agreed.
 * Not the link worker's own wellbeing check-in: that is about the worker, not the person.
 */
export async function loadPersonSupervision(db: LinkdeskDb, personId: string) {
  const items = await db
    .selectFrom('supervision_agenda_items as i')
    .innerJoin('supervision_sessions as s', 's.id', 'i.session_id')
    .select(['i.id', 'i.episode_id', 'i.reasons_json', 'i.added_note', 'i.discussion', 'i.decision', 'i.safeguarding_raised', 'i.safeguarding_action', 's.held_on', 's.signed_at'])
    .where('i.person_id', '=', personId)
    .orderBy('s.held_on')
    .orderBy('i.seq')
    .execute();
  if (items.length === 0) return [];
  const actions = await db
    .selectFrom('supervision_actions as a')
    .leftJoin('supervision_action_completions as c', 'c.action_id', 'a.id')
    .select(['a.agenda_item_id', 'a.text', 'a.owner', 'a.due_on', 'c.done_on'])
    .where(
      'a.agenda_item_id',
      'in',
      items.map((item) => item.id),
    )
    .orderBy('a.seq')
    .execute();
  return items.map((item) => ({
    episodeId: item.episode_id,
    sessionHeldOn: item.held_on,
    signedOff: item.signed_at !== null,
    reasons: JSON.parse(item.reasons_json) as string[],
    addedNote: item.added_note,
    discussion: item.discussion,
    decision: item.decision,
    safeguardingRaised: item.safeguarding_raised === 1,
    safeguardingAction: item.safeguarding_action,
    actions: actions.filter((action) => action.agenda_item_id === item.id).map((action) => ({ text: action.text, owner: action.owner, dueOn: action.due_on, doneOn: action.done_on })),
  }));
}
