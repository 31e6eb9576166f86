/**
 * Aggregate reports (the PCN / commissioner activity report): what they count, over which period,
 * and the small-number rule that protects the people behind the counts.
 */

/**
 * Small numbers: a count from 1 to threshold − 1 is shown as "<threshold" (the NHS habit is 1–7
 * shown as "<8"); 0 is shown as 0. Admins may choose another threshold within these limits.
 */
export const SMALL_NUMBER_THRESHOLD_DEFAULT = 8;
export const SMALL_NUMBER_THRESHOLD_MIN = 3;
export const SMALL_NUMBER_THRESHOLD_MAX = 20;

/** What a hidden count shows. A small number says "<8"; a count hidden so that a small one cannot be worked out says this. */
export const HIDDEN_COUNT_TEXT = '*';
/** What every count of a breakdown shows when no cell could be hidden safely (see docs/reports.md). */
export const WITHHELD_COUNT_TEXT = '—';

export function smallNumberText(threshold: number): string {
  return `<${threshold}`;
}

/** The longest period one report covers, so monthly charts stay readable. */
export const REPORT_MAX_MONTHS = 36;

/**
 * The report's sections, in the order the screen, the CSV and the PDF show them. Each section is
 * one chart on the Reports screen and can be exported on its own.
 */
export const ACTIVITY_SECTIONS = {
  referrals_by_month: 'Referrals received, by month',
  referrals_by_source: 'Referrals received, by source',
  referrals_by_reason: 'Referrals received, by reason',
  referral_status: 'Where those referrals are now',
  caseload_by_month: 'Caseload size at the end of each month',
  contacts_by_mode: 'Attended contacts, by how they happened',
  contacts_per_person: 'Contacts per person',
  decisions_by_month: 'Accepted and declined social prescribing, by month',
  gp_codes: 'SNOMED codes for the GP record',
  closures_by_reason: 'Referrals closed, by reason',
  directory_use: 'Directory use: connections to groups and services',
  ons4_change: 'ONS4 personal wellbeing: change from the start to the end',
} as const;
export type ActivitySection = keyof typeof ACTIVITY_SECTIONS;
export const ACTIVITY_SECTION_CODES = Object.keys(ACTIVITY_SECTIONS) as [ActivitySection, ...ActivitySection[]];

/** Bands for "contacts per person": exact counts for a few people would single them out. */
export const CONTACT_BANDS = [
  { key: '1', label: '1 contact', min: 1, max: 1 },
  { key: '2-3', label: '2 to 3 contacts', min: 2, max: 3 },
  { key: '4-6', label: '4 to 6 contacts', min: 4, max: 6 },
  { key: '7-12', label: '7 to 12 contacts', min: 7, max: 12 },
  { key: '13+', label: '13 or more contacts', min: 13, max: null },
] as const;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** How many calendar months a period touches, both ends included (0 when the dates are not ISO dates or run backwards). */
export function monthSpan(from: string, to: string): number {
  if (!ISO_DATE.test(from) || !ISO_DATE.test(to) || to < from) return 0;
  return (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7)) + 1;
}

/** The calendar months a period touches, as "yyyy-mm", both ends included. */
export function monthsBetween(from: string, to: string): string[] {
  const year = Number(from.slice(0, 4));
  const month = Number(from.slice(5, 7)) - 1;
  return Array.from({ length: monthSpan(from, to) }, (_, index) => {
    const total = month + index;
    return `${String(year + Math.floor(total / 12)).padStart(4, '0')}-${String((total % 12) + 1).padStart(2, '0')}`;
  });
}

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2026-03" → "Mar 2026". */
export function monthLabel(month: string): string {
  return `${MONTH_NAMES[Number(month.slice(5, 7)) - 1] ?? month} ${month.slice(0, 4)}`;
}
