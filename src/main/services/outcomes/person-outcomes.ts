import { describeChanges, INSTRUMENT_CODES } from '../../../shared/domain/outcomes/instruments';
import type { Change, ClosureSummary, EpisodeOutcomes, Measure, PersonOutcomes } from '../../../shared/ipc/outcomes-schemas';
import type { LinkdeskDb } from '../../store/kysely';
import { requirePerson, todayOf } from '../casework-common';
import type { WorkspaceSession } from '../workspace-session';
import { loadMeasures } from './measures';
import { loadSystemUse } from './system-use';
import { requirePersonInScope } from '../supervision/supervision-scope';

/**
 * A person's outcomes, episode by episode: every measure, the change from baseline in plain
 * English, the follow-up due, system use and the closing summary. Reading them is audited.
 */

/** Per instrument: the answered baseline against the answered end measure, or else the latest answered follow-up. */
export function changesOf(measures: readonly Measure[]): Change[] {
  const changes: Change[] = [];
  for (const instrument of INSTRUMENT_CODES) {
    const answered = measures.filter((measure) => measure.instrument === instrument && !measure.declined);
    const baseline = answered.find((measure) => measure.timepoint === 'baseline');
    const later = answered.find((measure) => measure.timepoint === 'end') ?? answered.filter((measure) => measure.timepoint === 'review').at(-1);
    if (!baseline || !later) continue;
    const scored = (measure: Measure) => ({ answers: measure.answers!, scores: { total: measure.total, metric: measure.metric } });
    changes.push({ instrument, fromOn: baseline.recordedOn, toOn: later.recordedOn, toTimepoint: later.timepoint, lines: describeChanges(instrument, scored(baseline), scored(later)) });
  }
  return changes;
}

export async function loadClosures(db: LinkdeskDb, episodeIds: readonly string[]): Promise<Map<string, ClosureSummary>> {
  if (episodeIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('episode_closures as c')
    .leftJoin('users as u', 'u.id', 'c.recorded_by')
    .selectAll('c')
    .select('u.display_name as recorded_by_name')
    .where('c.episode_id', 'in', episodeIds)
    .execute();
  return new Map(
    rows.map((row) => [
      row.episode_id,
      { whatMattered: row.what_mattered, whatWasOffered: row.what_was_offered, whatHappened: row.what_happened, recordedOn: row.recorded_at.slice(0, 10), recordedBy: row.recorded_by_name },
    ]),
  );
}

export async function loadEpisodeOutcomes(db: LinkdeskDb, filter: { personId: string } | { episodeId: string }, today: string): Promise<EpisodeOutcomes[]> {
  let query = db.selectFrom('episodes as e').leftJoin('outcome_follow_ups as f', 'f.episode_id', 'e.id').select(['e.id', 'e.status', 'e.received_on', 'e.closed_on', 'f.due_on']);
  query = 'personId' in filter ? query.where('e.person_id', '=', filter.personId) : query.where('e.id', '=', filter.episodeId);
  const episodes = await query.orderBy('e.received_on', 'desc').orderBy('e.seq', 'desc').execute();
  const ids = episodes.map((episode) => episode.id);
  const measures = await loadMeasures(db, ids);
  const systemUse = await loadSystemUse(
    db,
    episodes.map((episode) => ({ id: episode.id, receivedOn: episode.received_on, closedOn: episode.closed_on })),
    today,
  );
  const closures = await loadClosures(db, ids);
  return episodes.map((episode) => {
    const own = measures.filter((measure) => measure.episodeId === episode.id);
    const open = episode.status !== 'closed';
    const followUpDueOn = open ? (episode.due_on ?? null) : null;
    return {
      episodeId: episode.id,
      status: episode.status,
      receivedOn: episode.received_on,
      closedOn: episode.closed_on,
      measures: own,
      changes: changesOf(own),
      followUpDueOn,
      followUpDue: followUpDueOn !== null && followUpDueOn <= today,
      systemUse: systemUse.get(episode.id)!,
      closure: closures.get(episode.id) ?? null,
    };
  });
}

export async function getPersonOutcomes(session: WorkspaceSession, personId: string): Promise<PersonOutcomes> {
  const { db } = session.requireUnlocked();
  return db.transaction().execute(async (trx) => {
    await requirePerson(trx, personId);
    await requirePersonInScope(session, trx, personId);
    const episodes = await loadEpisodeOutcomes(trx, { personId }, todayOf(session));
    await session.audit(
      {
        action: 'outcome.viewed',
        entityType: 'person',
        entityId: personId,
        details: { episodes: episodes.length, measures: episodes.reduce((sum, episode) => sum + episode.measures.length, 0) },
      },
      trx,
    );
    return { personId, episodes };
  });
}
