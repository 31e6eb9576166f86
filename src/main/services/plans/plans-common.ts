import { AppError } from '../../errors';
import type { LinkdeskDb } from '../../store/kysely';
import { type EpisodeRow, findEpisode } from '../casework-common';

/** Helpers shared by conversations and plans. */

/** An episode that can still change: a closed referral's conversations and plans are kept as they are. */
export async function requireOpenEpisode(db: LinkdeskDb, episodeId: string): Promise<EpisodeRow> {
  const episode = await findEpisode(db, episodeId);
  if (episode.status === 'closed') throw new AppError('conflict', 'This referral is closed, so its conversations and plan cannot change.');
  return episode;
}

/**
 * The person's words are stored exactly as typed; a field left empty (or only spaces) is NULL.
 */
export function textOrNull(text: string): string | null {
  return text.trim() === '' ? null : text;
}
