import { AppError } from '../../errors';
import type { EpisodeRow } from '../casework-common';

/** Helpers the outcomes services share. */

/** A calendar date as messages say it, e.g. "3 Mar 2026". */
export function formatDay(isoDate: string): string {
  return new Date(`${isoDate}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

/** An episode that can take measures: open, and not declined. */
export function requireMeasurable(episode: EpisodeRow): void {
  if (episode.status === 'closed') throw new AppError('conflict', 'This referral is closed, so no more measures can be recorded.');
  if (episode.status === 'declined') throw new AppError('conflict', 'They declined social prescribing, so there is nothing to measure.');
}
