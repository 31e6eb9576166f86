import { ForbiddenError } from '../../errors';
import type { LinkdeskDb } from '../../store/kysely';
import { readableEpisodeIds, requirePersonInScope } from '../supervision/supervision-scope';
import type { WorkspaceSession } from '../workspace-session';

export const NOT_WHOLE_RECORD_MESSAGE =
  'This person also has referrals held by link workers you do not supervise, so their whole record can only be exported by a link worker.';

/**
 * Subject access and transfer bundles carry a person's whole record, not the part a screen shows.
 * A GP supervisor reads only the episodes of the link workers they supervise (supervision-scope.ts),
 * so they may export a person only when every one of the person's episodes is in that scope;
 * otherwise the file would show them casework they cannot open. Link workers see the whole
 * workspace, as casework always has.
 */
export async function requireWholeRecordInScope(session: WorkspaceSession, db: LinkdeskDb, personId: string): Promise<void> {
  const scope = await requirePersonInScope(session, db, personId);
  if (scope.all) return;
  const readable = await readableEpisodeIds(scope, db, personId);
  const episodes = await db.selectFrom('episodes').select('id').where('person_id', '=', personId).execute();
  if (episodes.some((episode) => !readable.has(episode.id))) throw new ForbiddenError(NOT_WHOLE_RECORD_MESSAGE, { type: 'person', id: personId });
}
