import type { WorkspaceSession } from '../../../src/main/services/workspace-session';
import type { Episode } from '../../../src/shared/ipc/casework-schemas';
import type { EpisodeOutcomes, Measure, PersonOutcomes } from '../../../src/shared/ipc/outcomes-schemas';
import { ok } from '../../support/workspace';

/** Outcomes fixtures: measures and closings through the router, and one episode's outcomes. */
export async function recordMeasure(session: WorkspaceSession, episodeId: string, change: Record<string, unknown> = {}): Promise<Measure> {
  return ok<Measure>(session, 'outcomes.record', {
    episodeId,
    instrument: 'ons4',
    timepoint: 'baseline',
    recordedOn: session.clock.now().toISOString().slice(0, 10),
    answers: [3, 4, 5, 6],
    ...change,
  });
}

export async function closeWith(session: WorkspaceSession, episodeId: string, change: Record<string, unknown> = {}): Promise<Episode> {
  return ok<Episode>(session, 'outcomes.closeEpisode', {
    episodeId,
    closureReason: 'goals_met',
    whatMattered: 'Getting out of the house and seeing people',
    whatWasOffered: 'Walking group on Tuesdays; befriending calls',
    whatHappened: 'Walks every week and has made two friends',
    ...change,
  });
}

export async function outcomesOf(session: WorkspaceSession, personId: string, episodeId: string): Promise<EpisodeOutcomes> {
  const outcomes = await ok<PersonOutcomes>(session, 'outcomes.forPerson', { personId });
  const episode = outcomes.episodes.find((entry) => entry.episodeId === episodeId);
  if (!episode) throw new Error('episode not in the outcomes');
  return episode;
}
