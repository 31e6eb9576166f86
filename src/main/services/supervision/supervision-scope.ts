import { type RawBuilder, type SqlBool, sql } from 'kysely';
import { ForbiddenError } from '../../errors';
import type { LinkdeskDb } from '../../store/kysely';
import type { WorkspaceSession } from '../workspace-session';

/**
 * Whose casework the signed-in user may read: the ONE place the rule lives.
 *
 * A GP supervisor reads the episodes held by the link workers they currently supervise (their
 * supervisees) and nothing else: not other workers' caseloads, records, plans, conversations,
 * connections or coding items. A person is readable when at least one of their episodes is held by
 * a supervisee, and their record then shows only those episodes and what belongs to them. Link
 * workers keep the whole-workspace view casework has always had; admins never reach these reads
 * (the contract's roles keep them out).
 *
 * A refusal is a ForbiddenError, which the router answers as `forbidden` and audits as
 * access.denied (see src/main/ipc/router.ts), the same way as a refusal by role.
 */
export type CaseScope = { all: true } | { all: false; workerIds: readonly string[] };

export const OUT_OF_SCOPE_MESSAGE = 'You can only open the casework of the link workers you supervise.';

/** The current supervisees of a GP supervisor. */
export async function superviseesOf(db: LinkdeskDb, supervisorUserId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('supervision_pairs')
    .select('worker_user_id')
    .where('supervisor_user_id', '=', supervisorUserId)
    .where('ended_at', 'is', null)
    .execute();
  return rows.map((row) => row.worker_user_id);
}

export async function caseScope(session: WorkspaceSession, db: LinkdeskDb = session.requireUnlocked().db): Promise<CaseScope> {
  const { user } = session.requireUnlocked();
  if (user.role !== 'gp_supervisor') return { all: true };
  return { all: false, workerIds: await superviseesOf(db, user.id) };
}

export function episodeInScope(scope: CaseScope, workerUserId: string | null): boolean {
  return scope.all || (workerUserId !== null && scope.workerIds.includes(workerUserId));
}

/** An SQL condition on an episode's worker column (e.g. 'e.worker_user_id'): true for every episode in scope. */
export function scopeCondition(scope: CaseScope, workerColumn: string): RawBuilder<SqlBool> {
  if (scope.all) return sql<SqlBool>`1`;
  if (scope.workerIds.length === 0) return sql<SqlBool>`0`;
  return sql<SqlBool>`${sql.ref(workerColumn)} IN (${sql.join(scope.workerIds)})`;
}

/** Refuses an episode outside the caller's scope. */
export async function requireEpisodeInScope(session: WorkspaceSession, db: LinkdeskDb, episode: { person_id: string; worker_user_id: string | null }): Promise<CaseScope> {
  const scope = await caseScope(session, db);
  if (!episodeInScope(scope, episode.worker_user_id)) throw new ForbiddenError(OUT_OF_SCOPE_MESSAGE, { type: 'person', id: episode.person_id });
  return scope;
}

/** Refuses a person none of whose episodes is in the caller's scope; returns the scope to filter their record with. */
export async function requirePersonInScope(session: WorkspaceSession, db: LinkdeskDb, personId: string): Promise<CaseScope> {
  const scope = await caseScope(session, db);
  if (scope.all) return scope;
  const held = await sql<{ found: number }>`SELECT 1 AS found FROM episodes e WHERE e.person_id = ${personId} AND ${scopeCondition(scope, 'e.worker_user_id')} LIMIT 1`.execute(db);
  if (held.rows.length === 0) throw new ForbiddenError(OUT_OF_SCOPE_MESSAGE, { type: 'person', id: personId });
  return scope;
}

/** Of the given people, those the caller may read (for search results). */
export async function readablePeople(scope: CaseScope, db: LinkdeskDb, personIds: readonly string[]): Promise<Set<string>> {
  if (scope.all || personIds.length === 0) return new Set(personIds);
  const rows = await sql<{ person_id: string }>`
    SELECT DISTINCT e.person_id FROM episodes e WHERE e.person_id IN (${sql.join(personIds)}) AND ${scopeCondition(scope, 'e.worker_user_id')}`.execute(db);
  return new Set(rows.rows.map((row) => row.person_id));
}

/** A person's episodes the caller may read. */
export async function readableEpisodeIds(scope: CaseScope, db: LinkdeskDb, personId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('episodes as e').select('e.id').where('e.person_id', '=', personId).where(scopeCondition(scope, 'e.worker_user_id')).execute();
  return new Set(rows.map((row) => row.id));
}

/**
 * Keeps the parts of a person's record that belong to readable episodes. Items tied to no episode
 * (a person-level note) stay: they are about the person, whom the caller may read.
 */
export function keepReadable<T extends { episodeId: string | null }>(scope: CaseScope, readableEpisodeIds: ReadonlySet<string>, items: readonly T[]): T[] {
  return scope.all ? [...items] : items.filter((item) => item.episodeId === null || readableEpisodeIds.has(item.episodeId));
}
