/**
 * Calendar dates as "yyyy-mm-dd" strings and working days (Monday to Friday, not an England and
 * Wales bank holiday). Dates are calendar days where the practice is: "today" is the local date
 * of the machine, the same day the renderer's forms show.
 */

/** The local calendar date of a moment, e.g. 2026-11-22. */
export function isoDateOf(moment: Date): string {
  const year = String(moment.getFullYear()).padStart(4, '0');
  const month = String(moment.getMonth() + 1).padStart(2, '0');
  const day = String(moment.getDate()).padStart(2, '0');
  return `${year}-${month}-${day}`;
}

function utcDay(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00.000Z`);
}

/** A calendar date plus (or minus) whole days. */
export function addDays(isoDate: string, days: number): string {
  const day = utcDay(isoDate);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

/** Whole days from one calendar date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcDay(to).getTime() - utcDay(from).getTime()) / 86_400_000);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(isoDate: string): number {
  return utcDay(isoDate).getUTCDay();
}

/**
 * England and Wales bank holidays, 2024 to 2030 (GOV.UK's list, with substitute days where the
 * holiday falls at a weekend). Add one-off holidays here when they are announced. Outside these
 * years only weekends are skipped.
 */
export const BANK_HOLIDAYS_ENGLAND_AND_WALES: ReadonlySet<string> = new Set([
  // 2024
  '2024-01-01', '2024-03-29', '2024-04-01', '2024-05-06', '2024-05-27', '2024-08-26', '2024-12-25', '2024-12-26',
  // 2025
  '2025-01-01', '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-08-25', '2025-12-25', '2025-12-26',
  // 2026 (Boxing Day is a Saturday: substitute Monday 28 December)
  '2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28',
  // 2027 (Christmas Day and Boxing Day at the weekend: substitutes 27 and 28 December)
  '2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28',
  // 2028 (New Year's Day is a Saturday: substitute Monday 3 January)
  '2028-01-03', '2028-04-14', '2028-04-17', '2028-05-01', '2028-05-29', '2028-08-28', '2028-12-25', '2028-12-26',
  // 2029
  '2029-01-01', '2029-03-30', '2029-04-02', '2029-05-07', '2029-05-28', '2029-08-27', '2029-12-25', '2029-12-26',
  // 2030
  '2030-01-01', '2030-04-19', '2030-04-22', '2030-05-06', '2030-05-27', '2030-08-26', '2030-12-25', '2030-12-26',
]);

export const BANK_HOLIDAY_YEARS = { first: 2024, last: 2030 } as const;

export function isWorkingDay(isoDate: string): boolean {
  const weekday = weekdayOf(isoDate);
  return weekday !== 0 && weekday !== 6 && !BANK_HOLIDAYS_ENGLAND_AND_WALES.has(isoDate);
}

/**
 * The date `workingDays` working days after `isoDate`, not counting `isoDate` itself: a referral
 * received on Monday 2 March 2026 with 5 working days is due by Monday 9 March. A referral that
 * arrives at a weekend starts counting on the next working day.
 */
export function addWorkingDays(isoDate: string, workingDays: number): string {
  let date = isoDate;
  let counted = 0;
  while (counted < workingDays) {
    date = addDays(date, 1);
    if (isWorkingDay(date)) counted += 1;
  }
  return date;
}

export const FIRST_CONTACT_WORKING_DAYS_DEFAULT = 5;
