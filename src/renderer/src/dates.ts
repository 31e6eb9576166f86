import { differenceInYears, format, parseISO } from 'date-fns';

/**
 * Dates as forms hold them. Date fields use "yyyy-MM-dd" (the value of <input type="date">) and
 * times are the person's local clock, so "today" is today in the practice, not in UTC.
 */
export function todayIsoDate(now: Date = new Date()): string {
  return format(now, 'yyyy-MM-dd');
}

/** The value an <input type="datetime-local"> shows for a moment, e.g. "2026-05-03T14:05". */
export function dateTimeInputValue(moment: Date = new Date()): string {
  return format(moment, "yyyy-MM-dd'T'HH:mm");
}

/** "2026-05-03T14:05" (local) → "2026-05-03T14:05:00+01:00", so main knows which day it was here. */
export function localDateTimeWithOffset(inputValue: string): string | null {
  const moment = new Date(inputValue);
  return Number.isNaN(moment.getTime()) ? null : format(moment, "yyyy-MM-dd'T'HH:mm:ssXXX");
}

/** Age in whole years on `on` (today by default). */
export function ageInYears(dateOfBirth: string, on: Date = new Date()): number | null {
  const born = parseISO(dateOfBirth);
  return Number.isNaN(born.getTime()) ? null : differenceInYears(on, born);
}
