import { type RawBuilder, sql } from 'kysely';
import { SEARCH_MATCH_PLACES, type SessionSearchResult } from '../../../shared/ipc/supervision-schemas';
import { todayOf } from '../casework-common';
import type { WorkspaceSession } from '../workspace-session';
import { requireMyPair } from './pairs';
import { sessionQuery, toSessionSummary } from './session-access';

/**
 * Past sessions, searched by date and by words: a person's name, or what was written in the
 * discussion, decisions, safeguarding, actions and addenda. Only the signed-in user's own sessions
 * are searched. LIKE over a few thousand rows a year is quick enough and needs no second index of
 * supervision notes; the audit records how many sessions were found, never what was typed.
 */
type Place = (typeof SEARCH_MATCH_PLACES)[number];

export const HISTORY_RESULT_LIMIT = 100;

/** "50%_off" matches itself, not "50 anything off". */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

function matchers(pattern: string): Record<Place, RawBuilder<number>> {
  const like = (column: string) => sql`${sql.ref(column)} LIKE ${pattern} ESCAPE '\\'`;
  const inItems = (condition: RawBuilder<unknown>) => sql<number>`EXISTS (SELECT 1 FROM supervision_agenda_items i WHERE i.session_id = ss.id AND ${condition})`;
  return {
    person: sql<number>`EXISTS (SELECT 1 FROM supervision_agenda_items i JOIN people p ON p.id = i.person_id WHERE i.session_id = ss.id
      AND concat_ws(' ', p.given_name, p.family_name, p.preferred_name) LIKE ${pattern} ESCAPE '\\')`,
    discussion: inItems(sql`(${like('i.discussion')} OR ${like('i.added_note')})`),
    decision: inItems(like('i.decision')),
    safeguarding: inItems(like('i.safeguarding_action')),
    action: sql<number>`EXISTS (SELECT 1 FROM supervision_actions a WHERE a.session_id = ss.id AND ${like('a.text')})`,
    addendum: sql<number>`EXISTS (SELECT 1 FROM supervision_addenda x WHERE x.session_id = ss.id AND ${like('x.text')})`,
  };
}

export async function searchSessions(session: WorkspaceSession, input: { query: string; from: string; to: string; pairId?: string | undefined }): Promise<SessionSearchResult[]> {
  const { db, user } = session.requireUnlocked();
  if (input.pairId) await requireMyPair(session, db, input.pairId);
  const match = input.query === '' ? null : matchers(containsPattern(input.query));
  let query = sessionQuery(db).where((eb) => eb.or([eb('sp.supervisor_user_id', '=', user.id), eb('sp.worker_user_id', '=', user.id)]));
  if (input.pairId) query = query.where('ss.pair_id', '=', input.pairId);
  if (input.from) query = query.where('ss.held_on', '>=', input.from);
  if (input.to) query = query.where('ss.held_on', '<=', input.to);
  const places = match ? SEARCH_MATCH_PLACES.map((place) => match[place].as(`in_${place}`)) : [];
  if (match) query = query.where(sql<boolean>`(${sql.join(SEARCH_MATCH_PLACES.map((place) => match[place]), sql` OR `)})`);
  const rows = await query.select(places).orderBy('ss.held_on', 'desc').limit(HISTORY_RESULT_LIMIT).execute();
  const today = todayOf(session);
  const results = rows.map((row) => ({
    session: toSessionSummary(row, today),
    matchedIn: match ? SEARCH_MATCH_PLACES.filter((place) => (row as unknown as Record<string, unknown>)[`in_${place}`] === 1) : [],
  }));
  await session.audit({ action: 'supervision.searched', details: { resultCount: results.length, byWords: match !== null, byDate: input.from !== '' || input.to !== '' } });
  return results;
}
