import { addMonths, format, parseISO } from 'date-fns';
import { addDays } from '../working-days';

/**
 * System use for the common outcomes framework: GP consultations and A&E attendances in the
 * 6 months before the referral was received and the 6 months after the episode closed, counted
 * from the practice record by someone with access to it.
 */
export const SYSTEM_USE_MONTHS = 6;
export const SYSTEM_USE_MAX = 366;
export const SYSTEM_USE_PERIODS = { before: '6 months before the referral', after: '6 months after the episode closed' } as const;
export type SystemUsePeriod = keyof typeof SYSTEM_USE_PERIODS;
export const SYSTEM_USE_PERIOD_CODES = Object.keys(SYSTEM_USE_PERIODS) as [SystemUsePeriod, ...SystemUsePeriod[]];

function plusMonths(isoDate: string, months: number): string {
  return format(addMonths(parseISO(isoDate), months), 'yyyy-MM-dd');
}

/** The dates a window covers, first and last day included. */
export function systemUseWindow(period: SystemUsePeriod, episode: { receivedOn: string; closedOn: string | null }): { from: string; to: string } | null {
  if (period === 'before') return { from: plusMonths(episode.receivedOn, -SYSTEM_USE_MONTHS), to: addDays(episode.receivedOn, -1) };
  if (!episode.closedOn) return null;
  return { from: addDays(episode.closedOn, 1), to: plusMonths(episode.closedOn, SYSTEM_USE_MONTHS) };
}
